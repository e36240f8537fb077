import Foundation
import GRDB
import MedoraCrypto

/// Rules for logins and passwords, shared by the CLI and the API.
public enum AccountValidation {
    public static let minimumPasswordLength = 10

    public static func validate(login: String, password: String?, displayName: String) throws {
        var issues: [ValidationIssue] = []
        let okLogin = (3...64).contains(login.count)
            && login.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0)) }
        if !okLogin { issues.append(.init("login", .invalidFormat)) }
        if let password {
            if password.count < minimumPasswordLength { issues.append(.init("password", .tooShort)) }
            if password.utf8.count > 1024 { issues.append(.init("password", .tooLong)) }
        }
        let name = displayName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { issues.append(.init("displayName", .required)) }
        if name.count > 200 { issues.append(.init("displayName", .tooLong)) }
        if !issues.isEmpty { throw MedoraError.invalid(issues) }
    }
}
