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
    private struct Entry {
        var channel: any Channel
        var busy: Bool
        var since: NIODeadline
    }
    private struct State {
        var next = 0
        var open: [Int: Entry] = [:]
        var evicted = 0
    }
    private let state = Mutex(State())

    init(capacity: Int = ConnectionRegistry.defaultCapacity(), headerTimeout: TimeAmount = .seconds(15), bodyTimeout: TimeAmount = .seconds(30)) {
        self.capacity = max(2, capacity)
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
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

    /// Registers a connection; nil when there is no room (the caller closes it).
    func open(_ channel: any Channel) -> Int? {
        var victim: (any Channel)?
        let id: Int? = state.withLock { s in
            if s.open.count >= capacity {
                guard let oldest = s.open.filter({ !$0.value.busy }).min(by: { $0.value.since < $1.value.since }) else { return nil }
                victim = oldest.value.channel
                s.open[oldest.key] = nil
                s.evicted += 1
            }
            s.next += 1
            s.open[s.next] = Entry(channel: channel, busy: false, since: .now())
            return s.next
        }
        victim?.close(promise: nil)
        return id
    }

    func mark(_ id: Int, busy: Bool) {
        state.withLock { s in
            s.open[id]?.busy = busy
            s.open[id]?.since = .now()
        }
    }

    func close(_ id: Int) {
        _ = state.withLock { $0.open.removeValue(forKey: id) }
    }
}

/// One connection's part: registers it, closes it when its headers (or the wait for the next
/// request) take longer than `headerTimeout` or its body longer than `bodyTimeout`.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let registry: ConnectionRegistry
    private var id: Int?
    private var deadline: Scheduled<Void>?

    init(registry: ConnectionRegistry) {
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard let id = registry.open(context.channel) else {
            context.close(promise: nil)
            return
        }
        self.id = id
        arm(context, registry.headerTimeout)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        if let id { registry.close(id) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            if let id { registry.mark(id, busy: true) }
            arm(context, registry.bodyTimeout)
        case .end:
            deadline?.cancel()
            deadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            if let id { registry.mark(id, busy: false) }
            arm(context, registry.headerTimeout)
        }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext, _ timeout: TimeAmount) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }
}
