import Foundation

/// A JSON value whose object keys keep the order they were given in, written the same way every
/// time: the FHIR export is byte-for-byte reproducible, so the copy the browser decrypts and the
/// one `decrypt-export` writes can be compared, and numbers keep the decimals they were entered with.
public indirect enum ExportJSON: Sendable, Equatable {
    case object([(String, ExportJSON)])
    case array([ExportJSON])
    case string(String)
    /// A number already written as JSON (e.g. `4.50`, `120`), so no binary rounding shows.
    case number(String)
    case bool(Bool)

    public static func == (a: ExportJSON, b: ExportJSON) -> Bool { a.serialized() == b.serialized() }

    /// An object from key–value pairs, leaving out the absent values (FHIR forbids nulls, empty strings and empty arrays).
    public static func obj(_ pairs: [(String, ExportJSON?)]) -> ExportJSON {
        .object(pairs.compactMap { k, v in
            guard let v else { return nil }
            if case .array(let items) = v, items.isEmpty { return nil }
            if case .string(let text) = v, text.isEmpty { return nil }
            return (k, v)
        })
    }

    /// A decimal for FHIR: finite, at most 6 decimals, no trailing zeros past the point, no exponent.
    public static func decimal(_ value: Double) -> ExportJSON? {
        guard value.isFinite else { return nil }
        var s = String(format: "%.6f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        if s == "-0" { s = "0" }
        return .number(s)
    }

    /// Compact JSON (one line: the NDJSON form), or indented by two spaces.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let open = pretty ? "\n" : ""
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + open
            for (i, item) in items.enumerated() {
                out += pad
                item.write(into: &out, pretty: pretty, indent: indent + 1)
                if i < items.count - 1 { out += "," }
                out += open
            }
            out += (pretty ? String(repeating: "  ", count: indent) : "") + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{" + open
            for (i, (key, value)) in pairs.enumerated() {
                out += pad
                Self.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
                if i < pairs.count - 1 { out += "," }
                out += open
            }
            out += (pretty ? String(repeating: "  ", count: indent) : "") + "}"
        }
    }

    /// JSON string escaping; `<`, `>` and `&` too, so the text is safe inside an HTML `<script>`.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
