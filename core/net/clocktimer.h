#pragma once

#include <QObject>
#include <QTimer>

namespace PortRelay {

class Clock;

// A QTimer for the control thread whose time is a Clock: it fires when the clock says its
// interval has passed, not when the system's timer does. On the system clock it behaves as a
// QTimer; on a clock moved by hand (tests) it fires when the clock is moved past its deadline, so
// backoff, fail windows and refresh intervals are tested without sleeping through them.
// Lives on the thread that creates it; the clock may be moved from any thread.
class ClockTimer final : public QObject
{
    Q_OBJECT

public:
    explicit ClockTimer(const Clock &clock, QObject *parent = nullptr);
    ~ClockTimer() override;
    Q_DISABLE_COPY_MOVE(ClockTimer)

    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    bool isSingleShot() const { return m_singleShot; }
    void setInterval(int ms) { m_intervalMs = qMax(0, ms); }
    int interval() const { return m_intervalMs; }

    // Fires interval() ms of the clock from now (again every interval() unless single-shot).
    void start();
    void start(int ms);
    void stop();
    bool isActive() const { return m_dueMs >= 0; }
    // Clock milliseconds until it fires; -1 when not active.
    qint64 remainingMs() const;

Q_SIGNALS:
    void timeout();

private:
    void arm();
    void check();

    const Clock &m_clock;
    QTimer m_timer;
    qint64 m_dueMs = -1;
    int m_intervalMs = 0;
    bool m_singleShot = false;
    int m_wakerKey = 0;
};

} // namespace PortRelay
