import Crypto
import Foundation
import MedoraStorage
import NIOSSL
import SwiftASN1
import X509

/// TLS for `serve`: a certificate and key given as PEM files, or a self-signed certificate made
/// on first start and kept in `<data>/tls/` (key mode 0600), for the names and addresses the
/// server answers to. Its SHA-256 fingerprint is printed so a user can check what the browser
/// shows before trusting it.
struct TLSMaterial: Sendable {
    var configuration: TLSConfiguration
    var certificatePath: String
    /// SHA-256 of the certificate (DER), as `AB:CD:…`.
    var fingerprint: String

    /// From PEM files (a chain is allowed in the certificate file).
    static func load(certificate: String, key: String) throws -> TLSMaterial {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw MedoraError(.tlsInvalid, ["path": certificate, "detail": "no PEM certificate could be read"])
        }
        guard let leaf = chain.first else { throw MedoraError(.tlsInvalid, ["path": certificate, "detail": "the file holds no certificate"]) }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw MedoraError(.tlsInvalid, ["path": key, "detail": "no PEM private key could be read"])
        }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                      privateKey: .privateKey(privateKey))
        configuration.minimumTLSVersion = .tlsv12
        // A certificate that does not belong to the key fails here, at start, not at the first visitor.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw MedoraError(.tlsInvalid, ["path": key, "detail": "the key does not match the certificate"])
        }
        let der = try leaf.toDERBytes()
        return TLSMaterial(configuration: configuration, certificatePath: certificate, fingerprint: fingerprint(der))
    }

    /// The data directory's self-signed certificate, made on first use (and again when it has
    /// expired or lost one of `names`).
    static func selfSigned(in dir: DataDirectory, names: Set<String>, now: Date = Date()) throws -> TLSMaterial {
        let folder = dir.tlsPath
        let certificatePath = (folder as NSString).appendingPathComponent("cert.pem")
        let keyPath = (folder as NSString).appendingPathComponent("key.pem")
        if let existing = try? load(certificate: certificatePath, key: keyPath), covers(certificatePath, names: names, now: now) {
            return existing
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            OrganizationName("Medora Lite")
            CommonName("Medora Lite on this computer")
        }
        let publicKey = Certificate.PublicKey(key.publicKey)
        let alternativeNames = try names.sorted().map { name -> GeneralName in
            if let bytes = addressBytes(name) { return .ipAddress(ASN1OctetString(contentBytes: bytes[...])) }
            return .dnsName(name)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(397 * 86_400),
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectKeyIdentifier(hash: publicKey)
                SubjectAlternativeNames(alternativeNames)
            },
            issuerPrivateKey: Certificate.PrivateKey(key))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let pem = PEMDocument(type: "CERTIFICATE", derBytes: serializer.serializedBytes).pemString
        try DurableFile.write(Data(key.pemRepresentation.utf8), to: keyPath, permissions: 0o600)
        try DurableFile.write(Data(pem.utf8), to: certificatePath, permissions: 0o644)
        return try load(certificate: certificatePath, key: keyPath)
    }

    /// The certificate is valid for at least 30 more days and names every one of `names`.
    static func covers(_ path: String, names: Set<String>, now: Date) -> Bool {
        guard let pem = try? String(contentsOfFile: path, encoding: .utf8), let certificate = try? Certificate(pemEncoded: pem),
              certificate.notValidAfter > now.addingTimeInterval(30 * 86_400),
              let sans = try? certificate.extensions.subjectAlternativeNames else { return false }
        let present = Set(sans.map { name -> String in
            switch name {
            case .dnsName(let dns): return dns
            case .ipAddress(let octets): return addressText(Array(octets.bytes))
            default: return ""
            }
        })
        return names.isSubset(of: present)
    }

    static func fingerprint(_ der: [UInt8]) -> String {
        SHA256.hash(data: der).map { String(format: "%02X", $0) }.joined(separator: ":")
    }

    static func addressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    static func addressText(_ bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        guard bytes.count == 4 || bytes.count == 16,
              bytes.withUnsafeBytes({ inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
