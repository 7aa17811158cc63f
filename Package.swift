// swift-tools-version: 6.1
import PackageDescription

/// Zhixun (智询): knowledge base and retrieval engine for tax and e-invoice consultation.
///
/// Modules follow the data flow in one direction:
/// `ZhixunText` (analysis) ← `ZhixunIndex` (postings, scoring, generations)
/// `ZhixunIngest` (parsing, chunking) ← `ZhixunStore` (SQLite knowledge store)
/// and `ZhixunEngine` combines index and store; `ZhixunServer` (HTTP) and the `zhixun` CLI are thin
/// shells over the engine.
let package = Package(
    name: "Zhixun",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zhixun", targets: ["zhixun"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "ZhixunText", dependencies: ["COpenCC"]),
        .target(name: "CMemoryHints"),
        .target(name: "ZhixunIndex", dependencies: ["ZhixunText", "CMemoryHints"]),
        .target(
            name: "ZhixunIngest",
            dependencies: ["CLibXML2", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(
            name: "ZhixunStore",
            dependencies: ["ZhixunIngest", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "ZhixunEngine", dependencies: ["ZhixunText", "ZhixunIndex", "ZhixunIngest", "ZhixunStore"]),
        .target(
            name: "ZhixunServer",
            dependencies: [
                "ZhixunEngine", "ZhixunStore", "ZhixunIngest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "zhixun",
            dependencies: [
                "ZhixunEngine", "ZhixunServer", "ZhixunIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "zhixun-bench",
            dependencies: ["ZhixunText", "ZhixunIndex", "ZhixunIngest", "ZhixunStore"],
            path: "Scripts/Bench"
        ),
        .testTarget(name: "ZhixunTextTests", dependencies: ["ZhixunText"]),
        .testTarget(name: "ZhixunIndexTests", dependencies: ["ZhixunIndex", "ZhixunText"]),
        .testTarget(name: "ZhixunIngestTests", dependencies: ["ZhixunIngest"]),
        .testTarget(name: "ZhixunStoreTests", dependencies: ["ZhixunStore", "ZhixunIngest"]),
        .testTarget(name: "ZhixunCLITests", dependencies: ["zhixun"]),
        .testTarget(name: "ZhixunServerTests", dependencies: ["ZhixunServer", "ZhixunEngine"]),
        .testTarget(
            name: "ZhixunEngineTests",
            dependencies: ["ZhixunEngine", "ZhixunStore", "ZhixunIngest", "ZhixunIndex"]
        ),
    ]
)
