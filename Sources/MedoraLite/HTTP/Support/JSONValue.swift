import Foundation

/// Any JSON value, so request bodies can be checked key by key with precise errors.
enum JSONValue: Sendable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    /// From what `JSONSerialization` returns; nil for anything else.
    init?(_ object: Any) {
        switch object {
        case is NSNull: self = .null
        case let s as String: self = .string(s)
        case let n as NSNumber:
            // The number's own type: "c" for true/false, "d"/"f" for fractions and exponents.
            switch String(cString: n.objCType) {
            case "c": self = .bool(n.boolValue)
            case "d", "f": self = .double(n.doubleValue)
            default: self = .int(n.intValue)
            }
        case let a as [Any]:
            var items: [JSONValue] = []
            items.reserveCapacity(a.count)
            for element in a {
                guard let v = JSONValue(element) else { return nil }
                items.append(v)
            }
            self = .array(items)
        case let d as [String: Any]:
            var fields: [String: JSONValue] = [:]
            for (k, element) in d {
                guard let v = JSONValue(element) else { return nil }
                fields[k] = v
            }
            self = .object(fields)
        default: return nil
        }
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
}
