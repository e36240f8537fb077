// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "medora-lite",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "medora-lite", targets: ["MedoraLite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            path: "Sources/CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(
            name: "MedoraCrypto",
            dependencies: ["CSodium"],
            path: "Sources/Crypto"
        ),
        .target(
            name: "MedoraStorage",
            dependencies: [
                "MedoraCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                // The patient export: AES-GCM and PBKDF2 that a browser's WebCrypto opens.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Sources/Storage"
        ),
        .executableTarget(
            name: "MedoraLite",
            dependencies: [
                "MedoraStorage",
                "MedoraCrypto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            path: "Sources/MedoraLite",
            // The API document is compiled into the binary (no file beside it to lose).
            resources: [.embedInCode("HTTP/API/OpenAPI/openapi.json")]
        ),
        // Benchmarks (`make bench`): the bare reference server and the in-process measurements.
        .executableTarget(
            name: "bench-hello",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "bench/hello"
        ),
        .executableTarget(
            name: "medora-bench",
            dependencies: [
                "MedoraStorage", "MedoraCrypto", "CSodium",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "bench/Sources/MedoraBench"
        ),
        .target(
            name: "MedoraTestSupport",
            dependencies: ["MedoraStorage", "MedoraCrypto", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/Support"
        ),
        .testTarget(
            name: "MedoraCryptoTests",
            dependencies: ["MedoraCrypto"]
        ),
        .testTarget(
            name: "MedoraStorageTests",
            dependencies: ["MedoraStorage", "MedoraCrypto", "MedoraTestSupport"]
        ),
        .testTarget(
            name: "MedoraLiteTests",
            dependencies: [
                "MedoraLite",
                "MedoraStorage",
                "MedoraTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)
