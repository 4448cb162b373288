#pragma once

#include "core/engine/rulestatus.h"
#include "core/ruleset/endpoint.h"
#include "core/ruleset/ruleset.h"
#include "ui/dialogs/noticerow.h"

#include <optional>

class QPushButton;

namespace PortRelay {

// Under the rule editor's listen field: why the rule could not listen where it is told to
// (ListenPortCheck: another rule, another program, the engine's own word when the rule waits or
// failed), and a button that takes the nearest free port. Hidden when there is nothing to say; its
// place is kept, so the fields below stay put as a port is typed.
//
// Object names: "portStatusLabel", "usePortButton" (its "port" property holds the port offered).
class ListenPortNotice final : public NoticeRow
{
    Q_OBJECT

public:
    // others: the rules that may conflict. heldAddress: where the rule being edited listened when
    // the editor opened (none for a new rule); while it runs, its own socket holds that address.
    ListenPortNotice(const RuleSet &others, const std::optional<Endpoint> &heldAddress, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ListenPortNotice)

    // What the engine says of the rule being edited; may come again and again while the editor is
    // open. A rule that waits for its port (or failed to listen) holds no socket: the address it
    // started with is checked like any other, and the notice says what the engine met there.
    // Without a status, the rule is taken to hold its own address.
    void setRuleStatus(const RuleStatus &status);
    // Checks listen (none: it did not parse) for a rule of protocol, enabled or not; a disabled rule
    // conflicts with no rule. Binds the port only when one of these or the status changed since
    // last time.
    void check(Protocol protocol, const std::optional<Endpoint> &listen, bool enabled);

Q_SIGNALS:
    // "Use port N" was clicked.
    void portChosen(quint16 port);

private:
    struct Checked
    {
        Protocol protocol = Protocol::Tcp;
        Endpoint listen;
        bool enabled = true;
    };

    void run(const Checked &checked);

    const RuleSet m_others;
    const std::optional<Endpoint> m_heldAddress;
    std::optional<RuleStatus> m_status;
    std::optional<Checked> m_checked; // what the notice says now is about
    QPushButton *m_usePort = nullptr;
};

} // namespace PortRelay
