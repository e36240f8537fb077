import Foundation

/// One small line chart per test measured at least twice: values in the test's canonical unit
/// over the days taken, with the patient's reference band shaded. Inline SVG, so it prints and
/// needs nothing outside the file.
enum ExportTrendChart {
    static let width = 300.0, height = 140.0, left = 44.0, right = 10.0, top = 10.0, bottom = 28.0

    static func charts(_ analyses: [Analysis], patient: Patient, language: Language) -> [String] {
        var series: [String: [(day: String, value: Double)]] = [:]
        var order: [String] = []
        for a in analyses {
            for r in a.details.results {
                guard let test = LabCatalogue.test(code: r.code), let unit = LabCatalogue.unit(r.unit, of: test) else { continue }
                if series[r.code] == nil { order.append(r.code) }
                series[r.code, default: []].append((a.details.takenOn, r.value * unit.toCanonical))
            }
        }
        return order.compactMap { code in
            guard let points = series[code], points.count >= 2, let test = LabCatalogue.test(code: code) else { return nil }
            let last = analyses.last { $0.details.results.contains { $0.code == code } }
            let range = test.range(sex: patient.details.sex, ageYears: last.flatMap { patient.age(on: $0.details.takenOn) },
                                   pregnant: false)
            return chart(test: test, points: points, low: range?.low, high: range?.high, language: language)
        }
    }

    static func chart(test: LabTest, points: [(day: String, value: Double)], low: Double?, high: Double?, language: Language) -> String {
        let values = points.map(\.value) + [low, high].compactMap { $0 }
        var minV = values.min() ?? 0, maxV = values.max() ?? 1
        if maxV - minV < 1e-9 { minV -= 1; maxV += 1 }
        let pad = (maxV - minV) * 0.1
        minV -= pad
        maxV += pad
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Double { left + plotW * Double(i) / Double(max(points.count - 1, 1)) }
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - minV) / (maxV - minV)) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let name = ExportRecord.escape(test.name[language])
        var svg = "<figure><figcaption>\(name), \(ExportRecord.escape(test.unit.display))</figcaption>"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(name)\">"
        if low != nil || high != nil {
            let bandTop = y(min(high ?? maxV, maxV)), bandBottom = y(max(low ?? minV, minV))
            svg += "<rect x=\"\(f(left))\" y=\"\(f(bandTop))\" width=\"\(f(plotW))\" height=\"\(f(max(0, bandBottom - bandTop)))\" fill=\"#e3f2e6\"/>"
        }
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#9aa8b6\"/>"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(width - right))\" y2=\"\(f(top + plotH))\" stroke=\"#9aa8b6\"/>"
        svg += "<text x=\"\(f(left - 4))\" y=\"\(f(top + 8))\" font-size=\"10\" text-anchor=\"end\">\(test.format(maxV))</text>"
        svg += "<text x=\"\(f(left - 4))\" y=\"\(f(top + plotH))\" font-size=\"10\" text-anchor=\"end\">\(test.format(minV))</text>"
        let line = points.indices.map { "\(f(x($0))),\(f(y(points[$0].value)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#1f6fb8\" stroke-width=\"2\"/>"
        for (i, p) in points.enumerated() {
            let outside = (low.map { p.value < $0 } ?? false) || (high.map { p.value > $0 } ?? false)
            svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(p.value)))\" r=\"3\" fill=\"\(outside ? "#a4161a" : "#1f6fb8")\"><title>"
            svg += "\(ExportRecord.day(p.day)): \(test.format(p.value))</title></circle>"
        }
        if let first = points.first, let last = points.last {
            svg += "<text x=\"\(f(left))\" y=\"\(f(height - 8))\" font-size=\"10\">\(ExportRecord.escape(ExportRecord.day(first.day)))</text>"
            svg += "<text x=\"\(f(width - right))\" y=\"\(f(height - 8))\" font-size=\"10\" text-anchor=\"end\">\(ExportRecord.escape(ExportRecord.day(last.day)))</text>"
        }
        return svg + "</svg></figure>"
    }
}
