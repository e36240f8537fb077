import Foundation
import Hummingbird
import MedoraStorage

/// An analysis as the API returns it: what was entered, each result with its flag against the
/// range that fits the patient (and the range's source), the change since the previous result
/// where it passes the test's delta rule, the derived values with their formulas, and the reading
/// in the request's language with the disclaimer.
struct AnalysisResponse: ResponseEncodable, Sendable {
    struct Result: Codable, Sendable {
        var code: String
        var key: String
        var name: String
        var value: Double
        var unit: String
        var rangeLow: Double?
        var rangeHigh: Double?
        var referenceLow: Double?
        var referenceHigh: Double?
        var referenceUnit: String
        var referenceSource: String
        var flag: String
        var delta: Double?
    }

    struct Derived: Codable, Sendable {
        struct Input: Codable, Sendable {
            var key: String
            var value: Double
            var unit: String
        }
        var kind: String
        var name: String
        var value: Double
        var unit: String
        var formula: String
        var inputs: [Input]
    }

    struct Sentence: Codable, Sendable {
        var rule: String
        var text: String
    }

    var id: String
    var patientId: String
    var takenOn: String
    var lab: String?
    var comment: String?
    var pregnant: Bool
    var version: Int
    var createdAt: String
    var updatedAt: String
    var results: [Result]
    var derived: [Derived]
    var reading: [Sentence]
    /// A reading written by an AI model, when one was asked for.
    var aiReading: AIReading?
    var disclaimer: String

    struct AIReading: Codable, Sendable {
        var text: String
        var model: String
        var generatedBy = "ai"
    }

    init(_ a: Analysis, interpretation: AnalysisInterpretation, language: Language) {
        id = a.id.uuidString.lowercased()
        patientId = a.patientID.uuidString.lowercased()
        takenOn = a.details.takenOn
        lab = a.details.lab
        comment = a.details.comment
        pregnant = a.details.pregnant
        version = a.version
        createdAt = Timestamp.string(a.createdAt)
        updatedAt = Timestamp.string(a.updatedAt)
        results = zip(a.details.results, interpretation.results).compactMap { entered, r in
            guard let test = LabCatalogue.test(code: r.test) else { return nil }
            return Result(code: test.code, key: test.key, name: test.name[language], value: entered.value, unit: entered.unit,
                          rangeLow: entered.rangeLow, rangeHigh: entered.rangeHigh, referenceLow: r.range?.low,
                          referenceHigh: r.range?.high, referenceUnit: test.unit.ucum,
                          referenceSource: r.labRange ? "lab" : "catalogue", flag: r.flag.rawValue, delta: r.delta)
        }
        derived = interpretation.derived.map { d in
            Derived(kind: d.kind.rawValue, name: LabText.name(d.kind).text(language), value: (d.value * 100).rounded() / 100,
                    unit: d.unit, formula: LabText.formula(d.kind).text(language),
                    inputs: d.inputs.map { Derived.Input(key: $0.key, value: $0.value, unit: $0.unit) })
        }
        reading = a.reading.filter { $0.rule != .aiReading }.map { Sentence(rule: $0.rule.rawValue, text: $0.text(language)) }
        aiReading = a.reading.first { $0.rule == .aiReading }.map { AIReading(text: $0.values["text"] ?? "", model: $0.values["model"] ?? "") }
        disclaimer = ReadingText.disclaimer.text(language)
    }
}

struct AnalysisListResponse: ResponseEncodable, Sendable {
    var items: [AnalysisResponse]
    var damaged: [String]
}
