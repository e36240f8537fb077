import Foundation
import GRDB
import MedoraCrypto

/// One entry of the audit trail as stored: ids, times and codes, never a personal value.
///
/// The entries form a hash chain: each one's MAC (keyed BLAKE2b under the audit subkey) covers its
/// own content and the previous entry's MAC, and its sequence number is one more than the
/// previous one's. An edited or inserted entry fails its MAC; a deleted one leaves a gap; a
/// reordered one breaks both. The last entry's number and MAC (the head) are also kept in their
/// own authenticated row, so cutting entries off the end shows too, and the head goes into every
/// backup's header and every export, so a database file replaced by an older copy is caught
/// against any later backup.
public struct AuditEntry: Sendable, Equatable {
    public var seq: Int64
    /// Milliseconds since 1970, as stored and covered by the MAC.
    var atMillis: Int64
    public var at: Date { Date(timeIntervalSince1970: Double(atMillis) / 1000) }
    public var actor: UUID?
    public var origin: AuditActor.Origin
    public var action: AuditAction
    public var entityID: UUID?
    public var patientID: UUID?
    public var address: String?
    var previous: Data
    var mac: Data

    public var entity: String { action.entity }

    /// Milliseconds since 1970: what the file holds and the MAC covers.
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The bytes the MAC covers: a domain label, every column (length-prefixed, so no two
    /// different entries share an encoding) and the previous MAC.
    static func macInput(seq: Int64, at: Int64, actor: UUID?, origin: String, action: String, entity: String,
                         entityID: UUID?, patientID: UUID?, address: String?, previous: Data) -> [UInt8] {
        var out = Array("medora-audit-1".utf8)
        func int(_ v: Int64) { withUnsafeBytes(of: v.bigEndian) { out += $0 } }
        func bytes(_ b: [UInt8]?) {
            guard let b else { int(-1); return }
            int(Int64(b.count))
            out += b
        }
        func uuid(_ u: UUID?) { bytes(u.map { withUnsafeBytes(of: $0.uuid, Array.init) }) }
        int(seq)
        int(at)
        uuid(actor)
        bytes(Array(origin.utf8))
        bytes(Array(action.utf8))
        bytes(Array(entity.utf8))
        uuid(entityID)
        uuid(patientID)
        bytes(address.map { Array($0.utf8) })
        bytes(Array(previous))
        return out
    }
}

/// The last entry of the chain: its number and MAC. Printed as `seq:hex`.
public struct AuditHead: Sendable, Equatable, Codable, CustomStringConvertible {
    public var seq: Int64
    public var mac: String

    public init(seq: Int64, mac: Data) {
        self.seq = seq
        self.mac = Hex.encode(mac)
    }

    /// The start of every chain: no entry yet.
    static let empty = AuditHead(seq: 0, mac: Data(count: 32))

    public var description: String { "\(seq):\(mac)" }

    /// Reads `seq:hex` as printed; nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":")
        guard parts.count == 2, let seq = Int64(parts[0]), seq >= 0, let mac = Hex.decode(String(parts[1])), mac.count == 32 else {
            return nil
        }
        self.init(seq: seq, mac: mac)
    }
}
