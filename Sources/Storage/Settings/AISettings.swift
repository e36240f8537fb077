import Foundation

/// The optional AI reading: an OpenAI-compatible chat-completions endpoint (a local Ollama or
/// llama.cpp server works), the model, the key, and how many AI readings each doctor may ask for
/// in a month. Off while the endpoint is empty.
public struct AISettings: Sendable, Equatable {
    public var endpoint: String
    public var model: String
    /// Kept sealed in the database; never shown again once saved.
    public var key: String?
    public var monthlyLimit: Int

    public init(endpoint: String, model: String, key: String?, monthlyLimit: Int) {
        self.endpoint = endpoint
        self.model = model
        self.key = key
        self.monthlyLimit = monthlyLimit
    }

    public static let off = AISettings(endpoint: "", model: "", key: nil, monthlyLimit: 100)
    public static let limits = 0...100_000

    public var isOn: Bool { !endpoint.isEmpty && !model.isEmpty }

    /// Checks values from a form. A blank key keeps `currentKey`.
    public static func validated(endpoint: String, model: String, key: String, monthlyLimit: String,
                                 currentKey: String?) throws -> AISettings {
        var issues: [ValidationIssue] = []
        let url = endpoint.trimmingCharacters(in: .whitespaces)
        if !url.isEmpty {
            let parsed = URL(string: url)
            if url.count > 500 || !(parsed?.scheme == "http" || parsed?.scheme == "https") || parsed?.host?.isEmpty != false {
                issues.append(.init("aiEndpoint", .invalidFormat))
            }
        }
        let m = model.trimmingCharacters(in: .whitespaces)
        if m.count > 100 { issues.append(.init("aiModel", .tooLong)) }
        if !url.isEmpty && m.isEmpty { issues.append(.init("aiModel", .required)) }
        let k = key.trimmingCharacters(in: .whitespaces)
        if k.count > 500 { issues.append(.init("aiKey", .tooLong)) }
        if k.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            issues.append(.init("aiKey", .invalidCharacters, allowed: .printable))
        }
        let limit = Int(monthlyLimit.trimmingCharacters(in: .whitespaces))
        if limit == nil { issues.append(.init("aiMonthlyLimit", .invalidFormat)) }
        else if let l = limit, !limits.contains(l) { issues.append(.init("aiMonthlyLimit", .outOfRange)) }
        guard issues.isEmpty, let limit else { throw MedoraError.invalid(issues) }
        return AISettings(endpoint: url, model: m, key: k.isEmpty ? currentKey : k, monthlyLimit: limit)
    }
}
