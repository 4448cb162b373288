#include "core/ruleset/endpoint.h"

namespace PortRelay {

namespace {

constexpr int MaxHostNameLength = 253;
constexpr int MaxLabelLength = 63;
constexpr int MaxShownLength = 64;

// Hostile input can be megabytes long; messages show only its start.
QString shortened(QStringView text)
{
    if (text.size() <= MaxShownLength)
        return text.toString();
    return text.left(MaxShownLength).toString() + QStringLiteral("...");
}

QString quoted(QStringView text)
{
    return u'"' + shortened(text) + u'"';
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

std::optional<Endpoint> Endpoint::parse(QStringView text, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<Endpoint> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    if (text.isEmpty())
        return fail(tr("empty address: expected host:port, e.g. \"127.0.0.1:8080\""));

    QStringView hostText;
    QStringView portText;
    bool bracketed = false;
    if (text.front() == u'[') {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return fail(tr("missing \"]\" after the IPv6 address in %1").arg(quoted(text)));
        hostText = text.mid(1, close - 1);
        const QStringView rest = text.mid(close + 1);
        if (rest.isEmpty() || rest == u":")
            return fail(tr("missing port: expected [address]:port, e.g. \"[::1]:8080\""));
        if (rest.front() != u':')
            return fail(tr("unexpected %1 after \"]\": expected \":port\"").arg(quoted(rest)));
        portText = rest.mid(1);
        bracketed = true;
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0)
            return fail(tr("missing port in %1: expected host:port, e.g. \"127.0.0.1:8080\"").arg(quoted(text)));
        hostText = text.left(colon);
        portText = text.mid(colon + 1);
        if (hostText.contains(u':'))
            return fail(tr("an IPv6 address must be in brackets, e.g. \"[::1]:8080\""));
        if (portText.isEmpty())
            return fail(tr("missing port: expected host:port, e.g. \"127.0.0.1:8080\""));
    }

    if (hostText.isEmpty())
        return fail(tr("missing host before \":%1\"").arg(shortened(portText)));

    if (!isAsciiDigits(portText))
        return fail(tr("port %1 is not a number").arg(quoted(portText)));
    qsizetype firstNonZero = 0;
    while (firstNonZero < portText.size() - 1 && portText[firstNonZero] == u'0')
        ++firstNonZero;
    const QStringView significant = portText.mid(firstNonZero);
    const int port = significant.size() > 5 ? 65536 : significant.toInt();
    if (port == 0)
        return fail(tr("port 0 is not allowed: choose a port 1-65535"));
    if (port > 65535)
        return fail(tr("port %1 out of range 1-65535").arg(shortened(portText)));

    Endpoint endpoint;
    endpoint.port = static_cast<quint16>(port);
    if (bracketed) {
        const auto address = parseIPv6(hostText);
        if (!address)
            return fail(tr("%1 is not an IPv6 address: brackets are only for IPv6 addresses").arg(quoted(hostText)));
        endpoint.host = address->toString();
    } else if (hostText == u"*") {
        endpoint.host = QStringLiteral("0.0.0.0");
    } else if (looksLikeIPv4(hostText)) {
        const auto address = parseIPv4(hostText);
        if (!address)
            return fail(tr("invalid IPv4 address %1").arg(quoted(hostText)));
        endpoint.host = address->toString();
    } else {
        QString hostError;
        if (!isValidHostName(hostText, &hostError))
            return fail(hostError);
        endpoint.host = hostText.toString();
    }
    return endpoint;
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

bool Endpoint::isValidHostName(QStringView name, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = tr("invalid host name %1: %2").arg(quoted(name), reason);
        return false;
    };
    if (name.isEmpty())
        return fail(tr("it is empty"));
    if (name.size() > MaxHostNameLength)
        return fail(tr("longer than %1 characters").arg(MaxHostNameLength));
    for (QStringView label : name.split(u'.')) {
        if (label.isEmpty())
            return fail(tr("empty label"));
        if (label.size() > MaxLabelLength)
            return fail(tr("a label is longer than %1 characters").arg(MaxLabelLength));
        if (label.front() == u'-' || label.back() == u'-')
            return fail(tr("a label starts or ends with \"-\""));
        for (QChar c : label) {
            const bool ok =
                (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-';
            if (!ok)
                return fail(tr("only letters, digits, \"-\" and \".\" are allowed"));
        }
    }
    return true;
}

} // namespace PortRelay
