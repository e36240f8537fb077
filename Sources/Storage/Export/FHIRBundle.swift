import Crypto
import Foundation

/// A FHIR R4 resource made by the export: its type, id and JSON.
public struct FHIRResource: Sendable, Equatable {
    public let type: String
    public let id: String
    public let json: ExportJSON
}

/// Builds FHIR R4 from a decrypted patient and their analyses: one Patient, one laboratory
/// Observation per result (LOINC code, UCUM quantity, reference range, v3 interpretation), one
/// DiagnosticReport per analysis referencing its Observations with the rules' reading as the
/// conclusion. Pure and deterministic: the same input gives the same bytes (Observation ids are
/// derived from the analysis id and the result's position, since results have no id of their own).
public enum FHIRBundle {
    public static let loinc = "http://loinc.org"
    public static let ucum = "http://unitsofmeasure.org"
    static let categorySystem = "http://terminology.hl7.org/CodeSystem/observation-category"
    static let interpretationSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
    static let reportCategorySystem = "http://terminology.hl7.org/CodeSystem/v2-0074"
    static let identifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203"
    /// LOINC "Laboratory report".
    static let laboratoryReport = "11502-2"

    /// How resources point at each other: `urn:uuid:` inside a Bundle, `Type/id` in Bulk Data NDJSON.
    public enum References: Sendable { case bundle, relative }

    /// A Bundle of type `collection` with `urn:uuid` fullUrls.
    public static func bundle(_ content: PatientExportContent) -> ExportJSON {
        let entries = resources(content, references: .bundle).map { r in
            ExportJSON.obj([("fullUrl", .string("urn:uuid:\(r.id)")), ("resource", r.json)])
        }
        return .obj([
            ("resourceType", .string("Bundle")),
            ("id", .string(derivedID("bundle", content.patient.id, Int(content.generatedAt.timeIntervalSince1970)))),
            ("type", .string("collection")),
            ("timestamp", .string(instant(content.generatedAt))),
            ("entry", .array(entries)),
        ])
    }

    /// The Patient, then each analysis's Observations followed by its DiagnosticReport, oldest first.
    public static func resources(_ content: PatientExportContent, references: References) -> [FHIRResource] {
        let p = content.patient
        let patientID = lower(p.id)
        func ref(_ type: String, _ id: String) -> ExportJSON {
            .obj([("reference", .string(references == .bundle ? "urn:uuid:\(id)" : "\(type)/\(id)"))])
        }
        var out = [FHIRResource(type: "Patient", id: patientID, json: patient(p))]
        for analysis in content.analysesInOrder {
            let interpretation = p.interpret(analysis.details)
            var observationIDs: [String] = []
            for (index, result) in analysis.details.results.enumerated() {
                let id = derivedID("observation", analysis.id, index)
                let interpreted = interpretation.results.first { $0.test == result.code }
                out.append(FHIRResource(type: "Observation", id: id,
                                        json: observation(id: id, result, interpreted, analysis: analysis, subject: ref("Patient", patientID),
                                                          language: content.language)))
                observationIDs.append(id)
            }
            let reportID = lower(analysis.id)
            let conclusion = analysis.reading.filter { $0.rule != .aiReading }.map { $0.text(content.language) }.joined(separator: " ")
            out.append(FHIRResource(type: "DiagnosticReport", id: reportID, json: .obj([
                ("resourceType", .string("DiagnosticReport")),
                ("id", .string(reportID)),
                ("status", .string("final")),
                ("category", .array([.obj([("coding", .array([coding(reportCategorySystem, "LAB", "Laboratory")]))])])),
                ("code", .obj([("coding", .array([coding(loinc, laboratoryReport, "Laboratory report")])),
                               ("text", .string(ExportText.laboratoryReport.text(content.language)))])),
                ("subject", ref("Patient", patientID)),
                ("effectiveDateTime", .string(analysis.details.takenOn)),
                ("issued", .string(instant(analysis.createdAt))),
                ("performer", analysis.details.lab.map { .array([.obj([("display", .string($0))])]) }),
                ("result", .array(observationIDs.map { ref("Observation", $0) })),
                ("conclusion", conclusion.isEmpty ? nil : .string(conclusion)),
            ])))
        }
        return out
    }

