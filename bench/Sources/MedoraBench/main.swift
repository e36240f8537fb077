// In-process measurements for `make bench`; each prints one JSON object on stdout.
//   medora-bench crypto               field encryption vs raw libsodium, same sizes
//   medora-bench search DATA_DIR      unlock + index build, index memory, search latencies at scale
//   medora-bench raw-insert N DIR     plain GRDB insert loop (no encryption), one transaction per row
import CSodium
import Foundation
import GRDB
import MedoraCrypto
@_spi(Benchmarks) import MedoraStorage

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Runs `body` repeatedly for about `budget` seconds; returns operations per second.
func rate(budget: Double = 0.6, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var n = 0
    let start = clock.now
    var elapsed = 0.0
    while elapsed < budget {
        for _ in 0..<64 { body() }
        n += 64
        elapsed = seconds(clock.now - start)
    }
    return Double(n) / elapsed
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)]
}

func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
}

// MARK: - crypto

func benchCrypto() {
    _ = sodium_init()
    let key = SecureBytes.random(count: AEAD.keyBytes)
    let cipher = FieldCipher(key: key)
    let context = FieldContext(table: "patients", column: "first_name", rowID: UUID(), rowVersion: 1)
    let aad = context.associatedData
    var rows: [[String: Any]] = []
    for size in [16, 64, 1024, 65536] {
        let text = String(repeating: "a", count: size)
        let plain = [UInt8](text.utf8)
        let sealed = cipher.seal(text, context)
        let ourSeal = rate { _ = cipher.seal(text, context) }
        let ourOpen = rate { _ = try! cipher.open(sealed, context) }
        var nonce = [UInt8](repeating: 0, count: AEAD.nonceBytes)
        var out = [UInt8](repeating: 0, count: size + AEAD.tagBytes)
        var clen: UInt64 = 0
        let rawSeal = rate {
            randombytes_buf(&nonce, nonce.count)
            _ = crypto_aead_xchacha20poly1305_ietf_encrypt(&out, &clen, plain, UInt64(size), aad, UInt64(aad.count), nil,
                                                           nonce, key.withUnsafeBytes { $0.baseAddress!.assumingMemoryBound(to: UInt8.self) })
        }
        let rawCipher = Array(sealed[(1 + AEAD.nonceBytes)...]), rawNonce = Array(sealed[1...AEAD.nonceBytes])
        var back = [UInt8](repeating: 0, count: size)
        var mlen: UInt64 = 0
        let rawOpen = rate {
            _ = crypto_aead_xchacha20poly1305_ietf_decrypt(&back, &mlen, nil, rawCipher, UInt64(rawCipher.count), aad,
                                                           UInt64(aad.count), rawNonce,
                                                           key.withUnsafeBytes { $0.baseAddress!.assumingMemoryBound(to: UInt8.self) })
        }
        rows.append(["size": size, "seal_per_s": ourSeal, "raw_seal_per_s": rawSeal, "open_per_s": ourOpen, "raw_open_per_s": rawOpen])
    }
    emit(["crypto": rows])
}

// MARK: - search

