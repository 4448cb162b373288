// Balancing strategies as pure functions of (candidates, weights, loads, client).

#include "core/balancing/leastconnections.h"
#include "core/balancing/powerof2choices.h"
#include "core/balancing/smoothroundrobin.h"
#include "core/balancing/sourcehash.h"

#include <QTest>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace PortRelay;

namespace {

BackendCandidates candidates(const QList<int> &weights, const QList<quint32> &active = {})
{
    BackendCandidates result;
    for (int i = 0; i < weights.size(); ++i)
        result.append({i, weights[i], active.isEmpty() ? 0u : active[i]});
    return result;
}

QList<Backend> backends(int count)
{
    QList<Backend> result;
    for (int i = 0; i < count; ++i)
        result.append(Backend{Endpoint{QStringLiteral("10.1.0.%1").arg(i + 1), 8080}, 1, false, true, {}, {}});
    return result;
}

quint64 clientHash(int i)
{
    const quint32 address = 0x0a000000u + quint32(i) * 7919u;
    return SourceHash::hashBytes(&address, sizeof(address));
}

} // namespace

class tst_Balancer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smoothRoundRobinOrder_data();
    void smoothRoundRobinOrder();
    void smoothRoundRobinDistribution();
    void smoothRoundRobinSkipsExcluded();
    void smoothRoundRobinOrderIsSharedByThreads();
    void smoothRoundRobinUnderConcurrentChange();
    void smoothRoundRobinCycleIsReducedAndBounded();
    void strategiesNeverChooseExcluded_data();
    void strategiesNeverChooseExcluded();
    void leastConnectionsPicksFewestPerWeight();
    void leastConnectionsRotatesTies();
    void sourceHashIsSticky();
    void sourceHashMovesFewClientsWhenOneLeaves();
    void sourceHashFollowsWeights();
    void powerOfTwoChoicesPrefersLighterBackend();
    void powerOfTwoChoicesFollowsWeights();
};

void tst_Balancer::smoothRoundRobinOrder_data()
{
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QString>("order");
    QTest::newRow("5,1,1 spreads the heavy backend") << QList<int>{5, 1, 1}
                                                     << QStringLiteral("aabacaa"
                                                                       "aabacaa");
    QTest::newRow("equal weights rotate") << QList<int>{1, 1, 1} << QStringLiteral("abcabc");
    QTest::newRow("2,1") << QList<int>{2, 1} << QStringLiteral("abaaba");
    QTest::newRow("single") << QList<int>{3} << QStringLiteral("aaa");
}

void tst_Balancer::smoothRoundRobinOrder()
{
    QFETCH(QList<int>, weights);
    QFETCH(QString, order);
    SmoothRoundRobin balancer(SmoothRoundRobin::MaxCycle);
    const BackendCandidates all = candidates(weights);
    QString picked;
    for (int i = 0; i < order.size(); ++i)
        picked += QChar(u'a' + all[balancer.pick(all, 0)].index);
    QCOMPARE(picked, order);
}

void tst_Balancer::smoothRoundRobinDistribution()
{
    SmoothRoundRobin balancer(SmoothRoundRobin::MaxCycle);
    const BackendCandidates all = candidates({5, 3, 2});
    int counts[3] = {};
    for (int i = 0; i < 1000; ++i)
        ++counts[all[balancer.pick(all, 0)].index];
    QCOMPARE(counts[0], 500);
    QCOMPARE(counts[1], 300);
    QCOMPARE(counts[2], 200);
}

void tst_Balancer::smoothRoundRobinSkipsExcluded()
{
    SmoothRoundRobin balancer(SmoothRoundRobin::MaxCycle);
    BackendCandidates some;
    some.append({0, 1, 0});
    some.append({2, 1, 0});
    for (int i = 0; i < 10; ++i)
        QVERIFY(some[balancer.pick(some, 0)].index != 1);
    // A candidate tried already for this connection keeps its place in the cycle, unchosen.
    BackendCandidates retry = candidates({5, 3, 2});
    retry[0].excluded = true;
    int counts[3] = {};
    for (int i = 0; i < 1000; ++i)
        ++counts[retry[balancer.pick(retry, 0)].index];
    QCOMPARE(counts[0], 0);
    QCOMPARE(counts[1], 600);
    QCOMPARE(counts[2], 400);
}

