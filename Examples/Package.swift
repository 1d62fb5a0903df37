// swift-tools-version:6.0
// Examples of the extract libraries, used as another package would use them: by path.
//
//     swift run --package-path Examples FiguresFromText
import Foundation
import PackageDescription

// SwiftPM names a package given by path after its folder, so the name to refer to is the
// folder this repository was cloned into ("extract" for a plain `git clone`).
let project = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "Examples",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "FiguresFromText", dependencies: [.product(name: "Extractor", package: project)]),
    ]
)
