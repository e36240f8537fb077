import Foundation
import Hummingbird
import MedoraStorage

/// The JSON shape of a patient in responses: identity and bookkeeping, then each present field
/// under its `PatientField` JSON name, keys in sorted order. Written with `JSONOutput` (a page of
/// patients is the most frequent answer the server gives).
struct PatientResponse: ResponseGenerator, Sendable {
    let patient: Patient

    init(_ patient: Patient) { self.patient = patient }

    private enum Member { case id, version, createdAt, updatedAt, field(PatientField) }
    private static let members: [(name: String, member: Member)] =
        ([("id", .id), ("version", .version), ("createdAt", .createdAt), ("updatedAt", .updatedAt)]
            + PatientField.allCases.map { ($0.jsonName, Member.field($0)) })
        .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }

    func write(to out: inout JSONOutput) {
        out.object { o in
            for (name, member) in Self.members {
                switch member {
                case .id: o.key(name); o.uuid(patient.id)
                case .version: o.member(name, patient.version)
                case .createdAt: o.key(name); o.timestamp(patient.createdAt)
                case .updatedAt: o.key(name); o.timestamp(patient.updatedAt)
                case .field(let field): if let value = patient.details.values[field] { o.member(name, value) }
                }
            }
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var out = JSONOutput(capacity: 512)
        write(to: &out)
        return out.response()
    }
}

struct PatientListResponse: ResponseGenerator, Sendable {
    var items: [PatientResponse]
    var total: Int
    var limit: Int
    var offset: Int
    /// Ids of the caller's records that are damaged and not served (no content).
    var damaged: [String]

    func write(to out: inout JSONOutput) {
        out.object { o in
            o.key("damaged")
            o.array { a in for id in damaged { a.string(id) } }
            o.key("items")
            o.array { a in for item in items { item.write(to: &a) } }
            o.member("limit", limit)
            o.member("offset", offset)
            o.member("total", total)
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var out = JSONOutput(capacity: 256 + 400 * items.count)
        write(to: &out)
        return out.response()
    }
}
