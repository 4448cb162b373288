#include "core/ruleset/subnet.h"

#include "core/i18n/quoting.h"
#include "core/ruleset/endpoint.h"

namespace PortRelay {

namespace {

using Quoting::quoted;
using Quoting::shortened;

Message message(const char *source)
{
    return Message("PortRelay::Subnet", source);
}

bool isAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

std::optional<Subnet> Subnet::parse(QStringView text, Message *error)
{
    const auto fail = [error](const Message &reason) -> std::optional<Subnet> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    const Message expected = message(QT_TRANSLATE_NOOP(
        "PortRelay::Subnet", "invalid subnet %1: expected address/prefix, e.g. \"192.168.0.0/16\" or \"::1/128\""));

    const qsizetype slash = text.indexOf(u'/');
    const QStringView addressText = slash < 0 ? text : text.left(slash);
    // Reuse Endpoint's strict literal parsing (no "127.1", no leading zeros, IPv6 unbracketed).
    const Endpoint literal{addressText.toString(), 1};
    const auto address = addressText.contains(u'%') ? std::nullopt : literal.literalAddress();
    if (!address || addressText.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return fail(expected.arg(quoted(text)));

    const int maxPrefix = address->protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    int prefix = maxPrefix;
    if (slash >= 0) {
        const QStringView prefixText = text.mid(slash + 1);
        if (!isAsciiDigits(prefixText))
            return fail(expected.arg(quoted(text)));
        prefix = prefixText.size() > 3 ? maxPrefix + 1 : prefixText.toInt();
        if (prefix > maxPrefix)
            return fail(message(QT_TRANSLATE_NOOP("PortRelay::Subnet", "prefix length %1 out of range 0-%2 in %3"))
                            .arg(shortened(prefixText))
                            .arg(maxPrefix)
                            .arg(quoted(text)));
    }

    const QString canonical = address->toString() + u'/' + QString::number(prefix);
    const auto [network, length] = QHostAddress::parseSubnet(canonical);
    if (length != prefix)
        return fail(expected.arg(quoted(text)));
    if (!network.isEqual(*address, QHostAddress::StrictConversion)) {
        return fail(message(QT_TRANSLATE_NOOP("PortRelay::Subnet", "host bits set in %1 (did you mean %2/%3?)"))
                        .arg(shortened(text))
                        .arg(network.toString())
                        .arg(prefix));
    }
    return Subnet{network, prefix};
}

QString Subnet::toString() const
{
    return network.toString() + u'/' + QString::number(prefixLength);
}

bool Subnet::contains(const QHostAddress &address) const
{
    if (network.isNull())
        return false;
    if (network.protocol() == QAbstractSocket::IPv4Protocol && address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const quint32 v4 = address.toIPv4Address(&mapped);
        // toIPv4Address() also converts "::", which is not a client address: only ::ffff:a.b.c.d counts.
        if (!mapped || address.isEqual(QHostAddress(QHostAddress::AnyIPv6), QHostAddress::StrictConversion))
            return false;
        return QHostAddress(v4).isInSubnet(network, prefixLength);
    }
    return address.isInSubnet(network, prefixLength);
}

} // namespace PortRelay
