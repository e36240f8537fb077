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
        if let password, let issue = passwordIssue(password, login: login) { issues.append(issue) }
        let name = displayName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { issues.append(.init("displayName", .required)) }
        if name.count > 200 { issues.append(.init("displayName", .tooLong)) }
        if !issues.isEmpty { throw MedoraError.invalid(issues) }
    }

    /// The password policy: at least ten characters, at most 1 KB, not the login dressed up with digits, and not on the
    /// compiled-in list of common passwords.
    public static func passwordIssue(_ password: String, login: String) -> ValidationIssue? {
        if password.count < minimumPasswordLength { return .init("password", .tooShort) }
        if password.utf8.count > 1024 { return .init("password", .tooLong) }
        let folded = password.lowercased()
        if CommonPasswords.contains(folded) { return .init("password", .commonPassword) }
        // The login with only digits or punctuation around it ("doctor2024!") is the first guess.
        let name = login.lowercased()
        if name.count >= 3, folded.contains(name),
           folded.replacingOccurrences(of: name, with: "").allSatisfy({ !$0.isLetter }) {
            return .init("password", .commonPassword)
        }
        return nil
    }
}
