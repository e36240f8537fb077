import Foundation
import Logging

/// Appends log lines to `<data>/logs/medora.log`, rotating at 10 MB and keeping 5 old files.
final class RotatingLogFile: @unchecked Sendable {
    let path: String
    let maxBytes: Int
    let keep: Int
    private let lock = NSLock()
    private var handle: FileHandle?
    private var size: Int = 0

    init(directory: String, name: String = "medora.log", maxBytes: Int = 10 << 20, keep: Int = 5) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        path = (directory as NSString).appendingPathComponent(name)
        self.maxBytes = maxBytes
        self.keep = keep
        try openFile()
    }

    private func openFile() throws {
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        handle = FileHandle(forWritingAtPath: path)
        size = Int((try? handle?.seekToEnd()) ?? 0)
    }

    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        let data = Data((line + "\n").utf8)
        if size + data.count > maxBytes { rotate() }
        try? handle?.write(contentsOf: data)
        size += data.count
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
        var fields: [(String, Logger.Metadata.Value)] = metadata.merging(extra ?? [:], uniquingKeysWith: { $1 })
            .sorted { $0.key < $1.key }
        fields.insert(contentsOf: [("ts", .string(Self.timestamp())), ("level", .string(level.rawValue)),
                                   ("label", .string(label)), ("msg", .string(message.description))], at: 0)
        var line = "{"
        for (i, (k, v)) in fields.enumerated() {
            if i > 0 { line += "," }
            Self.appendJSON(string: k, to: &line)
            line += ":"
            Self.appendJSON(v, to: &line)
        }
        line += "}"
        file?.write(line)
        if echoToStderr { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    static func appendJSON(_ v: Logger.Metadata.Value, to out: inout String) {
        switch v {
        case .string(let s): appendJSON(string: s, to: &out)
        case .stringConvertible(let c): appendJSON(string: c.description, to: &out)
        case .array(let a):
            out += "["
            for (i, x) in a.enumerated() { if i > 0 { out += "," }; appendJSON(x, to: &out) }
            out += "]"
        case .dictionary(let d):
            out += "{"
            for (i, (k, x)) in d.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out += "," }
                appendJSON(string: k, to: &out)
                out += ":"
                appendJSON(x, to: &out)
            }
            out += "}"
        }
    }

    static func appendJSON(string s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u00" + String(scalar.value, radix: 16).leftPadded(2)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `2026-11-27T04:10:37.123Z`, built from `gmtime_r` (a formatter per line costs more than the request).
    static func timestamp(_ date: Date = Date()) -> String {
        let t = date.timeIntervalSince1970
        var secs = time_t(t)
        var tm = tm()
        gmtime_r(&secs, &tm)
        let ms = Int((t - Double(secs)) * 1000)
        func pad(_ n: Int, _ w: Int) -> String { String(n).leftPadded(w) }
        return "\(pad(Int(tm.tm_year) + 1900, 4))-\(pad(Int(tm.tm_mon) + 1, 2))-\(pad(Int(tm.tm_mday), 2))T"
            + "\(pad(Int(tm.tm_hour), 2)):\(pad(Int(tm.tm_min), 2)):\(pad(Int(tm.tm_sec), 2)).\(pad(ms, 3))Z"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
