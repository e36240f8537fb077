import Foundation
import MedoraStorage
import Synchronization

/// Export files waiting to be downloaded: held in memory only (never on disk), each for the
/// session that made it, served once, gone after `lifetime`. Bounded: past `capacity` the oldest
/// is dropped, so a busy clinic cannot grow the process.
final class ExportDownloads: Sendable {
    struct Entry: Sendable {
        var session: UUID
        var file: Data
        var fileName: String
        var expires: Date
    }

    static let lifetime: TimeInterval = 600
    static let capacity = 32
    private let entries = Mutex<[String: Entry]>([:])
    private let clock: any WallClock

    init(clock: any WallClock) { self.clock = clock }

    /// Holds a file for `session`; returns the unguessable token of its download link.
    func put(_ file: Data, fileName: String, session: UUID) -> String {
        let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let now = clock.now()
        entries.withLock { map in
            map = map.filter { $0.value.expires > now }
            while map.count >= Self.capacity, let oldest = map.min(by: { $0.value.expires < $1.value.expires })?.key {
                map[oldest] = nil
            }
            map[token] = Entry(session: session, file: file, fileName: fileName, expires: now.addingTimeInterval(Self.lifetime))
        }
        return token
    }

    /// The file, removed as it is handed out; nil when unknown, expired, or asked for by another
    /// session (which leaves it for its owner).
    func take(_ token: String, session: UUID) -> Entry? {
        let now = clock.now()
        return entries.withLock { map in
            guard let entry = map[token] else { return nil }
            guard entry.expires > now else {
                map[token] = nil
                return nil
            }
            guard entry.session == session else { return nil }
            map[token] = nil
            return entry
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
