import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo data directory with synthetic patients and serve it with a known login.")

    static let doctorLogin = "doctor"
    static let doctorPassword = "medora-demo"
    static let adminLogin = "admin"
    static let adminPassword = "medora-admin"
    static let assistantLogin = "assistant"
    static let assistantPassword = "medora-assistant"
    static let sampleSeed: UInt64 = 20261127
    static let sampleCount = 320

    @Option(help: "Data directory (default: a new temporary directory). Reused if it already holds a demo.")
    var data: String?
    @Option var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).") var port = 8080
    @OptionGroup var protection: ProtectionOptions

    func run() async throws {
        try await runReportingErrors {
            let dir = try data.map(DataDirectory.init(path:)) ?? Self.temporaryDirectory()
            try dir.createDirectories()
            let lock = try DataDirectoryLock(dir)
            if !dir.isInitialized { try await Self.create(dir) }
            let store = try await MedoraStore.open(dir, secret: .keyfile(path: dir.keyfilePath))
            let lang = Language.cli
            // A self-signed certificate is trusted by naming it, not by turning checks off.
            let curl = protection.tlsSelfSigned ? "curl --cacert '\(dir.tlsPath)/cert.pem'" : "curl"
            try await Server.run(store: store, lock: lock, config: ServerConfig(
                host: host, port: port, demoLogin: DemoLogin(login: Self.doctorLogin, password: Self.doctorPassword),
                limits: protection.rateLimits, allowedHosts: protection.allowedHost,
                tls: try protection.tls(for: dir, host: host))) { url in
                Terminal.say(CLIText.demoLogin.text(lang, ["login": Self.doctorLogin, "password": Self.doctorPassword]))
                Terminal.say(CLIText.demoOtherLogins.text(lang, ["admin": "\(Self.adminLogin) / \(Self.adminPassword)",
                                                                 "assistant": "\(Self.assistantLogin) / \(Self.assistantPassword)"]))
                Terminal.say(CLIText.dataDirectory.text(lang, ["path": dir.url.path]))
                Terminal.say(CLIText.openBrowser.text(lang, ["url": url]))
                Terminal.say(CLIText.tryAPI.text(lang))
                Terminal.say("""
                      TOKEN=$(\(curl) -s -X POST \(url)/api/v1/auth/login -H 'Content-Type: application/json' \\
                        -d '{"login":"\(Self.doctorLogin)","password":"\(Self.doctorPassword)"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
                      \(curl) -s -G '\(url)/api/v1/patients' --data-urlencode 'q=Шохрух' -H "Authorization: Bearer $TOKEN"
                    """)
            }
        }
    }

    static func temporaryDirectory() throws -> DataDirectory {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("medora-demo-XXXXXX").utf8CString)
        guard let p = mkdtemp(&template) else {
            throw MedoraError(.notAccessible, ["path": NSTemporaryDirectory(), "detail": "cannot create a temporary directory"])
        }
        return DataDirectory(path: String(cString: p))
    }

    /// A keyfile-only installation (no passphrase to type), an admin, a doctor with an assistant, and
    /// the sample patients with their analyses over time.
    static func create(_ dir: DataDirectory) async throws {
        _ = try await MedoraStore.initialize(dir, options: InitOptions(
            passphrase: nil, createKeyfile: true, adminLogin: adminLogin, adminPassword: adminPassword,
            adminDisplayName: "Demo administrator"))
        let store = try await MedoraStore.open(dir, secret: .keyfile(path: dir.keyfilePath), buildIndex: false)
        let doctor = try await store.users.create(login: doctorLogin, password: doctorPassword,
                                                  displayName: "Dr. Dilnoza Karimova", role: .doctor)
        _ = try await store.users.create(login: assistantLogin, password: assistantPassword, displayName: "Malika Yusupova",
                                         role: .assistant, doctorID: doctor.id)
        var generator = SyntheticData(seed: sampleSeed)
        let samples = generator.patients(count: sampleCount, withAnalyses: true)
        let ids = try await store.patients.importMany(samples.map(\.details), ownerID: doctor.id)
        for (id, sample) in zip(ids, samples) where !sample.analyses.isEmpty {
            try await store.analyses.importMany(patientID: id, drafts: sample.analyses.map(\.draft))
        }
        try store.close()
    }
}
