import Foundation

/// A table whose set of rows does not match its digest: a row rolled back to an older copy,
/// deleted, or added from another file; or the digest row itself altered or removed.
public struct DigestFinding: Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// The rows sum to another digest. `storedRows` and `actualRows` tell a deletion or an
        /// insertion from a rollback (same count).
        case mismatch(storedRows: Int64, actualRows: Int64)
        /// No digest row for the table.
        case missing
        /// The digest row does not authenticate; writes to the table are refused.
        case forged
    }

    public var table: String
    public var problem: Problem

    /// `patients: rows changed since they were written (rolled back, deleted or added): 100 recorded, 99 found`.
    public var label: String {
        switch problem {
        case .mismatch(let stored, let actual):
            "\(table): the set of rows is not the one written (a row rolled back, deleted or added outside Medora): "
                + "\(stored) recorded, \(actual) found"
        case .missing: "\(table): its integrity record is missing"
        case .forged: "\(table): its integrity record has been altered; writes to this table are refused"
        }
    }

    static func compare(_ table: String, stored: IntegrityLedger.DigestState,
                        actual: IntegrityLedger.Digest) throws -> [DigestFinding] {
        switch stored {
        case .valid(let d) where d == actual: []
        case .valid(let d): [DigestFinding(table: table, problem: .mismatch(storedRows: d.count, actualRows: actual.count))]
        case .missing: [DigestFinding(table: table, problem: .missing)]
        case .forged: [DigestFinding(table: table, problem: .forged)]
        }
    }
}
