import Foundation

/// The practice's patients as FHIR Bulk Data (`Patient.ndjson`, `Observation.ndjson`,
/// `DiagnosticReport.ndjson`, and a `manifest.json` in the shape of a bulk-data status answer),
/// in one encrypted archive: the path out to a larger system. The archive is
/// `MEDORAFX`, a format byte, then the sealed part as the patient export seals it (AES-256-GCM
/// under PBKDF2-SHA256 of a one-time code: salt 16, iterations as 4 bytes big-endian, nonce 12,
/// ciphertext); inside, each file as its name's length (2 bytes), the name, its length (8 bytes)
/// and its bytes. `decrypt-export` opens it.
public enum PracticeExport {
    static let magic = Array("MEDORAFX".utf8)
    static let format: UInt8 = 1

    /// The files of the archive, unsealed.
    public struct Files: Sendable, Equatable {
        public var files: [(name: String, contents: Data)]
        public static func == (a: Files, b: Files) -> Bool {
            a.files.map(\.name) == b.files.map(\.name) && a.files.map(\.contents) == b.files.map(\.contents)
        }
    }

    /// A sealed export: the archive, its one-time code, what it holds.
    public struct Made: Sendable {
        public var archive: Data
        public var code: String
        public var summary: Summary
        /// The patients in it, so exactly these can be erased afterwards.
        public var patientIDs: [UUID]
    }

    /// What an export counted, for the caller to show.
    public struct Summary: Sendable, Equatable {
        public var patients: Int
        public var observations: Int
        public var reports: Int

        public init(patients: Int, observations: Int, reports: Int) {
            self.patients = patients
            self.observations = observations
            self.reports = reports
        }
    }

    /// The NDJSON files and manifest for `contents` (one per patient, as `exportContent` reads them).
    public static func files(_ contents: [PatientExportContent], transactionTime: Date, auditHead: AuditHead?) -> (Files, Summary) {
        var ndjson = FHIRNDJSON()
        for c in contents { ndjson.append(FHIRBundle.resources(c, references: .relative)) }
        let counts = Dictionary(uniqueKeysWithValues: FHIRNDJSON.types.map { ($0, ndjson.lines[$0]?.count ?? 0) })
        var manifest: [String: Any] = [
            "transactionTime": FHIRBundle.instant(transactionTime),
            "request": "medora-lite export-bulk",
            "requiresAccessToken": false,
            "output": FHIRNDJSON.types.filter { counts[$0, default: 0] > 0 }.map { ["type": $0, "url": "\($0).ndjson", "count": counts[$0, default: 0]] },
            "error": [] as [Any],
        ]
        if let auditHead { manifest["extension"] = ["medora-audit-head": auditHead.description] }
        let manifestData = (try? JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        let files = Files(files: ndjson.files + [("manifest.json", manifestData)])
        return (files, Summary(patients: counts["Patient", default: 0], observations: counts["Observation", default: 0],
                               reports: counts["DiagnosticReport", default: 0]))
    }

    /// The sealed archive and its one-time code.
    public static func seal(_ files: Files, iterations: Int = ExportSealer.iterations) throws -> (archive: Data, code: String) {
        var plain = Data()
        for f in files.files {
            let name = Array(f.name.utf8)
            withUnsafeBytes(of: UInt16(name.count).bigEndian) { plain.append(contentsOf: $0) }
            plain.append(contentsOf: name)
            withUnsafeBytes(of: UInt64(f.contents.count).bigEndian) { plain.append(contentsOf: $0) }
            plain.append(f.contents)
        }
        let code = OneTimeCode.generate()
        let sealed = try ExportSealer.seal(plain, code: code, iterations: iterations)
        var out = Data(magic + [format])
        out.append(sealed.salt)
        withUnsafeBytes(of: UInt32(sealed.iterations).bigEndian) { out.append(contentsOf: $0) }
        out.append(sealed.nonce)
        out.append(sealed.ciphertext)
        return (out, code)
    }

    /// Whether `data` is a practice archive (as opposed to a patient's HTML export).
    public static func isArchive(_ data: Data) -> Bool { data.prefix(magic.count) == Data(magic) }

    /// The files of an archive; `exportWrongCode` for another code, `exportInvalid` for a file
    /// that is not a whole archive. Names are plain file names (no path can be smuggled in).
    public static func open(_ data: Data, code: String) throws -> Files {
        let head = magic.count + 1
        guard isArchive(data), data.count > head + 16 + 4 + 12 + 16, data[data.startIndex + magic.count] == format else {
            throw MedoraError(.exportInvalid, ["detail": "not a Medora practice export"])
        }
        var at = data.startIndex + head
        let salt = data[at..<at + 16]; at += 16
        let iterations = data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }; at += 4
        let nonce = data[at..<at + 12]; at += 12
        let plain = try ExportSealer.open(SealedExport(salt: Data(salt), iterations: iterations, nonce: Data(nonce),
                                                       ciphertext: Data(data[at...])), code: code)
        var files: [(String, Data)] = []
        var i = plain.startIndex
        func take(_ n: Int) throws -> Data {
            guard n >= 0, plain.endIndex - i >= n else { throw MedoraError(.exportInvalid, ["detail": "truncated archive"]) }
            defer { i += n }
            return plain[i..<i + n]
        }
        while i < plain.endIndex {
            let nameLength = try take(2).reduce(0) { $0 << 8 | Int($1) }
            guard let name = String(data: try take(nameLength), encoding: .utf8), !name.isEmpty, !name.contains("/"),
                  !name.hasPrefix(".") else { throw MedoraError(.exportInvalid, ["detail": "bad file name"]) }
            let size = try take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard size <= UInt64(plain.count) else { throw MedoraError(.exportInvalid, ["detail": "bad file length"]) }
            files.append((name, Data(try take(Int(size)))))
        }
        return Files(files: files)
    }
}

extension MedoraStore {
    /// Every live patient in `scope` (the practice, or one doctor's) with their analyses, as FHIR
    /// Bulk Data sealed into one archive; recorded in the audit trail, whose head the manifest
    /// carries. Built in memory: about 2 KB per analysis.
    public func practiceExport(scope: PatientScope) async throws -> PracticeExport.Made {
        let ids = try await patientRepository.liveIDs(scope: scope)
        var contents: [PatientExportContent] = []
        let now = clock.now(), lang = settings.current.defaultLanguage
        for id in ids {
            if let c = try await analyses.exportContent(patientID: id, scope: scope, language: lang, clinicName: "", now: now) {
                contents.append(c)
            }
        }
        try await audit.recordNow(.practiceExport)
        let head = try await audit.head()
        let (files, summary) = PracticeExport.files(contents, transactionTime: now, auditHead: head)
        // 600,000 PBKDF2 rounds: on the bounded queue, not a server thread.
        let (archive, code) = try await hashing.run { try PracticeExport.seal(files) }
        return PracticeExport.Made(archive: archive, code: code, summary: summary, patientIDs: contents.map(\.patient.id))
    }
}
