import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// The open connections, capped below the process's file-descriptor limit. A new connection at
/// the cap takes the place of the connection that has waited longest without a request in
/// progress (an idle keep-alive, or a client trickling its headers); if every connection is busy
/// with a request, the new one is closed. So a thousand idle or slow sockets cannot keep a
/// doctor from the server.
final class ConnectionRegistry: Sendable {
    let capacity: Int
    /// How long a connection may take to send a request's headers, or wait between requests.
    let headerTimeout: TimeAmount
    /// How long a request's body may take to arrive.
    let bodyTimeout: TimeAmount
    /// How often the open connections are looked over for one past its time.
    let sweepInterval: TimeAmount
    private struct Entry {
        var channel: any Channel
        var clock: ConnectionClock
    }
    private struct State {
        var next = 0
        var open: [Int: Entry] = [:]
        var evicted = 0
        var timedOut = 0
        var sweeping: RepeatedTask?
    }
    private let state = Mutex(State())

    init(capacity: Int = ConnectionRegistry.defaultCapacity(), headerTimeout: TimeAmount = .seconds(15), bodyTimeout: TimeAmount = .seconds(30)) {
        self.capacity = max(2, capacity)
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        // Timeouts are kept to within a quarter of the shorter one (at most a second late).
        self.sweepInterval = .nanoseconds(max(10_000_000, min(1_000_000_000, min(headerTimeout.nanoseconds, bodyTimeout.nanoseconds) / 4)))
    }

    deinit {
        state.withLock { $0.sweeping?.cancel() }
    }

    /// Below the soft descriptor limit, leaving room for the database, logs and backups.
    static func defaultCapacity() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 900 }
        let soft = Int(min(limit.rlim_cur, 1 << 20))
        return max(16, soft - min(256, soft / 4))
    }

    /// Raises the soft descriptor limit to the hard one (up to 65,536), as servers do.
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let target = min(limit.rlim_max, 65_536)
        if limit.rlim_cur < target {
            limit.rlim_cur = target
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
    }

    var openCount: Int { state.withLock { $0.open.count } }
    var evictedCount: Int { state.withLock { $0.evicted } }
    var timedOutCount: Int { state.withLock { $0.timedOut } }

    /// Registers a connection; nil when there is no room (the caller closes it). The first
    /// connection starts the sweep on its event loop.
    func open(_ channel: any Channel, clock: ConnectionClock) -> Int? {
        var victim: (any Channel)?
        var startSweep = false
        let id: Int? = state.withLock { s in
            if s.open.count >= capacity {
                guard let oldest = s.open.compactMap({ key, entry in entry.clock.waitingSince.map { (key, entry, $0) } })
                    .min(by: { $0.2 < $1.2 }) else { return nil }
                victim = oldest.1.channel
                s.open[oldest.0] = nil
                s.evicted += 1
            }
            s.next += 1
            s.open[s.next] = Entry(channel: channel, clock: clock)
            if s.sweeping == nil { startSweep = true }
            return s.next
        }
        victim?.close(promise: nil)
        if startSweep { beginSweeping(on: channel.eventLoop) }
        return id
    }

    func close(_ id: Int) {
        _ = state.withLock { $0.open.removeValue(forKey: id) }
    }

    private func beginSweeping(on loop: any EventLoop) {
        let task = loop.scheduleRepeatedTask(initialDelay: sweepInterval, delay: sweepInterval) { [weak self] task in
            guard let self else { task.cancel(); return }
            self.sweep(now: NIODeadline.now())
        }
        let duplicate: Bool = state.withLock { s in
            if s.sweeping != nil { return true }
            s.sweeping = task
            return false
        }
        if duplicate { task.cancel() }
    }

    /// Closes every connection whose headers, body or wait for the next request ran past its time.
    func sweep(now: NIODeadline) {
        let late: [any Channel] = state.withLock { s in
            var late: [any Channel] = []
            for (key, entry) in s.open where entry.clock.isLate(now: now, header: headerTimeout, body: bodyTimeout) {
                late.append(entry.channel)
                s.open[key] = nil
            }
            s.timedOut += late.count
            return late
        }
        for channel in late { channel.close(promise: nil) }
    }
}

/// Where one connection is and since when, written by its event loop without a lock and read by
/// the sweep: waiting for a request (headers), reading a body, or handling a request (no limit
/// here: the request's deadline governs it).
final class ConnectionClock: Sendable {
    enum Phase: UInt64 { case waiting = 0, body = 1, handling = 2 }
    private static let phaseShift: UInt64 = 62
    private let word = Atomic<UInt64>(0)

    init(now: NIODeadline = .now()) { set(.waiting, now: now) }

    func set(_ phase: Phase, now: NIODeadline = .now()) {
        word.store(phase.rawValue << Self.phaseShift | (now.uptimeNanoseconds & (1 << Self.phaseShift - 1)), ordering: .relaxed)
    }

    private var current: (Phase, UInt64) {
        let w = word.load(ordering: .relaxed)
        return (Phase(rawValue: w >> Self.phaseShift) ?? .handling, w & (1 << Self.phaseShift - 1))
    }

    /// When the connection began waiting for a request; nil while a request is under way.
    var waitingSince: UInt64? {
        let (phase, since) = current
        return phase == .waiting ? since : nil
    }

    func isLate(now: NIODeadline, header: TimeAmount, body: TimeAmount) -> Bool {
        let (phase, since) = current
        let limit: Int64
        switch phase {
        case .waiting: limit = header.nanoseconds
        case .body: limit = body.nanoseconds
        case .handling: return false
        }
        return now.uptimeNanoseconds > since && now.uptimeNanoseconds - since > UInt64(max(0, limit))
    }
}

/// One connection's part: registers it and keeps its `ConnectionClock` up to date; the registry's
/// sweep closes it when its headers (or the wait for the next request) take longer than
/// `headerTimeout` or its body longer than `bodyTimeout`. No timer per request.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let registry: ConnectionRegistry
    private let clock = ConnectionClock()
    private var id: Int?
    /// Requests whose head has arrived, and responses written in full (pipelined requests are
    /// answered in order).
    private var requests = 0
    private var responses = 0
    /// A request's body is still arriving (a response may already have been written: a 401 or a
    /// 413 is answered before the body is read).
    private var readingBody = false

    init(registry: ConnectionRegistry) {
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard let id = registry.open(context.channel, clock: clock) else {
            context.close(promise: nil)
            return
        }
        self.id = id
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if let id { registry.close(id) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            requests += 1
            readingBody = true
            clock.set(.body)
        case .end:
            readingBody = false
            settle()
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            responses += 1
            // A body still arriving keeps its own clock (started with its head).
            if !readingBody { settle() }
        }
        context.write(data, promise: promise)
    }

    /// No body arriving: handling while a request is unanswered, else waiting for the next one.
    private func settle() {
        clock.set(requests > responses ? .handling : .waiting)
    }
}
