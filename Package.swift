// swift-tools-version: 6.2
import PackageDescription

/// Every Swift target is built in Swift 6 language mode with strict concurrency and the
/// upcoming features the project standardises on (see DESIGN.md).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // Generic code (the request pipeline over the API's context type, the router over its
    // endpoints) is specialised for the module that uses it rather than run through runtime
    // metadata and value witnesses (README, "HTTP": instructions per GET /healthz).
    // (Leaving out the run-time exclusivity checks would save another 2,500 instructions per
    // /healthz; they stay: an overlapping access should trap in production too.)
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "Lodestar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lodestar", targets: ["lodestar"]),
    ],
    dependencies: [
        // Command-line parsing for `lodestar serve|migrate|token|db`.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The logging API; Lodestar supplies its own JSON-lines handler.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // Deque for FIFO queues on hot paths (loop jobs, pool waiters, pipelined requests).
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        .systemLibrary(name: "CUV", pkgConfig: "libuv", providers: [.apt(["libuv1-dev"])]),
        .systemLibrary(name: "CPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // glibc's <malloc.h>: the server returns memory to the system after load.
        .systemLibrary(name: "CMalloc"),

        .target(name: "Loop", dependencies: [
            "CUV",
            .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: strict),
        .target(name: "JSON", swiftSettings: strict),
        // Instants, RFC 3339, civil dates, ISO weeks and time-zone rules: pure, no Foundation.
        .target(name: "Time", swiftSettings: strict),
        // Loads zone rules from the system's tz database (IO, kept out of Time and the core).
        .target(name: "ZoneInfo", dependencies: ["Time"], swiftSettings: strict),
        .target(name: "HTTP", dependencies: [
            "Loop", "JSON", "Time",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: strict),
        .target(name: "Postgres", dependencies: [
            "Loop", "CPQ", "Time",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: strict),
        // The private cluster commands use without LODESTAR_DATABASE_URL; settings come as values.
        .target(name: "EmbeddedPostgres", swiftSettings: strict),
        .target(name: "LodestarCore", dependencies: ["JSON", "Time"], swiftSettings: strict),
        .target(name: "LodestarStore", dependencies: [
            "LodestarCore", "Postgres", "JSON", "Loop", "Time", "ZoneInfo", .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .target(name: "LodestarAPI", dependencies: [
            "LodestarCore", "LodestarStore", "HTTP", "JSON", "Postgres", "Loop", "Time", "ZoneInfo",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .executableTarget(name: "lodestar", dependencies: [
            "CMalloc", "LodestarAPI", "LodestarStore", "LodestarCore", "HTTP", "EmbeddedPostgres", "Loop", "JSON", "Time", "Postgres",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // Database throughput measurements for ops/bench/db.sh; not part of the server.
        .target(name: "PostgresBench", dependencies: ["Postgres", "Loop", "Time"], swiftSettings: strict),
        .executableTarget(name: "lodestar-bench", dependencies: [
            "PostgresBench", "Postgres", "Loop", "LodestarCore", "JSON",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),

        .testTarget(name: "LoopTests", dependencies: ["Loop"], swiftSettings: strict),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "Loop", "JSON"], swiftSettings: strict),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PostgresBench", "Loop", "Time"], swiftSettings: strict),
        .testTarget(name: "EmbeddedPostgresTests", dependencies: ["EmbeddedPostgres"], swiftSettings: strict),
        .testTarget(name: "LodestarCoreTests", dependencies: ["LodestarCore", "JSON", "Time", "ZoneInfo"], swiftSettings: strict),
        .testTarget(name: "TimeTests", dependencies: ["Time", "ZoneInfo"], swiftSettings: strict),
        .testTarget(name: "LodestarAPITests", dependencies: [
            "LodestarAPI", "LodestarStore", "LodestarCore", "HTTP", "EmbeddedPostgres", "Loop", "JSON", "Time", "Postgres",
        ], swiftSettings: strict),
    ]
)