func benchSearch(_ path: String) async throws {
    let dir = DataDirectory(path: path)
    let clock = ContinuousClock()
    let rssBefore = residentBytes()

    // Reference: unlocking, then reading every patient row with no decryption (straight from the
    // file, read-only, as the index build reads it).
    let scanStart = clock.now
    let probe = try await MedoraStore.open(dir, secret: .keyfile(path: dir.keyfilePath), buildIndex: false)
    try probe.close()
    var readOnly = Configuration()
    readOnly.readonly = true
    let file = try DatabaseQueue(path: dir.databasePath, configuration: readOnly)
    let rows = try await file.read { db in try Row.fetchAll(db, sql: "SELECT * FROM patients WHERE deleted_at IS NULL").count }
    try file.close()
    let scanSeconds = seconds(clock.now - scanStart)

    let unlockStart = clock.now
    let store = try await MedoraStore.open(dir, secret: .keyfile(path: dir.keyfilePath), buildIndex: true)
    let unlockSeconds = seconds(clock.now - unlockStart)
    let index = store.searchIndex
    let rssAfter = residentBytes()
    let verifyStart = clock.now
    let verified = try store.verifyRowSets()
    let verifySeconds = seconds(clock.now - verifyStart)
    guard verified.unauthenticated == 0, verified.findings.isEmpty else { throw MedoraError(.checkFailed) }

    let users = try await store.users.list()
    guard let owner = users.first(where: { $0.role == .doctor }) ?? users.first else {
        throw MedoraError(.notInitialized, ["path": path])
    }
    // Sample real patients (deterministically) to derive queries from.
    let everyone = try await store.patients.search(ownerID: owner.id, query: nil, limit: 100_000, offset: 0).items
    var sample: [Patient] = []
    let step = max(1, everyone.count / 200)
    var i = 0
    while i < everyone.count && sample.count < 200 { sample.append(everyone[i]); i += step }

    let crossScript = ["Shoxrux", "Шохрух", "Gulnora", "Гулнора", "Qodirov", "Қодиров", "Yusupova", "Юсупова", "Karimov",
                       "Каримов", "O'g'iloy", "Ўғилой", "Ivanov", "Иванов", "Abdullayev", "Абдуллаев", "Jasur", "Жасур",
                       "Xolmatov", "Холматов"]
    // Russian and passport forms of the Uzbek names (the spelling key, aliases and vowel swaps).
    let russianForms = ["Шахрух", "SHAKHRUKH", "Юлдашев", "IULDASHEV", "Бахадыр", "Данияр", "Ибрагимов", "Гулямов",
                        "Ташматов", "KUCHKAROV", "Абдуллаев", "Нигматов", "Джахангир", "Кадыров", "Сулейманов",
                        "Фазлутдин", "Сагдуллаев", "Мавлюда", "Хадиджа", "Юсупов"]
    let queries: [(String, [String])] = [
        ("prefix", sample.map { String($0.details.lastName.prefix(3)) }),
        ("substring", sample.map { n in let s = Array(n.details.lastName); return String(s[min(1, s.count - 1)..<min(s.count, 5)]) }),
        ("cyrillic_latin", (0..<200).map { crossScript[$0 % crossScript.count] }),
        ("russian_passport", (0..<200).map { russianForms[$0 % russianForms.count] }),
        ("phone", sample.compactMap { $0.details[.phone].map { String($0.suffix(7)) } }),
    ]
    // Reference: a naive scan, lowercased String.contains over "last first middle" of every patient.
    let naive = everyone.map { "\($0.details.lastName) \($0.details.firstName) \($0.details[.middleName] ?? "") \($0.details[.phone] ?? "")".lowercased() }

    var results: [[String: Any]] = []
    for (kind, qs) in queries {
        var ours: [Double] = [], ref: [Double] = [], indexOnly: [Double] = [], hits = 0
        for q in qs {
            let ti = clock.now
            _ = index.search(ownerID: owner.id, query: q, limit: 50, offset: 0)
            indexOnly.append(seconds(clock.now - ti) * 1000)
            let t0 = clock.now
            let page = try await store.patients.search(ownerID: owner.id, query: q, limit: 50, offset: 0)
            ours.append(seconds(clock.now - t0) * 1000)
            hits += page.total
            let lq = q.lowercased()
            let t1 = clock.now
            _ = naive.filter { $0.contains(lq) }.count
            ref.append(seconds(clock.now - t1) * 1000)
        }
        ours.sort()
        ref.sort()
        indexOnly.sort()
        results.append(["kind": kind, "queries": qs.count, "mean_hits": Double(hits) / Double(max(1, qs.count)),
                        "index_p95_ms": percentile(indexOnly, 95), "p50_ms": percentile(ours, 50), "p95_ms": percentile(ours, 95), "p99_ms": percentile(ours, 99),
                        "naive_p50_ms": percentile(ref, 50), "naive_p95_ms": percentile(ref, 95), "naive_p99_ms": percentile(ref, 99)])
    }
    emit(["patients": rows, "unlock_s": unlockSeconds, "plain_scan_s": scanSeconds, "verify_s": verifySeconds,
          "verified_rows": verified.rows,
          "index_bytes": index.approximateMemoryBytes, "rss_delta_bytes": rssAfter - rssBefore, "search": results])
    try store.close()
}

// MARK: - raw insert

func benchRawInsert(count: Int, dir: String) throws {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = (dir as NSString).appendingPathComponent("raw.db")
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    var config = Configuration()
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    let pool = try DatabasePool(path: path, configuration: config)
    try pool.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
        try db.execute(sql: """
            CREATE TABLE patients (id BLOB PRIMARY KEY, owner_id BLOB, first_name TEXT, last_name TEXT, phone TEXT,
            birth_date TEXT, version INTEGER, created_at DATETIME, updated_at DATETIME)
            """)
    }
    let owner = UUID()
    let clock = ContinuousClock()
    let start = clock.now
    for i in 0..<count {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO patients VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                           arguments: [UUID(), owner, "Worker", "Number\(i)", "+99890\(1_000_000 + i)", "1980-01-01", Date(), Date()])
        }
    }
    let elapsed = seconds(clock.now - start)
    try pool.close()
    emit(["raw_insert_per_s": Double(count) / elapsed, "rows": count])
}

let args = CommandLine.arguments.dropFirst()
switch args.first {
case "crypto": benchCrypto()
case "search": try await benchSearch(args.dropFirst().first ?? "medora-data")
case "unlock":
    // For profiling: unlock with the index build, then verify the row sets, N times.
    let dir = DataDirectory(path: args.dropFirst().first ?? "medora-data")
    for _ in 0..<(Int(args.dropFirst(2).first ?? "") ?? 3) {
        let store = try await MedoraStore.open(dir, secret: .keyfile(path: dir.keyfilePath))
        _ = try store.verifyRowSets()
        try store.close()
    }
case "raw-insert": try benchRawInsert(count: Int(args.dropFirst().first ?? "") ?? 2000, dir: args.dropFirst(2).first ?? NSTemporaryDirectory())
default:
    FileHandle.standardError.write(Data("usage: medora-bench crypto | search DATA_DIR | unlock DATA_DIR [N] | raw-insert N DIR\n".utf8))
    exit(64)
}
