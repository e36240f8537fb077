/// The one error type of the product: a kind from `ErrorKind` (which fixes status, message and exit
/// code), the fields a validation failure rejected, and the values for the message's placeholders
/// (paths, counts, technical detail; never patient data).
public struct MedoraError: Error, Equatable, Sendable, CustomStringConvertible {
    public var kind: ErrorKind
    public var issues: [ValidationIssue]
    public var arguments: [String: String]

    public init(_ kind: ErrorKind, _ arguments: [String: String] = [:], issues: [ValidationIssue] = []) {
        self.kind = kind
        self.arguments = arguments
        self.issues = issues
    }

    /// A validation failure listing every rejected field.
    public static func invalid(_ issues: [ValidationIssue]) -> MedoraError {
        MedoraError(.validationFailed, issues: issues)
    }

    public func message(_ language: Language) -> String { kind.row.message.text(language, arguments) }

    public var description: String {
        issues.isEmpty ? message(.en)
            : message(.en) + " " + issues.map { "\($0.field) \($0.code.rawValue)" }.joined(separator: ", ")
    }
}
