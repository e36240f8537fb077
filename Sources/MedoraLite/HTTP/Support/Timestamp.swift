import Foundation

/// ISO-8601 UTC timestamps (`2026-11-27T04:10:37Z`, or with `.123` milliseconds), written from
/// `gmtime_r`: a date formatter per log line or per JSON date costs more than the request itself.
enum Timestamp {
    static func append(_ date: Date, milliseconds: Bool, to out: inout [UInt8]) {
        let t = date.timeIntervalSince1970
        var secs = time_t(t.rounded(.down))
        var tm = tm()
        gmtime_r(&secs, &tm)
        func digits(_ n: Int, _ width: Int) {
            var d = [UInt8](repeating: 48, count: width)
            var v = n
            for i in stride(from: width - 1, through: 0, by: -1) { d[i] = UInt8(48 + v % 10); v /= 10 }
            out.append(contentsOf: d)
        }
        digits(Int(tm.tm_year) + 1900, 4); out.append(UInt8(ascii: "-"))
        digits(Int(tm.tm_mon) + 1, 2); out.append(UInt8(ascii: "-"))
        digits(Int(tm.tm_mday), 2); out.append(UInt8(ascii: "T"))
        digits(Int(tm.tm_hour), 2); out.append(UInt8(ascii: ":"))
        digits(Int(tm.tm_min), 2); out.append(UInt8(ascii: ":"))
        digits(Int(tm.tm_sec), 2)
        if milliseconds {
            out.append(UInt8(ascii: "."))
            digits(min(999, Int((t - Double(secs)) * 1000)), 3)
        }
        out.append(UInt8(ascii: "Z"))
    }

    static func string(_ date: Date, milliseconds: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity(24)
        append(date, milliseconds: milliseconds, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
