import Dispatch
import Foundation
import Logging

/// Appends log lines to `<data>/logs/medora.log`, rotating at 10 MB and keeping 5 old files.
///
/// Lines are buffered and written by a background flush every 100 ms (or at once past 64 KiB, and
/// on `flush()` at shutdown), so logging costs a request a memory copy rather than a system call.
/// A crash can lose at most the last 100 ms of lines.
final class RotatingLogFile: @unchecked Sendable {
    let path: String
    let maxBytes: Int
    let keep: Int
    private let lock = NSLock()
    private var pending = [UInt8]()
    private var handle: FileHandle?
    private var size: Int = 0
    private let timer: DispatchSourceTimer

    init(directory: String, name: String = "medora.log", maxBytes: Int = 10 << 20, keep: Int = 5) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        path = (directory as NSString).appendingPathComponent(name)
        self.maxBytes = maxBytes
        self.keep = keep
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "medora.log-flush"))
        try openFile()
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
    }

    deinit {
        timer.cancel()
        flush()
    }

    private func openFile() throws {
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        handle = FileHandle(forWritingAtPath: path)
        size = Int((try? handle?.seekToEnd()) ?? 0)
    }

    func write(_ line: [UInt8]) {
        lock.lock()
        pending.append(contentsOf: line)
        pending.append(UInt8(ascii: "\n"))
        let full = pending.count >= 64 << 10
        lock.unlock()
        if full { flush() }
    }

    /// Writes everything buffered, in as few writes as possible, rotating before a line that would
    /// push the file past `maxBytes`.
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        var chunkStart = 0, chunkSize = 0, i = 0
        while i < pending.count {
            let end = (pending[i...].firstIndex(of: UInt8(ascii: "\n")) ?? (pending.count - 1)) + 1
            if size + chunkSize > 0 && size + chunkSize + (end - i) > maxBytes {
                writeOut(chunkStart..<i)
                rotate()
                chunkStart = i
                chunkSize = 0
            }
            chunkSize += end - i
            i = end
        }
        writeOut(chunkStart..<pending.count)
        pending.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        pending[range].withUnsafeBytes { try? handle?.write(contentsOf: Data($0)) }
        size += range.count
    }

    private func rotate() {
        try? handle?.close()
        let fm = FileManager.default
        try? fm.removeItem(atPath: "\(path).\(keep)")
        for i in stride(from: keep - 1, through: 1, by: -1) where fm.fileExists(atPath: "\(path).\(i)") {
            try? fm.moveItem(atPath: "\(path).\(i)", toPath: "\(path).\(i + 1)")
        }
        try? fm.moveItem(atPath: path, toPath: "\(path).1")
        try? openFile()
    }
}

/// swift-log handler writing one JSON object per line: time, level, label, message, metadata.
/// Callers log ids and counts only; patient data never goes through a logger.
struct JSONLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    let label: String
    let file: RotatingLogFile?
    let echoToStderr: Bool

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
             source: String, file _: String, function _: String, line _: UInt) {
        var out = [UInt8]()
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"ts":""#.utf8)
        Timestamp.append(Date(), milliseconds: true, to: &out)
        out.append(contentsOf: #"","level":""#.utf8)
        out.append(contentsOf: level.rawValue.utf8)
        out.append(contentsOf: #"","label":"#.utf8)
        Self.appendJSON(string: label, to: &out)
        out.append(contentsOf: #","msg":"#.utf8)
        Self.appendJSON(string: message.description, to: &out)
        let all = extra.map { metadata.merging($0, uniquingKeysWith: { $1 }) } ?? metadata
        for (k, v) in all.sorted(by: { $0.key < $1.key }) {
            out.append(UInt8(ascii: ","))
            Self.appendJSON(string: k, to: &out)
            out.append(UInt8(ascii: ":"))
            Self.appendJSON(v, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        file?.write(out)
        if echoToStderr { FileHandle.standardError.write(Data(out + [10])) }
    }

    static func appendJSON(_ v: Logger.Metadata.Value, to out: inout [UInt8]) {
        switch v {
        case .string(let s): appendJSON(string: s, to: &out)
        case .stringConvertible(let c): appendJSON(string: c.description, to: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, x) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendJSON(x, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let d):
            out.append(UInt8(ascii: "{"))
            for (i, (k, x)) in d.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendJSON(string: k, to: &out)
                out.append(UInt8(ascii: ":"))
                appendJSON(x, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string literal; UTF-8 passes through, quotes, backslashes and control bytes are escaped.
    static func appendJSON(string s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case UInt8(ascii: "\n"): out.append(contentsOf: [92, 110])
            case UInt8(ascii: "\r"): out.append(contentsOf: [92, 114])
            case UInt8(ascii: "\t"): out.append(contentsOf: [92, 116])
            case 0..<0x20: out.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
