#pragma once

#include "common/error.h"
#include "engine/enginelisting.h"
#include "models/backgroundwork.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace strata {

// The engines that answer on this machine (Docker's and Podman's, wherever their tools look
// and wherever the settings say), what they hold, kept current: each engine's event stream
// (GET /events) is watched on a thread of its own, and an event (a container created, started
// or removed, an image pulled or loaded) lists that engine again within a fraction of a
// second. One monitor serves the browser, the start page and the Reuse window.
class EngineMonitor final : public QObject
{
    Q_OBJECT
public:
    explicit EngineMonitor(QObject *parent = nullptr);
    ~EngineMonitor() override;

    // Looks for engines and lists them again, in the background; changed() follows.
    void refresh();
    bool isRefreshing() const { return m_refreshing; }
    // Whether a first look has finished (engines() may be empty then: none answers).
    bool hasLooked() const { return m_looked; }
    const std::vector<EngineListing> &engines() const { return m_engines; }
    // Why the places looked at without an answer did not answer.
    const std::vector<Error> &failures() const { return m_failures; }
    // The engine at `host`, or null.
    const EngineListing *engine(const QString &host) const;

signals:
    void changed();
    void eventArrived(const QString &host, const QString &type, const QString &action,
                      const QString &name);

private:
    class Watcher;
    void onListed(std::vector<EngineListing> engines, std::vector<Error> failures);
    void watch();
    void onEvent(const QString &host);

    BackgroundWork m_work{this};
    std::vector<EngineListing> m_engines;
    std::vector<Error> m_failures;
    std::vector<std::unique_ptr<Watcher>> m_watchers;
    QTimer m_debounce; // events come in bursts (create, attach, start): one listing for them
    QTimer m_retry;    // while no engine answers somewhere, look again now and then
    bool m_refreshing = false;
    bool m_looked = false;
};

} // namespace strata
