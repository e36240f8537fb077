import Foundation
import Hummingbird
import MedoraStorage

struct UserResponse: ResponseEncodable, Sendable {
    var id: String
    var login: String
    var displayName: String
    var role: String
    var status: String
    /// An assistant's doctor.
    var doctorId: String?

    init(_ u: User) {
        id = u.id.uuidString.lowercased()
        login = u.login
        displayName = u.displayName
        role = u.role.rawValue
        status = u.status.rawValue
        doctorId = u.doctorID?.uuidString.lowercased()
    }
}

struct LoginResponse: ResponseEncodable, Sendable {
    var token: String
    var tokenType = "Bearer"
    var expiresAt: String
    var user: UserResponse
}
