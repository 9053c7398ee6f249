#include "models/enginemonitor.h"

#include "engine/engineclient.h"
#include "source/sourcesettings.h"

#include <QPointer>

#include <atomic>
#include <thread>

namespace strata {

// One engine's event stream, read on a thread of its own until the monitor stops it. A
// stream that ends (the engine stopped) asks for a new look.
class EngineMonitor::Watcher
{
public:
    Watcher(EngineMonitor *monitor, const EngineEndpoint &endpoint)
        : m_host(endpoint.host), m_thread([this, monitor = QPointer<EngineMonitor>(monitor),
                                           endpoint] { run(monitor, endpoint); })
    {
    }
    ~Watcher()
    {
        m_stop = true; // the stream notices within a second
        m_thread.join();
    }
    const QString &host() const { return m_host; }
    bool ended() const { return m_ended; }

private:
    void run(QPointer<EngineMonitor> monitor, EngineEndpoint endpoint)
    {
        EngineClient client(endpoint);
        Error error;
        auto post = [&](auto f) {
            if (!m_stop && monitor)
                QMetaObject::invokeMethod(monitor, f, Qt::QueuedConnection);
        };
        client.watchEvents(
            [&](const EngineEvent &event) {
                post([monitor, host = m_host, event] {
                    if (monitor) {
                        emit monitor->eventArrived(host, event.type, event.action, event.name);
                        monitor->onEvent(host);
                    }
                });
            },
            &m_stop, &error);
        m_ended = true;
        post([monitor, host = m_host] {
            if (monitor)
                monitor->onEvent(host);
        });
    }

    QString m_host;
    std::atomic_bool m_stop{false};
    std::atomic_bool m_ended{false};
    std::thread m_thread;
};

EngineMonitor::EngineMonitor(QObject *parent) : QObject(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &EngineMonitor::refresh);
    m_retry.setInterval(15000);
    connect(&m_retry, &QTimer::timeout, this, &EngineMonitor::refresh);
}

EngineMonitor::~EngineMonitor()
{
    m_work.cancel();
    m_watchers.clear();
}

void EngineMonitor::refresh()
{
    m_refreshing = true;
    const QString chosen = SourceSettings::load().engineHost;
    m_work.run(
        [chosen] {
            std::vector<Error> failures;
            std::vector<EngineListing> engines = discoverEngines(chosen, &failures);
            return std::make_pair(std::move(engines), std::move(failures));
        },
        [this](std::pair<std::vector<EngineListing>, std::vector<Error>> result) {
            onListed(std::move(result.first), std::move(result.second));
        });
}

const EngineListing *EngineMonitor::engine(const QString &host) const
{
    for (const EngineListing &listing : m_engines) {
        if (listing.endpoint.host == host)
            return &listing;
    }
    return nullptr;
}

void EngineMonitor::onListed(std::vector<EngineListing> engines, std::vector<Error> failures)
{
    m_engines = std::move(engines);
    m_failures = std::move(failures);
    m_refreshing = false;
    m_looked = true;
    watch();
    if (m_engines.empty() || !m_failures.empty())
        m_retry.start();
    else
        m_retry.stop();
    emit changed();
}

// A watcher per engine that answers; those of engines gone (or whose stream ended) go.
void EngineMonitor::watch()
{
    std::vector<std::unique_ptr<Watcher>> kept;
    for (const EngineListing &listing : m_engines) {
        auto it = std::find_if(m_watchers.begin(), m_watchers.end(), [&](const auto &w) {
            return w && w->host() == listing.endpoint.host && !w->ended();
        });
        if (it != m_watchers.end())
            kept.push_back(std::move(*it));
        else
            kept.push_back(std::make_unique<Watcher>(this, listing.endpoint));
    }
    m_watchers = std::move(kept); // the others stop and join here
}

void EngineMonitor::onEvent(const QString &)
{
    m_debounce.start();
}

} // namespace strata
