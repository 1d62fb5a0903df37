// swift-tools-version:6.0
// extract: figures, dates and organizations from Chinese news text, as exact records.
// No third-party dependencies by design (standard library, Foundation, Dispatch only).
import PackageDescription

let package = Package(
    name: "extract",
    products: [
        .library(name: "Extractor", targets: ["Extractor"]),
        .library(name: "Normalizer", targets: ["Normalizer"]),
        .executable(name: "extract", targets: ["extract"]),
        // Trains and measures the organization-name model (not needed to use extract).
        .executable(name: "extract-train", targets: ["extract-train"]),
    ],
    targets: [
        .target(name: "Normalizer"),
        .target(name: "Extractor", dependencies: ["Normalizer"]),
        .executableTarget(name: "extract", dependencies: ["Extractor"]),
        .executableTarget(name: "extract-train", dependencies: ["Extractor"]),
        .testTarget(
            name: "ExtractorTests",
            dependencies: ["Extractor", "Normalizer", "extract"],
            exclude: []
        ),
    ]
)