    static func patient(_ p: Patient) -> ExportJSON {
        let d = p.details
        let given = [d.firstName, d[.middleName] ?? ""].filter { !$0.isEmpty }
        return .obj([
            ("resourceType", .string("Patient")),
            ("id", .string(lower(p.id))),
            ("identifier", .array(d[.nationalID].map { id in
                [.obj([("type", .obj([("coding", .array([coding(identifierTypeSystem, "NI", "National unique individual identifier")])),
                                      ("text", .string("National ID"))])),
                       ("value", .string(id))])]
            } ?? [])),
            ("name", .array([.obj([("use", .string("official")), ("family", d.lastName.isEmpty ? nil : .string(d.lastName)),
                                   ("given", .array(given.map { .string($0) }))])])),
            ("telecom", .array(d[.phone].map { [.obj([("system", .string("phone")), ("value", .string($0))])] } ?? [])),
            ("gender", d.sex.map { .string($0.rawValue) }),
            ("birthDate", d[.birthDate].map { .string($0) }),
            ("address", .array(d[.address].map { [.obj([("text", .string($0))])] } ?? [])),
        ])
    }

    static func observation(id: String, _ r: LabResult, _ interpreted: InterpretedResult?, analysis: Analysis, subject: ExportJSON,
                            language: Language) -> ExportJSON {
        let test = LabCatalogue.test(code: r.code)
        let unit = test.flatMap { LabCatalogue.unit(r.unit, of: $0) }
        func quantity(_ value: Double?) -> ExportJSON? {
            guard let value, let number = ExportJSON.decimal(value) else { return nil }
            // FHIR strings may not be empty: a unit shown as nothing (INR, specific gravity) is named by its UCUM code.
            let shown = [unit?.display, unit?.ucum, r.unit].compactMap { $0 }.first { !$0.isEmpty }
            return .obj([("value", number), ("unit", shown.map { .string($0) }),
                         ("system", unit.map { _ in .string(ucum) }), ("code", unit.map { .string($0.ucum) })])
        }
        // The range in the unit the value was entered in: the lab's own, else the catalogue's (canonical) converted back.
        let toEntered = unit?.toCanonical ?? 1
        let low = r.rangeLow ?? interpreted?.range?.low.map { $0 / toEntered }
        let high = r.rangeHigh ?? interpreted?.range?.high.map { $0 / toEntered }
        let range: ExportJSON? = low == nil && high == nil ? nil : .array([.obj([("low", quantity(low)), ("high", quantity(high))])])
        return .obj([
            ("resourceType", .string("Observation")),
            ("id", .string(id)),
            ("status", .string("final")),
            ("category", .array([.obj([("coding", .array([coding(categorySystem, "laboratory", "Laboratory")]))])])),
            ("code", .obj([("coding", .array([coding(loinc, r.code, test?.name.en)])), ("text", test.map { .string($0.name[language]) })])),
            ("subject", subject),
            ("effectiveDateTime", .string(analysis.details.takenOn)),
            ("issued", .string(instant(analysis.createdAt))),
            ("valueQuantity", quantity(r.value)),
            ("interpretation", interpreted.map { .array([.obj([("coding", .array([interpretationCoding($0.flag)]))])]) }),
            ("referenceRange", range),
        ])
    }

    /// The v3 ObservationInterpretation code of a flag.
    public static func interpretationCode(_ flag: LabFlag) -> (code: String, display: String) {
        switch flag {
        case .normal: ("N", "Normal")
        case .low: ("L", "Low")
        case .high: ("H", "High")
        case .criticalLow: ("LL", "Critical low")
        case .criticalHigh: ("HH", "Critical high")
        }
    }

    static func interpretationCoding(_ flag: LabFlag) -> ExportJSON {
        let c = interpretationCode(flag)
        return coding(interpretationSystem, c.code, c.display)
    }

    static func coding(_ system: String, _ code: String, _ display: String?) -> ExportJSON {
        .obj([("system", .string(system)), ("code", .string(code)), ("display", display.map { .string($0) })])
    }

    static func lower(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// A stable UUID (version 8, RFC 9562) from a purpose, an id and a number: the same result
    /// gets the same Observation id in every export of it.
    static func derivedID(_ purpose: String, _ id: UUID, _ n: Int) -> String {
        var bytes = Array(SHA256.hash(data: Data("medora-export/\(purpose)/\(id.uuidString)/\(n)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return lower(uuid)
    }

    /// An `instant`: UTC with seconds, e.g. `2026-11-27T22:48:03Z`.
    static func instant(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
