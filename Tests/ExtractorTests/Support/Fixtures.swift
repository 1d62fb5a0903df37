import Foundation

/// Test fixtures (Tests/Fixtures), found through #filePath (not Bundle.module).
enum Fixtures {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Writes `data` to a child's standard input and closes it. A child that exits without
    /// reading (a model that cannot load stops at once) closes the pipe: the write then fails
    /// with EPIPE instead of killing the test process with SIGPIPE.
    static func feed(_ writer: FileHandle, _ data: Data) {
        _ = ignoreBrokenPipes
        try? writer.write(contentsOf: data)
        try? writer.close()
    }

    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func text(_ name: String) -> String {
        (try? String(contentsOf: url(name), encoding: .utf8)) ?? ""
    }

    /// Data rows of a TSV table: comment (#) and blank lines skipped, split on tabs.
    static func rows(_ name: String, columns: Int) -> [[String]] {
        text(name).split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count == columns }
    }

    /// Number of data rows regardless of shape, to catch malformed rows.
    static func dataLineCount(_ name: String) -> Int {
        text(name).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
    }

    /// The directory holding the built `extract` executable.
    static let productsDirectory: URL? = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") {
            candidates.append(b.bundleURL.deletingLastPathComponent())
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("extract").path) }
    }()
}
