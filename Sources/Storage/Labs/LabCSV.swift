import Foundation

/// Analyses from a CSV file: one result per row, grouped into analyses by day and lab. Columns by
/// header (any order, `,` or `;` separated, quoted fields allowed): `taken_on` (or `date`,
/// `taken_at`), `test` (or `code`, `loinc`, `name`), `value`, and optionally `unit`, `range_low`
/// (`ref_low`), `range_high` (`ref_high`), `lab`, `comment`. Every row is checked; one bad row
/// means nothing is imported, and each problem is reported with its row and column.
public enum LabCSV {
    public struct RowError: Sendable, Equatable {
        /// 1-based line of the file (the header is line 1).
        public var row: Int
        public var column: String
        public var code: ValidationIssue.Code
    }

    public struct Import: Sendable, Equatable {
        public var drafts: [AnalysisDraft]
        /// For each draft, the file line of each of its results.
        public var rows: [[Int]]
        public var errors: [RowError]
    }

    public static let maxRows = 5000

    static let aliases: [String: String] = [
        "taken_on": "taken_on", "date": "taken_on", "taken_at": "taken_on", "takenon": "taken_on",
        "test": "test", "code": "test", "loinc": "test", "name": "test",
        "value": "value", "unit": "unit", "range_low": "range_low", "ref_low": "range_low", "range_high": "range_high",
        "ref_high": "range_high", "lab": "lab", "comment": "comment",
    ]

    /// Parses and checks the file for a patient born on `birthDate` (for the dates and age).
    public static func read(_ text: String, birthDate: String?, today: Date) -> Import {
        var errors: [RowError] = []
        let table = records(text)
        guard let header = table.first else {
            return Import(drafts: [], rows: [], errors: [RowError(row: 1, column: "header", code: .required)])
        }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
            if let canonical = aliases[key], index[canonical] == nil { index[canonical] = i }
        }
        for required in ["taken_on", "test", "value"] where index[required] == nil {
            errors.append(RowError(row: 1, column: required, code: .required))
        }
        if !errors.isEmpty { return Import(drafts: [], rows: [], errors: errors) }
        if table.count - 1 > maxRows { return Import(drafts: [], rows: [], errors: [RowError(row: maxRows + 2, column: "rows", code: .tooLong)]) }

        struct Group { var draft: AnalysisDraft; var rows: [Int] }
        var groups: [String: Group] = [:]
        var order: [String] = []
        for (n, record) in table.enumerated().dropFirst() {
            let row = n + 1
            func cell(_ name: String) -> String? {
                guard let i = index[name], i < record.count else { return nil }
                let v = record[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let day = String((cell("taken_on") ?? "").prefix(10))
            let badDay = LabDates.date(day) == nil
            if badDay { errors.append(RowError(row: row, column: "taken_on", code: .invalidFormat)) }
            guard let name = cell("test") else { errors.append(RowError(row: row, column: "test", code: .required)); continue }
            guard let test = LabCatalogue.match(name, unit: cell("unit")) else {
                errors.append(RowError(row: row, column: "test", code: .invalidValue))
                continue
            }
            guard let raw = cell("value") else { errors.append(RowError(row: row, column: "value", code: .required)); continue }
            guard let value = LabTableParser.decimal(raw) else { errors.append(RowError(row: row, column: "value", code: .invalidFormat)); continue }
            var unit = test.unit
            if let u = cell("unit") {
                guard let found = LabCatalogue.unit(u, of: test) ?? LabCatalogue.unit(LabTableParser.normalizedUnit(u), of: test) else {
                    errors.append(RowError(row: row, column: "unit", code: .invalidValue))
                    continue
                }
                unit = found
            }
            var bounds: [Double?] = []
            for column in ["range_low", "range_high"] {
                guard let b = cell(column) else { bounds.append(nil); continue }
                guard let d = LabTableParser.decimal(b) else { errors.append(RowError(row: row, column: column, code: .invalidFormat)); bounds.append(nil); continue }
                bounds.append(d)
            }
            if badDay { continue }
            let key = "\(day)|\(cell("lab") ?? "")"
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(draft: AnalysisDraft(takenOn: day, lab: cell("lab"), comment: cell("comment"), results: []), rows: [])
            }
            groups[key]?.draft.results.append(LabResult(code: test.code, value: value, unit: unit.ucum, rangeLow: bounds[0],
                                                        rangeHigh: bounds.count > 1 ? bounds[1] : nil))
            groups[key]?.rows.append(row)
        }
        // The core's own checks (plausible values, dates, repeats), reported back on their rows.
        var drafts: [AnalysisDraft] = [], rows: [[Int]] = []
        for key in order {
            guard let g = groups[key] else { continue }
            do {
                drafts.append(try AnalysisValidation.validated(g.draft, birthDate: birthDate, today: today))
                rows.append(g.rows)
            } catch let e as MedoraError {
                for issue in e.issues {
                    let (i, column) = resultIndex(issue.field)
                    let row = i.flatMap { g.rows.indices.contains($0) ? g.rows[$0] : nil } ?? g.rows.first ?? 1
                    errors.append(RowError(row: row, column: column ?? issue.field, code: issue.code))
                }
            } catch {
                errors.append(RowError(row: g.rows.first ?? 1, column: "row", code: .invalidValue))
            }
        }
        errors.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return errors.isEmpty ? Import(drafts: drafts, rows: rows, errors: []) : Import(drafts: [], rows: [], errors: errors)
    }

    /// `results[3].value` → (3, "value"); `takenOn` → (nil, "taken_on").
    static func resultIndex(_ field: String) -> (Int?, String?) {
        guard field.hasPrefix("results["), let close = field.firstIndex(of: "]") else {
            return (nil, field == "takenOn" ? "taken_on" : field)
        }
        let n = Int(field[field.index(field.startIndex, offsetBy: 8)..<close])
        let rest = field[field.index(after: close)...].drop { $0 == "." }
        let column = rest == "code" ? "test" : rest == "rangeLow" ? "range_low" : rest == "rangeHigh" ? "range_high" : String(rest)
        return (n, column.isEmpty ? "test" : column)
    }

    /// RFC 4180 records with `,` or `;` (whichever the first line has more of); quotes may hold
    /// separators, line breaks and doubled quotes.
    static func records(_ text: String) -> [[String]] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var out: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == separator {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r" || c == "\r\n" {
                if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                record.append(field)
                field = ""
                if !(record.count == 1 && record[0].isEmpty) || !out.isEmpty { out.append(record) }
                record = []
                if out.count > maxRows + 1 { break }
            } else {
                field.append(c)
            }
            i += 1
        }
        while let last = out.last, last.allSatisfy(\.isEmpty) { out.removeLast() }
        return out
    }
}
