import Foundation
import MedoraStorage

/// A test's values over time as an inline SVG: the reference band shaded, the values joined, the
/// flagged points marked. Only numbers this code formats go into the SVG (no text from a record),
/// and only presentation attributes (the CSP allows no inline style).
enum TrendChart {
    struct Point {
        var day: String
        var value: Double
        var flagged: Bool
    }

    static let width = 320.0, height = 110.0, pad = 8.0

    static func svg(_ points: [Point], low: Double?, high: Double?, label: String) -> String {
        let values = points.map(\.value) + [low, high].compactMap { $0 }
        guard points.count >= 2, var lo = values.min(), var hi = values.max() else { return "" }
        if hi - lo < 1e-9 { lo -= 1; hi += 1 }
        let span = hi - lo
        lo -= span * 0.1
        hi += span * 0.1
        let days = points.compactMap { LabDates.date($0.day)?.timeIntervalSince1970 }
        guard days.count == points.count, let first = days.min(), let last = days.max() else { return "" }
        let timeSpan = max(last - first, 1)
        func x(_ i: Int) -> Double { pad + (days[i] - first) / timeSpan * (width - 2 * pad) }
        func y(_ v: Double) -> Double { pad + (hi - v) / (hi - lo) * (height - 2 * pad) }
        func f(_ d: Double) -> String { String(format: "%.1f", d) }
        var out = "<svg class=\"trend\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(escape(label))\">"
        out += "<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#ffffff\" stroke=\"#d8dee8\"/>"
        if low != nil || high != nil {
            let top = y(high ?? hi), bottom = y(low ?? lo)
            out += "<rect x=\"\(f(pad))\" y=\"\(f(top))\" width=\"\(f(width - 2 * pad))\" height=\"\(f(max(bottom - top, 0)))\" fill=\"#e7f5ec\"/>"
        }
        let line = points.indices.map { "\(f(x($0))),\(f(y(points[$0].value)))" }.joined(separator: " ")
        out += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#0b6bcb\" stroke-width=\"2\"/>"
        for (i, p) in points.enumerated() {
            out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(p.value)))\" r=\"\(p.flagged ? 4.5 : 3)\" fill=\"\(p.flagged ? "#b42318" : "#0b6bcb")\"/>"
        }
        return out + "</svg>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
