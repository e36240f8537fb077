import Foundation

/// The request budgets an administrator sets (Settings page); the running server's rate limits
/// follow them at once. A budget given on the `serve` command line stays as given for that run.
public struct RequestLimits: Sendable, Equatable {
    public enum Budget: String, CaseIterable, Sendable {
        /// Anonymous requests per client address and minute (pages, sign-in, the public API).
        case perAddressPerMinute
        /// Anonymous JSON API requests per client address and hour.
        case apiAnonymousPerHour
        /// JSON API requests per signed-in user and hour.
        case apiUserPerHour
        /// Page requests per signed-in user and minute.
        case pagesUserPerMinute

        /// What may be chosen on the page: a floor below which a busy doctor or the sign-in page
        /// itself would be stopped, and a ceiling that still means something.
        public var range: ClosedRange<Int> {
            switch self {
            case .perAddressPerMinute: 20...100_000
            case .apiAnonymousPerHour: 20...1_000_000
            case .apiUserPerHour: 100...1_000_000
            case .pagesUserPerMinute: 300...100_000
            }
        }

        /// The window the budget is counted over, in seconds.
        public var window: Int {
            switch self {
            case .perAddressPerMinute, .pagesUserPerMinute: 60
            case .apiAnonymousPerHour, .apiUserPerHour: 3600
            }
        }

        /// The SaaS's numbers.
        public var standard: Int {
            switch self {
            case .perAddressPerMinute: 100
            case .apiAnonymousPerHour: 100
            case .apiUserPerHour: 1_000
            case .pagesUserPerMinute: 1_200
            }
        }

        var storedKey: String {
            switch self {
            case .perAddressPerMinute: "limit_per_address_per_minute"
            case .apiAnonymousPerHour: "limit_api_anonymous_per_hour"
            case .apiUserPerHour: "limit_api_user_per_hour"
            case .pagesUserPerMinute: "limit_pages_user_per_minute"
            }
        }
    }

    public private(set) var values: [Budget: Int]

    public init(_ values: [Budget: Int] = [:]) {
        self.values = Dictionary(uniqueKeysWithValues: Budget.allCases.map { ($0, values[$0] ?? $0.standard) })
    }

    public static let standard = RequestLimits()

    public subscript(_ budget: Budget) -> Int {
        get { values[budget] ?? budget.standard }
        set { values[budget] = newValue }
    }

    var stored: [String: String] {
        Dictionary(uniqueKeysWithValues: Budget.allCases.map { ($0.storedKey, String(self[$0])) })
    }

    /// From stored rows: a missing value, or one outside its range, takes the standard one.
    init(stored: [String: String]) {
        self.init(Dictionary(uniqueKeysWithValues: Budget.allCases.compactMap { budget in
            stored[budget.storedKey].flatMap(Int.init).flatMap { budget.range.contains($0) ? (budget, $0) : nil }
        }))
    }

    /// From a form, one text per budget (by the budget's name); a budget absent from the form
    /// keeps its value in `current`. Whole numbers within each range, or validation issues.
    public static func validated(_ form: [Budget: String], current: RequestLimits) throws -> RequestLimits {
        var limits = current
        var issues: [ValidationIssue] = []
        for (budget, text) in form {
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                issues.append(.init(budget.rawValue, .invalidFormat))
                continue
            }
            guard budget.range.contains(n) else {
                issues.append(.init(budget.rawValue, .outOfRange))
                continue
            }
            limits[budget] = n
        }
        guard issues.isEmpty else { throw MedoraError.invalid(issues) }
        return limits
    }
}
