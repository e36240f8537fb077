import Dispatch
import Foundation
import Logging

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

    static func appendJSON(string s: String, to out: inout [UInt8]) { JSONOutput.appendQuoted(s, to: &out) }
}
