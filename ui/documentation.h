#pragma once

#include <QStringList>
#include <QUrl>

namespace PortRelay {

// Where Help > Documentation goes: the installed docs (README.md with docs/ beside it, under
// <data dir>/doc/portrelay), or the project's pages online where none are installed.
class Documentation
{
public:
    static constexpr const char *RelativeEntry = "doc/portrelay/README.md";

    // The data folders searched: the one beside the binary's prefix (a relocated install), then the
    // user's and the system's (XDG_DATA_HOME, XDG_DATA_DIRS).
    static QStringList dataDirs();
    // The first dataDirs entry holding the docs, else onlineUrl().
    static QUrl entry(const QStringList &dirs = dataDirs());
    static QUrl onlineUrl();
};

} // namespace PortRelay
