import Foundation

/// ISO-8601 UTC timestamps (`2026-11-27T04:10:37Z`, or with `.123` milliseconds), written by hand:
/// a date formatter per log line or per JSON date costs more than the request itself.
enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ` (with `.mmm` before the Z when asked), UTC. The civil date comes
    /// from the day count by integer arithmetic (Howard Hinnant's `civil_from_days`), with no
    /// allocation: this runs for every timestamp of every patient the API returns.
    static func append(_ date: Date, milliseconds: Bool, to out: inout [UInt8]) {
        let t = date.timeIntervalSince1970
        let secs = Int64(t.rounded(.down))
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let inDay = Int(secs - days * 86_400)
        let (year, month, day) = civil(Int(days))
        func digits(_ n: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = max(0, n)
            while divisor > 0 { out.append(UInt8(48 + (v / divisor) % 10)); v %= divisor; divisor /= 10 }
        }
        digits(year, 4); out.append(UInt8(ascii: "-"))
        digits(month, 2); out.append(UInt8(ascii: "-"))
        digits(day, 2); out.append(UInt8(ascii: "T"))
        digits(inDay / 3600, 2); out.append(UInt8(ascii: ":"))
        digits(inDay / 60 % 60, 2); out.append(UInt8(ascii: ":"))
        digits(inDay % 60, 2)
        if milliseconds {
            out.append(UInt8(ascii: "."))
            digits(min(999, Int((t - Double(secs)) * 1000)), 3)
        }
        out.append(UInt8(ascii: "Z"))
    }

    /// Year, month and day of a count of days since 1970-01-01 (proleptic Gregorian).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func string(_ date: Date, milliseconds: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity(24)
        append(date, milliseconds: milliseconds, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
