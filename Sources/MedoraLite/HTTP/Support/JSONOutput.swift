import Foundation
import Hummingbird
import NIOCore

/// JSON written straight into bytes, for the hottest answers (a patient, a page of patients):
/// Foundation's `JSONEncoder` with sorted keys was the largest cost of a list or search request.
/// The caller writes keys in sorted order, as `AppRequestContext.responseEncoder` does, and strings
/// are escaped the same way (quote, backslash and control characters; `/` and non-ASCII as they
/// are), so the bytes match what the encoder would give (`JSONOutputTests` compares them).
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    /// Whether the object or array being written already holds a member (a comma goes first).
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    mutating func object(_ body: (inout JSONOutput) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array(_ body: (inout JSONOutput) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// A member's key; its value follows.
    mutating func key(_ name: String) {
        separate()
        writeQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        writeQuoted(value)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
        needsComma = true
    }

    /// A UUID as lower-case text, the form ids take everywhere in the API.
    mutating func uuid(_ id: UUID) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        withUnsafeBytes(of: id.uuid) { raw in
            for (i, b) in raw.enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(Self.hex[Int(b >> 4)])
                bytes.append(Self.hex[Int(b & 0x0F)])
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// An instant as `Timestamp.string` writes it (UTC, whole seconds).
    mutating func timestamp(_ date: Date) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Timestamp.append(date, milliseconds: false, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    mutating func member(_ name: String, _ value: Int) { key(name); int(value) }

    /// The response: status 200 unless told, JSON content type.
    func response(status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendDigits(_ n: UInt) {
        if n >= 10 { appendDigits(n / 10) }
        bytes.append(UInt8(48 + n % 10))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func isPlain(_ b: UInt8) -> Bool { b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") }

    private mutating func writeQuoted(_ s: String) { Self.appendQuoted(s, to: &bytes) }

    /// A JSON string literal: UTF-8 as it is; quote, backslash and control characters escaped as
    /// `JSONEncoder` escapes them. Also used for log lines.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            if utf8.allSatisfy(isPlain) {
                out.append(contentsOf: utf8)
                return
            }
            for b in utf8 {
                if isPlain(b) { out.append(b); continue }
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default: out.append(contentsOf: [UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 0x0F)]])
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
