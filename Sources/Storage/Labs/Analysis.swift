import Foundation

/// One result as entered: the test (LOINC code), the value and the unit it was printed in, and
/// the range the lab printed beside it, if any (in the same unit), which overrides the catalogue's.
public struct LabResult: Sendable, Equatable, Codable {
    public var code: String
    public var value: Double
    public var unit: String
    public var rangeLow: Double?
    public var rangeHigh: Double?

    public init(code: String, value: Double, unit: String, rangeLow: Double? = nil, rangeHigh: Double? = nil) {
        self.code = code
        self.value = value
        self.unit = unit
        self.rangeLow = rangeLow
        self.rangeHigh = rangeHigh
    }
}

/// What an analysis holds before it is stored: the day taken, the lab, the results, a comment,
/// and whether the patient was pregnant (which picks pregnancy ranges).
public struct AnalysisDraft: Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var takenOn: String
    public var lab: String?
    public var comment: String?
    public var pregnant: Bool
    public var results: [LabResult]

    public init(takenOn: String, lab: String? = nil, comment: String? = nil, pregnant: Bool = false, results: [LabResult]) {
        self.takenOn = takenOn
        self.lab = lab
        self.comment = comment
        self.pregnant = pregnant
        self.results = results
    }
}

/// A stored analysis of a patient, decrypted, with the reading made when it was saved.
public struct Analysis: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var patientID: UUID
    public var details: AnalysisDraft
    public var reading: [ReadingFinding]
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, patientID: UUID, details: AnalysisDraft, reading: [ReadingFinding], version: Int, createdAt: Date,
                updatedAt: Date) {
        self.id = id
        self.patientID = patientID
        self.details = details
        self.reading = reading
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
