import Foundation
import Logging

/// Appends log lines to `<data>/logs/medora.log`, rotating at 10 MB and keeping 5 old files.
///
/// Lines are buffered and written by the application's log flush service every 100 ms (at once
/// past 64 KiB, and at shutdown), so logging costs a request a memory copy rather than a system
/// call. A crash can lose at most the last 100 ms of lines.
final class RotatingLogFile: @unchecked Sendable {
    let path: String
    let maxBytes: Int
    let keep: Int
    private let lock = NSLock()
    private var pending = [UInt8]()
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

    deinit {
        flush()
    }

    private func openFile() throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
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

    /// Removes the log files in the folder (rotated ones, and others ending in `.log`) last
    /// written more than `age` seconds ago; the file being written stays. Returns how many went.
    @discardableResult
    func removeOldFiles(olderThan age: TimeInterval, now: Date = Date()) -> Int {
        let fm = FileManager.default
        let dir = (path as NSString).deletingLastPathComponent
        let stem = (path as NSString).lastPathComponent
        var removed = 0
        for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where name != stem && (name.hasPrefix(stem + ".") || name.hasSuffix(".log")) {
            let file = (dir as NSString).appendingPathComponent(name)
            guard let modified = (try? fm.attributesOfItem(atPath: file))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > age else { continue }
            if (try? fm.removeItem(atPath: file)) != nil { removed += 1 }
        }
        return removed
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
