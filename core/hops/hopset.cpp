#include "core/hops/hopset.h"

#include <QDir>
#include <QHash>

#include <sys/un.h>

using namespace Qt::Literals::StringLiterals;

namespace PortRelay {

namespace {

constexpr const char *Context = "PortRelay::SshHop";
// Chains deeper than this are refused by the validator; this only keeps a bad set from looping.
constexpr int MaxDepth = 16;

// The folder for control sockets: the user's runtime folder where it exists (private and on a
// memory file system), the temporary folder otherwise, and a short one if those are too long
// for a socket address.
std::unique_ptr<QTemporaryDir> makeFolder()
{
    QStringList bases;
    if (const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR"); !runtime.isEmpty())
        bases << runtime;
    bases << QDir::tempPath() << u"/tmp"_s;
    for (const QString &base : bases) {
        // Room for "/portrelay-XXXXXX/h99999" in sun_path.
        if (base.toLocal8Bit().size() + 24 >= qsizetype(sizeof(sockaddr_un::sun_path)))
            continue;
        auto folder = std::make_unique<QTemporaryDir>(base + u"/portrelay-XXXXXX"_s);
        if (folder->isValid())
            return folder; // QTemporaryDir makes it 0700
    }
    return nullptr;
}

} // namespace

HopSet::HopSet(const SshMaster::Options &options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
{
    qRegisterMetaType<PortRelay::HopRuntime::State>();
}

HopSet::~HopSet()
{
    stopAll();
}

QByteArray HopSet::nextControlPath()
{
    return (m_folder->path() + u"/h"_s + QString::number(m_nextSocket++)).toLocal8Bit();
}

QSet<QString> HopSet::apply(const QList<Hop> &hops, const QSet<QString> &used)
{
    QHash<QString, const Hop *> byName;
    for (const Hop &hop : hops)
        byName.insert(hop.name, &hop);

    // What must run: the used hops and their chains, each with its depth (0: reached directly).
    QHash<QString, int> depth;
    for (const QString &name : used) {
        QStringList chain;
        for (const Hop *hop = byName.value(name); hop && chain.size() <= MaxDepth; hop = byName.value(hop->via))
            chain.prepend(hop->name);
        for (int i = 0; i < chain.size(); ++i)
            depth.insert(chain[i], i);
    }
    QStringList order = depth.keys();
    std::sort(order.begin(), order.end(), [&depth](const QString &a, const QString &b) {
        return depth.value(a) != depth.value(b) ? depth.value(a) < depth.value(b) : a < b;
    });

    if (!order.isEmpty() && !m_folder) {
        m_folder = makeFolder();
        if (m_folder) {
            m_askpass = std::make_unique<AskpassServer>();
            if (m_askpass->listen(m_folder->filePath(u"askpass"_s)))
                m_options.askpass = m_askpass.get();
        } else {
            m_unusable = Message(Context, QT_TRANSLATE_NOOP("PortRelay::SshHop",
                                                            "no private folder for the SSH control sockets could be "
                                                            "made (XDG_RUNTIME_DIR, TMPDIR and /tmp tried)"));
        }
    }

    QSet<QString> replaced;
    std::map<QString, std::unique_ptr<SshMaster>> next;
    for (const QString &name : order) {
        const Hop &hop = *byName.value(name);
        auto old = m_masters.find(name);
        const bool viaKept = hop.via.isEmpty() || (next.count(hop.via) && !replaced.contains(hop.via));
        if (old != m_masters.end() && old->second->hop() == hop && viaKept) {
            next.emplace(name, std::move(old->second));
            m_masters.erase(old);
            continue;
        }
        if (old != m_masters.end())
            replaced.insert(name);
        if (!m_folder)
            continue;
        std::shared_ptr<const HopRuntime> via;
        if (!hop.via.isEmpty() && next.count(hop.via))
            via = next.at(hop.via)->runtime();
        auto runtime = std::make_shared<HopRuntime>(name, nextControlPath());
        auto master = std::make_unique<SshMaster>(hop, runtime, via, m_options, m_clock, this);
        connect(master.get(), &SshMaster::stateChanged, this,
                [this, name](HopRuntime::State state, const Message &reason) {
                    Q_EMIT hopStateChanged(name, state, reason);
                    onStateChanged(name, state);
                });
        next.emplace(name, std::move(master));
        replaced.insert(name); // new, or replaced: its connectors are made now
    }
    // Those left are no longer wanted; dependants go before what they are reached through.
    for (auto &[name, master] : m_masters) {
        replaced.insert(name);
        master->stop();
    }
    m_masters.clear();
    m_masters.swap(next);
    for (const QString &name : order) {
        if (auto it = m_masters.find(name); it != m_masters.end())
            it->second->start();
    }
    return replaced;
}

void HopSet::stopAll()
{
    // The deepest first, so no master outlives the one its connection runs through.
    std::vector<SshMaster *> masters;
    for (auto &entry : m_masters)
        masters.push_back(entry.second.get());
    std::sort(masters.begin(), masters.end(),
              [](SshMaster *a, SshMaster *b) { return !a->hop().via.isEmpty() && b->hop().via.isEmpty(); });
    for (SshMaster *master : masters)
        master->stop();
    m_masters.clear();
}

std::shared_ptr<const HopRuntime> HopSet::runtime(const QString &name) const
{
    const auto it = m_masters.find(name);
    return it == m_masters.end() ? nullptr : it->second->runtime();
}

QList<std::shared_ptr<const HopRuntime>> HopSet::runtimes() const
{
    QList<std::shared_ptr<const HopRuntime>> out;
    for (const auto &entry : m_masters)
        out.append(entry.second->runtime());
    return out;
}

void HopSet::recheckAll()
{
    for (auto &entry : m_masters)
        entry.second->recheck();
}

void HopSet::onStateChanged(const QString &name, HopRuntime::State state)
{
    // Hops reached through this one start once it is up.
    if (state != HopRuntime::State::Up)
        return;
    for (auto &entry : m_masters) {
        if (entry.second->hop().via == name)
            entry.second->recheck();
    }
}

} // namespace PortRelay
