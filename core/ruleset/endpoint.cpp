#include "core/ruleset/endpoint.h"

#include "core/i18n/quoting.h"

namespace PortRelay {

namespace {

using Quoting::quoted;
using Quoting::shortened;

constexpr int MaxHostNameLength = 253;
constexpr int MaxLabelLength = 63;

Message message(const char *source)
{
    return Message("PortRelay::Endpoint", source);
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

bool looksLikeIPv4(QStringView host)
{
    for (QChar c : host) {
        if (c != u'.' && (c < u'0' || c > u'9'))
            return false;
    }
    return !host.isEmpty();
}

// Strict dotted quad: QHostAddress also takes "127.1" and leading zeros, which read as octal elsewhere.
std::optional<QHostAddress> parseIPv4(QStringView host)
{
    const auto parts = host.split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    for (QStringView part : parts) {
        if (!isAsciiDigits(part) || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return std::nullopt;
        if (part.toInt() > 255)
            return std::nullopt;
    }
    return QHostAddress(host.toString());
}

std::optional<QHostAddress> parseIPv6(QStringView host)
{
    QHostAddress address;
    if (!host.contains(u':') || !address.setAddress(host.toString()) ||
        address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    return address;
}

} // namespace

std::optional<Endpoint> Endpoint::parse(QStringView text, Message *error)
{
    const auto fail = [error](const Message &reason) -> std::optional<Endpoint> {
        if (error)
            *error = reason;
        return std::nullopt;
    };

    if (text.isEmpty())
        return fail(message(
            QT_TRANSLATE_NOOP("PortRelay::Endpoint", "empty address: expected host:port, e.g. \"127.0.0.1:8080\"")));

    QStringView hostText;
    QStringView portText;
    bool bracketed = false;
    if (text.front() == u'[') {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "missing \"]\" after the IPv6 address in %1"))
                            .arg(quoted(text)));
        hostText = text.mid(1, close - 1);
        const QStringView rest = text.mid(close + 1);
        if (rest.isEmpty() || rest == u":")
            return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint",
                                                  "missing port: expected [address]:port, e.g. \"[::1]:8080\"")));
        if (rest.front() != u':')
            return fail(
                message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "unexpected %1 after \"]\": expected \":port\""))
                    .arg(quoted(rest)));
        portText = rest.mid(1);
        bracketed = true;
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0)
            return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint",
                                                  "missing port in %1: expected host:port, e.g. \"127.0.0.1:8080\""))
                            .arg(quoted(text)));
        hostText = text.left(colon);
        portText = text.mid(colon + 1);
        if (hostText.contains(u':'))
            return fail(message(
                QT_TRANSLATE_NOOP("PortRelay::Endpoint", "an IPv6 address must be in brackets, e.g. \"[::1]:8080\"")));
        if (portText.isEmpty())
            return fail(message(
                QT_TRANSLATE_NOOP("PortRelay::Endpoint", "missing port: expected host:port, e.g. \"127.0.0.1:8080\"")));
    }

    if (hostText.isEmpty())
        return fail(
            message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "missing host before \":%1\"")).arg(shortened(portText)));

    const std::optional<quint16> port = parsePort(portText, error);
    if (!port)
        return std::nullopt;

    Endpoint endpoint;
    endpoint.port = *port;
    if (bracketed) {
        const auto address = parseIPv6(hostText);
        if (!address)
            return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint",
                                                  "%1 is not an IPv6 address: brackets are only for IPv6 addresses"))
                            .arg(quoted(hostText)));
        endpoint.host = address->toString();
    } else if (hostText == u"*") {
        endpoint.host = QStringLiteral("0.0.0.0");
    } else if (looksLikeIPv4(hostText)) {
        const auto address = parseIPv4(hostText);
        if (!address)
            return fail(
                message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "invalid IPv4 address %1")).arg(quoted(hostText)));
        endpoint.host = address->toString();
    } else {
        Message hostError;
        if (!isValidHostName(hostText, &hostError))
            return fail(hostError);
        endpoint.host = hostText.toString();
    }
    return endpoint;
}

std::optional<Endpoint> Endpoint::parseWithDefaultPort(QStringView text, quint16 defaultPort, Message *error)
{
    const bool noPort = text.startsWith(u'[') ? text.endsWith(u']') : !text.isEmpty() && !text.contains(u':');
    if (!noPort || defaultPort == 0)
        return parse(text, error);
    const QString withPort = text.toString() + u':' + QString::number(defaultPort);
    return parse(withPort, error);
}

std::optional<quint16> Endpoint::parsePort(QStringView portText, Message *error)
{
    const auto fail = [error](const Message &reason) -> std::optional<quint16> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    if (portText.isEmpty())
        return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "no port: choose a port 1-65535")));
    if (!isAsciiDigits(portText))
        return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "port %1 is not a number")).arg(quoted(portText)));
    qsizetype firstNonZero = 0;
    while (firstNonZero < portText.size() - 1 && portText[firstNonZero] == u'0')
        ++firstNonZero;
    const QStringView significant = portText.mid(firstNonZero);
    const int number = significant.size() > 5 ? 65536 : significant.toInt();
    if (number == 0)
        return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "port 0 is not allowed: choose a port 1-65535")));
    if (number > 65535)
        return fail(
            message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "port %1 out of range 1-65535")).arg(shortened(portText)));

    return static_cast<quint16>(number);
}

QString Endpoint::toString() const
{
    if (host.contains(u':'))
        return u'[' + host + QStringLiteral("]:") + QString::number(port);
    return host + u':' + QString::number(port);
}

std::optional<QHostAddress> Endpoint::literalAddress() const
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    if (host.contains(u':'))
        return parseIPv6(host);
    if (looksLikeIPv4(host))
        return parseIPv4(host);
    return std::nullopt;
}

std::optional<QHostAddress> Endpoint::numericAddress() const
{
    if (host.contains(u':'))
        return parseIPv6(host);
    if (looksLikeIPv4(host))
        return parseIPv4(host);
    return std::nullopt;
}

bool Endpoint::isWildcard() const
{
    const auto address = literalAddress();
    return address && (address->isEqual(QHostAddress(QHostAddress::AnyIPv4), QHostAddress::StrictConversion) ||
                       address->isEqual(QHostAddress(QHostAddress::AnyIPv6), QHostAddress::StrictConversion));
}

bool Endpoint::isLoopback() const
{
    const auto address = literalAddress();
    return address && address->isLoopback();
}

bool Endpoint::isValidHostName(QStringView name, Message *error)
{
    const auto fail = [&](const Message &reason) {
        if (error)
            *error = message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "invalid host name %1: %2"))
                         .arg(quoted(name))
                         .arg(reason);
        return false;
    };
    if (name.isEmpty())
        return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "it is empty")));
    if (name.size() > MaxHostNameLength)
        return fail(
            message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "longer than %1 characters")).arg(MaxHostNameLength));
    for (QStringView label : name.split(u'.')) {
        if (label.isEmpty())
            return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "empty label")));
        if (label.size() > MaxLabelLength)
            return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "a label is longer than %1 characters"))
                            .arg(MaxLabelLength));
        if (label.front() == u'-' || label.back() == u'-')
            return fail(message(QT_TRANSLATE_NOOP("PortRelay::Endpoint", "a label starts or ends with \"-\"")));
        for (QChar c : label) {
            const bool ok =
                (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-';
            if (!ok)
                return fail(message(
                    QT_TRANSLATE_NOOP("PortRelay::Endpoint", "only letters, digits, \"-\" and \".\" are allowed")));
        }
    }
    return true;
}

} // namespace PortRelay
