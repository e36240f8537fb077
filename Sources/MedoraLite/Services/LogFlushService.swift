import Foundation

extension PeriodicService {
    /// Writes buffered log lines every 100 ms, and whatever is left at shutdown.
    static func logFlush(_ file: RotatingLogFile, interval: Duration = .milliseconds(100)) -> PeriodicService {
        PeriodicService(name: "log flush", interval: interval, work: { file.flush() }, finally: { file.flush() })
    }
}
