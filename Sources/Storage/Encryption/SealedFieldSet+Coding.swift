/// A JSON key by name: the keys of API bodies, exports and sample data come from a field table.
public struct FieldCodingKey: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

extension SealedFieldSet {
    /// Writes each present value under its field's JSON name.
    public static func encode(_ values: [Self: String], to c: inout KeyedEncodingContainer<FieldCodingKey>) throws {
        for field in allCases { try c.encodeIfPresent(values[field], forKey: FieldCodingKey(field.jsonName)) }
    }

    /// Reads each field present under its JSON name (as text).
    public static func decode(from c: KeyedDecodingContainer<FieldCodingKey>) throws -> [Self: String] {
        var values: [Self: String] = [:]
        for field in allCases {
            if let v = try c.decodeIfPresent(String.self, forKey: FieldCodingKey(field.jsonName)) { values[field] = v }
        }
        return values
    }
}
