#pragma once

#include <QString>

namespace PortRelay {

// A label or action text reused where it is not a label: mnemonics ("&Name", the CJK style
// "名称(&N)" or "名称(N)") and the trailing colon (":" or "：") belong to the label only.
class MnemonicText
{
public:
    // "&Listen on:" → "Listen on"; "监听地址(&L)：" → "监听地址"; "R&&D" → "R&D".
    static QString plain(const QString &text);
    // plain() without a trailing ellipsis, for tool buttons: "新建规则(&N)…" → "新建规则".
    static QString toolButton(const QString &text);
};

} // namespace PortRelay
