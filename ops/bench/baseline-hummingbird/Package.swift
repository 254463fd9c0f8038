// swift-tools-version: 6.0
// The HTTP benchmark's baseline: the same GET /healthz written the ordinary Hummingbird 2 way,
// so that ops/bench/http.sh can measure both servers in one run on one machine. A separate
// package: Lodestar itself does not depend on Hummingbird.
import PackageDescription

let package = Package(
    name: "BaselineHummingbird",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .executableTarget(name: "HealthServer", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
    ]
)
