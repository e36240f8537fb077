import Foundation

/// Which backups to keep: every one of the last `allFor` (24 hours), then the newest of each day
/// for `days` days, then the newest of each month for `months` months; the rest may go. The newest
/// backup is always kept.
public struct BackupRetention: Sendable, Equatable {
    public var allFor: TimeInterval = 24 * 3600
    public var days = 30
    public var months = 12

    public init(allFor: TimeInterval = 24 * 3600, days: Int = 30, months: Int = 12) {
        self.allFor = allFor
        self.days = days
        self.months = months
    }

    /// The dates (of `backups`) to remove, as of `now`.
    public func expired(_ backups: [Date], now: Date) -> Set<Date> {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let sorted = backups.sorted(by: >)
        var keep: Set<Date> = []
        if let newest = sorted.first { keep.insert(newest) }
        var daysSeen: Set<DateComponents> = [], monthsSeen: Set<DateComponents> = []
        let dayLimit = calendar.date(byAdding: .day, value: -days, to: now) ?? now
        let monthLimit = calendar.date(byAdding: .month, value: -months, to: now) ?? now
        for date in sorted {
            let day = calendar.dateComponents([.year, .month, .day], from: date)
            let month = calendar.dateComponents([.year, .month], from: date)
            let recent = now.timeIntervalSince(date) <= allFor
            let daily = date >= dayLimit && !daysSeen.contains(day)
            let monthly = date >= monthLimit && !monthsSeen.contains(month)
            if recent || daily || monthly {
                keep.insert(date)
                // A kept backup stands for its day and month (newest first).
                daysSeen.insert(day)
                monthsSeen.insert(month)
            }
        }
        return Set(sorted).subtracting(keep)
    }
}
