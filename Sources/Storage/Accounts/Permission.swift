import Foundation

/// What a role may do, declared once: the API, the pages and the commands ask here. Which
/// patients a user sees is `PatientScope`.
public enum Permission: String, CaseIterable, Sendable {
    /// See, create and edit patients (within the scope).
    case workOnPatients
    case deletePatients
    case exportPatients
    case manageUsers
    case manageSettings
    case manageBackups
    /// The clinic's audit trail (every user's actions); a patient's own access panel needs only
    /// the patient in scope.
    case viewAudit
}

extension User.Role {
    /// The role matrix: administrators run the clinic and see every patient; doctors work on their
    /// own patients; assistants work on their doctor's patients but delete and export nothing.
    public func may(_ permission: Permission) -> Bool {
        switch (self, permission) {
        case (.admin, _): true
        case (.doctor, .workOnPatients), (.doctor, .deletePatients), (.doctor, .exportPatients): true
        case (.assistant, .workOnPatients): true
        default: false
        }
    }
}

extension User {
    public func may(_ permission: Permission) -> Bool { role.may(permission) }

    /// The patients this user sees: every one for an administrator, their own for a doctor, their
    /// doctor's for an assistant (none until one is assigned).
    public var patientScope: PatientScope {
        switch role {
        case .admin: .everyone
        case .doctor: .owner(id)
        case .assistant: doctorID.map(PatientScope.owner) ?? .nobody
        }
    }

    /// Who owns a patient this user creates: themselves, or an assistant's doctor (nil: an
    /// assistant with no doctor, who cannot create patients).
    public var ownerOfNewPatients: UUID? {
        switch role {
        case .admin, .doctor: id
        case .assistant: doctorID
        }
    }
}
