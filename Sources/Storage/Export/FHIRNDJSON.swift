import Foundation

/// FHIR Bulk Data export files: newline-delimited JSON, one resource per line, one file per
/// resource type (`Patient.ndjson`, `Observation.ndjson`, `DiagnosticReport.ndjson`), references
/// written `Type/id`. The practice export appends every patient's resources through `append`.
public struct FHIRNDJSON: Sendable {
    public static let types = ["Patient", "Observation", "DiagnosticReport"]
    /// The lines so far, by resource type.
    public private(set) var lines: [String: [String]] = [:]

    public init() {}

    /// Adds one patient's resources (as `FHIRBundle.resources(_, references: .relative)` makes them).
    public mutating func append(_ resources: [FHIRResource]) {
        for r in resources { lines[r.type, default: []].append(Self.line(r.json)) }
    }

    /// One resource as one line (compact JSON, which never holds a raw newline).
    public static func line(_ resource: ExportJSON) -> String { resource.serialized() }

    /// File name and contents for each type that has resources, in `types` order; each line ends with `\n`.
    public var files: [(name: String, contents: Data)] {
        Self.types.compactMap { type in
            guard let list = lines[type], !list.isEmpty else { return nil }
            return ("\(type).ndjson", Data(list.map { $0 + "\n" }.joined().utf8))
        }
    }
}
