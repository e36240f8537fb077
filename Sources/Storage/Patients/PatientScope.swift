import Foundation

/// Which patients a caller sees. A patient outside the scope does not exist for the caller:
/// reads return nothing, writes find nothing, lists leave it out, damage to it is not reported.
public enum PatientScope: Sendable, Hashable {
    case everyone
    /// The patients owned by one doctor (or administrator).
    case owner(UUID)
    case nobody

    public func includes(_ ownerID: UUID?) -> Bool {
        switch self {
        case .everyone: ownerID != nil
        case .owner(let id): ownerID == id
        case .nobody: false
        }
    }
}
