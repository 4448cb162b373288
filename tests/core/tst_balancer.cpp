// Balancing strategies as pure functions of (candidates, weights, loads, client).

#include "core/balancing/leastconnections.h"
#include "core/balancing/powerof2choices.h"
#include "core/balancing/smoothroundrobin.h"
#include "core/balancing/sourcehash.h"

#include <QTest>

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
        result.append(Backend{Endpoint{QStringLiteral("10.1.0.%1").arg(i + 1), 8080}, 1, false, true, {}});
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
    SmoothRoundRobin balancer(int(weights.size()));
    const BackendCandidates all = candidates(weights);
    QString picked;
    for (int i = 0; i < order.size(); ++i)
        picked += QChar(u'a' + all[balancer.pick(all, 0)].index);
    QCOMPARE(picked, order);
}

void tst_Balancer::smoothRoundRobinDistribution()
{
    SmoothRoundRobin balancer(3);
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
    SmoothRoundRobin balancer(3);
    BackendCandidates some;
    some.append({0, 1, 0});
    some.append({2, 1, 0});
    for (int i = 0; i < 10; ++i)
        QVERIFY(some[balancer.pick(some, 0)].index != 1);
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

QTEST_GUILESS_MAIN(tst_Balancer)
#include "tst_balancer.moc"
