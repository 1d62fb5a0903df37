import Testing
import Foundation
import Extractor

/// Whole documents against their recorded output (`*.txt` → `*.expected.jsonl`).
/// Re-record on purpose with EXTRACT_RECORD_GOLDEN=1 and review the diff.
@Suite struct GoldenTests {
    static let documents = ["seed-bulletin", "line-breaks", "full-width"]

    @Test(arguments: documents)
    func golden(_ name: String) throws {
        let text = Fixtures.text("\(name).txt")
        try #require(!text.isEmpty, "missing fixture \(name).txt")
        let records = Extractor().extract(text, doc: "\(name).txt")
        let output = records.map { JSONLineWriter.line(for: $0) }.joined()
        let expectedURL = Fixtures.url("\(name).expected.jsonl")
        if ProcessInfo.processInfo.environment["EXTRACT_RECORD_GOLDEN"] == "1" {
            try output.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(output == expected, "\(name): output differs from \(name).expected.jsonl")
    }

    /// Every record's text is exactly its [start, end) slice of the original, in scalars,
    /// and its line is the line of start.
    @Test(arguments: documents)
    func offsets(_ name: String) {
        let text = Fixtures.text("\(name).txt")
        let scalars = Array(text.unicodeScalars)
        for r in Extractor(types: [.quantity, .number]).extract(text) {
            #expect(r.start >= 0 && r.start < r.end && r.end <= scalars.count)
            guard r.start >= 0, r.end <= scalars.count, r.start < r.end else { continue }
            #expect(String(String.UnicodeScalarView(scalars[r.start..<r.end])) == r.text)
            #expect(r.line == scalars[..<r.start].filter { $0 == "\n" }.count + 1)
        }
    }
}