void tst_Balancer::smoothRoundRobinOrderIsSharedByThreads()
{
    // Two threads take turns strictly; the order they make together is the one smooth order of
    // the rule (one per thread would interleave two orders: a a b b c c ...).
    SmoothRoundRobin balancer(SmoothRoundRobin::MaxCycle);
    const BackendCandidates all = candidates({5, 3, 2});
    QString picked;
    std::mutex mutex;
    std::condition_variable turnChanged;
    int turn = 0;
    const auto player = [&](int me) {
        for (int round = 0; round < 10; ++round) {
            std::unique_lock<std::mutex> lock(mutex);
            turnChanged.wait(lock, [&] { return turn == me; });
            picked += QChar(u'a' + all[balancer.pick(all, 0)].index);
            turn = 1 - me;
            turnChanged.notify_all();
        }
    };
    std::thread first(player, 0);
    std::thread second(player, 1);
    first.join();
    second.join();
    QCOMPARE(picked, QStringLiteral("abcaabacba"
                                    "abcaabacba"));
}

void tst_Balancer::smoothRoundRobinUnderConcurrentChange()
{
    // Four threads pick while the eligible set flips between two shapes: every pick is valid,
    // and over whole cycles of an unchanging set the shares are exact.
    SmoothRoundRobin balancer(SmoothRoundRobin::MaxCycle);
    const BackendCandidates wide = candidates({5, 3, 2});
    BackendCandidates narrow;
    narrow.append({1, 3, 0});
    narrow.append({2, 2, 0});
    std::atomic<int> invalid{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20000; ++i) {
                const BackendCandidates &set = (i / 100 + t) % 2 ? narrow : wide;
                const qsizetype chosen = balancer.pick(set, 0);
                invalid += chosen < 0 || chosen >= set.size();
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(invalid.load(), 0);
    int counts[3] = {};
    for (int i = 0; i < 1000; ++i)
        ++counts[wide[balancer.pick(wide, 0)].index];
    QCOMPARE(counts[0], 500);
    QCOMPARE(counts[1], 300);
    QCOMPARE(counts[2], 200);
}

void tst_Balancer::smoothRoundRobinCycleIsReducedAndBounded()
{
    QCOMPARE(SmoothRoundRobin::cycleOf({500, 300, 200}, 4096).size(), std::size_t(10));
    const std::vector<quint8> big = SmoothRoundRobin::cycleOf(std::vector<int>(64, 997), 4096);
    QCOMPARE(big.size(), std::size_t(64)); // equal weights: one turn each
    std::vector<int> uneven(64, 1000);
    uneven[0] = 999;
    const std::vector<quint8> scaled = SmoothRoundRobin::cycleOf(uneven, 4096);
    QVERIFY(scaled.size() <= std::size_t(4096 + 64));
    QVERIFY(std::count(scaled.begin(), scaled.end(), quint8(0)) >= 1);
}

void tst_Balancer::leastConnectionsPicksFewestPerWeight()
{
    LeastConnections balancer;
    QCOMPARE(balancer.pick(candidates({1, 1, 1}, {5, 2, 9}), 0), 1);
    // 10 active at weight 5 is lighter than 3 active at weight 1.
    QCOMPARE(balancer.pick(candidates({5, 1}, {10, 3}), 0), 0);
}

void tst_Balancer::leastConnectionsRotatesTies()
{
    LeastConnections balancer;
    const BackendCandidates idle = candidates({1, 1, 1}, {0, 0, 0});
    QSet<qsizetype> seen;
    for (int i = 0; i < 3; ++i)
        seen.insert(balancer.pick(idle, 0));
    QCOMPARE(seen.size(), 3);
}

void tst_Balancer::sourceHashIsSticky()
{
    SourceHash balancer(backends(5));
    const BackendCandidates all = candidates({1, 1, 1, 1, 1});
    int counts[5] = {};
    for (int client = 0; client < 200; ++client) {
        const qsizetype first = balancer.pick(all, clientHash(client));
        for (int again = 0; again < 5; ++again)
            QCOMPARE(balancer.pick(all, clientHash(client)), first);
        ++counts[first];
    }
    for (const int count : counts)
        QVERIFY2(count > 10, "every backend gets a share of 200 clients");
}

void tst_Balancer::sourceHashMovesFewClientsWhenOneLeaves()
{
    constexpr int n = 5;
    constexpr int clients = 2000;
    SourceHash balancer(backends(n));
    const BackendCandidates all = candidates({1, 1, 1, 1, 1});
    BackendCandidates withoutThird = all;
    withoutThird.remove(2);
    int moved = 0;
    for (int client = 0; client < clients; ++client) {
        const int before = all[balancer.pick(all, clientHash(client))].index;
        const int after = withoutThird[balancer.pick(withoutThird, clientHash(client))].index;
        if (before != 2)
            QCOMPARE(after, before); // only the leaving backend's clients move
        moved += before != after;
    }
    QVERIFY2(moved <= clients / n + clients * 5 / 100, qPrintable(QString::number(moved)));
    QVERIFY(moved > 0);
}

void tst_Balancer::sourceHashFollowsWeights()
{
    QList<Backend> weighted = backends(2);
    weighted[0].weight = 3;
    SourceHash balancer(weighted);
    const BackendCandidates all = candidates({3, 1});
    int heavy = 0;
    for (int client = 0; client < 4000; ++client)
        heavy += all[balancer.pick(all, clientHash(client))].index == 0;
    QVERIFY2(heavy > 2600 && heavy < 3400, qPrintable(QString::number(heavy))); // about 3000
}

void tst_Balancer::powerOfTwoChoicesPrefersLighterBackend()
{
    PowerOfTwoChoices balancer(42);
    int toIdle = 0;
    for (int i = 0; i < 1000; ++i)
        toIdle += balancer.pick(candidates({1, 1}, {50, 0}), 0) == 1;
    // Whenever the two draws differ, the idle one wins: about 3/4 of picks.
    QVERIFY2(toIdle > 650, qPrintable(QString::number(toIdle)));
}

void tst_Balancer::powerOfTwoChoicesFollowsWeights()
{
    PowerOfTwoChoices balancer(7);
    int counts[3] = {};
    for (int i = 0; i < 10000; ++i)
        ++counts[balancer.pick(candidates({5, 3, 2}), 0)];
    // With equal loads the pair's first draw wins, so shares follow the weights.
    QVERIFY2(qAbs(counts[0] - 5000) < 300, qPrintable(QString::number(counts[0])));
    QVERIFY2(qAbs(counts[1] - 3000) < 300, qPrintable(QString::number(counts[1])));
    QVERIFY2(qAbs(counts[2] - 2000) < 300, qPrintable(QString::number(counts[2])));
}

void tst_Balancer::strategiesNeverChooseExcluded_data()
{
    QTest::addColumn<int>("strategy");
    QTest::newRow("round robin") << int(BalanceStrategy::RoundRobin);
    QTest::newRow("least connections") << int(BalanceStrategy::LeastConnections);
    QTest::newRow("source hash") << int(BalanceStrategy::SourceHash);
    QTest::newRow("random") << int(BalanceStrategy::Random);
}

void tst_Balancer::strategiesNeverChooseExcluded()
{
    QFETCH(int, strategy);
    Rule rule;
    rule.balance = BalanceStrategy(strategy);
    rule.backends = backends(4);
    const std::unique_ptr<Balancer> balancer = Balancer::create(rule);
    BackendCandidates set = candidates({1, 1, 1, 1}, {0, 5, 0, 9});
    set[0].excluded = true;
    set[2].excluded = true;
    for (int client = 0; client < 500; ++client) {
        const qsizetype chosen = balancer->pick(set, clientHash(client));
        QVERIFY(chosen == 1 || chosen == 3);
    }
}

QTEST_GUILESS_MAIN(tst_Balancer)
#include "tst_balancer.moc"
