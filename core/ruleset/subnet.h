#pragma once

#include "core/i18n/message.h"

#include <QHostAddress>
#include <QString>

#include <optional>

namespace PortRelay {

// A CIDR block from an allow list, e.g. 127.0.0.0/8 or ::1/128.
struct Subnet
{
    QHostAddress network;
    int prefixLength = 0;

    // Accepts "a.b.c.d/n", "x::y/n" and a bare address (a single host). Host bits must be zero
    // ("10.0.0.1/8" is rejected: it is almost always a typo).
    static std::optional<Subnet> parse(QStringView text, Message *error = nullptr);
    QString toString() const;
    // An IPv4-mapped IPv6 client address (::ffff:127.0.0.1, as a dual-stack socket reports it)
    // counts as the IPv4 address it carries.
    bool contains(const QHostAddress &address) const;

    friend bool operator==(const Subnet &a, const Subnet &b)
    {
        return a.network == b.network && a.prefixLength == b.prefixLength;
    }
    friend bool operator!=(const Subnet &a, const Subnet &b) { return !(a == b); }
};

} // namespace PortRelay
