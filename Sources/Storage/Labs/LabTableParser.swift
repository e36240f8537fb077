import Foundation

/// Reads a table of results pasted from a lab's PDF or a spreadsheet: one result per line, the
/// test by name, abbreviation or code (any of the three languages), then the value, then
/// optionally the unit and the printed range ("13.5-17.5", "13,5 – 17,5", "< 5"). Columns may be
/// separated by tabs, semicolons, vertical bars or runs of spaces. Lines that are not results
/// (headings, blank lines) are reported, never guessed at.
public enum LabTableParser {
    public struct Line: Sendable, Equatable {
        public enum Problem: String, Sendable, Equatable {
            /// No number on the line: a heading or a note.
            case noValue = "no_value"
            /// The name before the number is no test of the catalogue.
            case unknownTest = "unknown_test"
            /// The unit printed is not one the test is measured in.
            case unknownUnit = "unknown_unit"
            /// The same test appeared on an earlier line.
            case repeated
        }

        /// 1-based line number in the pasted text.
        public var number: Int
        public var text: String
        public var result: LabResult?
        public var problem: Problem?
    }

    public static let maxLines = 500

    public static func parse(_ text: String) -> [Line] {
        var lines: [Line] = []
        var seen: Set<String> = []
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(maxLines).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            var parsed = parse(line: String(line), number: i + 1)
            if let r = parsed.result, !seen.insert(r.code).inserted {
                parsed.result = nil
                parsed.problem = .repeated
            }
            lines.append(parsed)
        }
        return lines
    }

    static func parse(line: String, number: Int) -> Line {
        let cells = cells(line)
        guard let valueIndex = cells.firstIndex(where: { decimal($0) != nil }), valueIndex > 0, let value = decimal(cells[valueIndex]) else {
            // A name made of a code ("2345-7 5.4") is also a number-looking token: try the first cell as a code.
            if cells.count >= 2, let test = LabCatalogue.test(code: cells[0]), let v = decimal(cells[1]) {
                return finish(test: test, value: v, rest: Array(cells.dropFirst(2)), line: line, number: number)
            }
            return Line(number: number, text: line, result: nil, problem: .noValue)
        }
        let name = cells[..<valueIndex].joined(separator: " ")
        let rest = Array(cells[(valueIndex + 1)...])
        let unitGuess = rest.first
        guard let test = LabCatalogue.match(name, unit: unitGuess) ?? LabCatalogue.match(strip(name), unit: unitGuess) else {
            return Line(number: number, text: line, result: nil, problem: .unknownTest)
        }
        return finish(test: test, value: value, rest: rest, line: line, number: number)
    }

    static func finish(test: LabTest, value: Double, rest: [String], line: String, number: Int) -> Line {
        var unit = test.unit
        var remaining = rest[...]
        if let first = remaining.first, decimal(first) == nil, !isRangeToken(first) {
            guard let u = LabCatalogue.unit(first, of: test) ?? LabCatalogue.unit(normalizedUnit(first), of: test) else {
                return Line(number: number, text: line, result: nil, problem: .unknownUnit)
            }
            unit = u
            remaining = remaining.dropFirst()
        }
        let (low, high) = range(remaining.joined(separator: " "))
        return Line(number: number, text: line,
                    result: LabResult(code: test.code, value: value, unit: unit.ucum, rangeLow: low, rangeHigh: high), problem: nil)
    }

    /// Splits at tabs, semicolons or bars when there are any, else at runs of two or more spaces,
    /// else at single spaces.
    static func cells(_ line: String) -> [String] {
        let strong = line.split(whereSeparator: { $0 == "\t" || $0 == ";" || $0 == "|" })
        let parts: [Substring]
        if strong.count > 1 {
            parts = strong
        } else if line.contains("  ") {
            parts = line.components(separatedBy: "  ").map { Substring($0) }
        } else {
            parts = line.split(separator: " ")
        }
        var out: [String] = []
        for p in parts {
            let t = p.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            // "13.5 g/dL" inside one cell: split the number from its unit.
            let words = t.split(separator: " ").map(String.init)
            if strong.count > 1 || line.contains("  "), words.count > 1, words.contains(where: { decimal($0) != nil }) {
                out += words
            } else {
                out.append(t)
            }
        }
        return out
    }

    /// `5.4`, `5,4`, `+5.4` (no thousands separators, no ranges).
    public static func decimal(_ s: String) -> Double? {
        var t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        if t.hasPrefix("+") { t.removeFirst() }
        guard !t.isEmpty, t.first != "-" || t.count > 1, t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
              t.dropFirst().allSatisfy({ $0 != "-" }), let d = Double(t), d.isFinite else { return nil }
        return d
    }

    static func isRangeToken(_ s: String) -> Bool {
        s.contains("–") || s.contains("-") && s.count > 1 && s.dropFirst().contains("-") || s.hasPrefix("<") || s.hasPrefix(">")
    }

    /// The printed range: `a-b`, `a – b`, `< b`, `> a`, `up to b` / `до b`.
    static func range(_ s: String) -> (Double?, Double?) {
        let t = s.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .replacingOccurrences(of: " ", with: "")
        if t.isEmpty { return (nil, nil) }
        // A bound is a plain finite number: `nan`, `inf` and `1e500` are not ranges.
        func bound<S: StringProtocol>(_ s: S) -> Double? {
            guard s.allSatisfy({ $0.isNumber || $0 == "." }), let d = Double(String(s)), d.isFinite else { return nil }
            return d
        }
        if t.hasPrefix("<") || t.hasPrefix("≤") { return (nil, bound(t.dropFirst().drop(while: { $0 == "=" }))) }
        if t.hasPrefix(">") || t.hasPrefix("≥") { return (bound(t.dropFirst().drop(while: { $0 == "=" })), nil) }
        for prefix in ["upto", "до", "gacha"] where t.lowercased().hasPrefix(prefix) {
            return (nil, bound(t.dropFirst(prefix.count)))
        }
        let parts = t.split(separator: "-", maxSplits: 1)
        if parts.count == 2, let a = bound(parts[0]), let b = bound(parts[1]), a <= b { return (a, b) }
        return (nil, nil)
    }

    /// Common spellings labs print for units: `г/л` → `g/L`, `ммоль/л` → `mmol/L`, `мкмоль/л` → `umol/L`, `10^9/л` → `10*9/L`.
    static func normalizedUnit(_ s: String) -> String {
        var u = s.lowercased()
        for (from, to) in [("мкмоль", "umol"), ("ммоль", "mmol"), ("мкг", "ug"), ("мг", "mg"), ("нг", "ng"), ("пг", "pg"), ("г", "g"),
                           ("дл", "dL"), ("мл", "mL"), ("л", "L"), ("ед", "U"), ("µ", "u"), ("μ", "u"), ("^", "*"), ("х10", "10"),
                           ("x10", "10"), ("×10", "10"), ("фл", "fL"), ("сек", "s"), ("мм/ч", "mm/h")] {
            u = u.replacingOccurrences(of: from, with: to)
        }
        return u.replacingOccurrences(of: "/l", with: "/L").replacingOccurrences(of: "/dl", with: "/dL")
    }

    /// A name with bracketed notes and trailing marks removed: "Гемоглобин (HGB)" → "Гемоглобин", "ALT*" → "ALT".
    static func strip(_ name: String) -> String {
        var n = name
        if let open = n.firstIndex(of: "(") { n = String(n[..<open]) }
        return n.trimmingCharacters(in: CharacterSet.alphanumerics.inverted.union(.whitespaces))
    }
}
