import Foundation
import Metrics
import Prometheus

/// The process's metrics: swift-metrics, exported in Prometheus text by swift-prometheus at
/// `GET /metrics`. Requests and their latency come from Hummingbird's metrics middleware (by route
/// template, method and status); rate-limit refusals are counted where they happen; the states of
/// caches, queues, connections and disk are read at each scrape.
enum ServerMetrics {
    /// Set up once per process, on first use.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (sanitize(name), labels.map { (sanitize($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    static func start() { _ = registry }

    /// Prometheus names allow letters, digits, `_` and `:` (Hummingbird's labels use dots).
    static func sanitize(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
    }

    static func rateLimited(_ budget: String) {
        start()
        Counter(label: "medora_rate_limited_total", dimensions: [("budget", budget)]).increment()
    }

    /// The text exposition, with the sampled gauges set first.
    static func render(_ samples: [(String, Double)]) -> String {
        for (name, value) in samples { registry.makeGauge(name: name).set(value) }
        return registry.emitToString()
    }
}
