import Foundation
import Synchronization

/// Recently resolved sessions, so an authenticated request does not cost a database read and a
/// decryption. Entries live at most `ttl` seconds and never past the session's own expiry; logout
/// and password changes in this process drop them at once. (A change made by another process,
/// such as `medora-lite passwd` while the server runs, takes effect within `ttl`.)
final class SessionCache: Sendable {
    struct Entry: Sendable {
        var session: Session
        var user: User
        var cachedAt: Date
    }

    let ttl: TimeInterval
    let capacity: Int
    private let entries = Mutex<[Data: Entry]>([:])

    init(ttl: TimeInterval = 30, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func get(_ tokenHash: Data, now: Date) -> (Session, User)? {
        entries.withLock { map in
            guard let e = map[tokenHash] else { return nil }
            guard now.timeIntervalSince(e.cachedAt) < ttl, e.session.expiresAt > now else {
                map[tokenHash] = nil
                return nil
            }
            return (e.session, e.user)
        }
    }

    func put(_ tokenHash: Data, _ session: Session, _ user: User, now: Date) {
        entries.withLock { map in
            if map.count >= capacity { map = map.filter { now.timeIntervalSince($0.value.cachedAt) < ttl } }
            if map.count >= capacity { map.removeAll(keepingCapacity: true) }
            map[tokenHash] = Entry(session: session, user: user, cachedAt: now)
        }
    }

    func remove(_ tokenHash: Data) {
        _ = entries.withLock { $0.removeValue(forKey: tokenHash) }
    }

    func removeAll(userID: UUID) {
        entries.withLock { map in map = map.filter { $0.value.user.id != userID } }
    }
}
