import Testing
import Foundation
import Extractor

/// Whole documents against their recorded output (`*.txt` → `*.expected.jsonl`).
/// Re-record on purpose with EXTRACT_RECORD_GOLDEN=1 and review the diff.
@Suite struct GoldenTests {
    static let documents = ["seed-bulletin", "line-breaks", "full-width", "dated-bulletin"]

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

    /// The seed with every record type, organizations included (`--types all`).
    @Test func goldenWithAllTypes() throws {
        let text = Fixtures.text("seed-bulletin.txt")
        let types = Set(RecordType.allCases).subtracting([.token])   // as --types all
        let records = Extractor(types: types).extract(text, doc: "seed-bulletin.txt")
        let output = records.map { JSONLineWriter.line(for: $0) }.joined()
        let url = Fixtures.url("seed-bulletin.all.expected.jsonl")
        if ProcessInfo.processInfo.environment["EXTRACT_RECORD_GOLDEN"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)))
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

    /// With the seed's publication date every date resolves to 2022; the 截至 figure
    /// carries its as-of date.
    @Test func referenceDateResolvesEverySeedDate() throws {
        let text = Fixtures.text("seed-bulletin.txt")
        let records = Extractor(referenceDate: CivilDate("2022-03-18")).extract(text)
        let dated = records.filter { ($0.type == .date || $0.type == .time) }
        #expect(dated.count == 20)
        for r in dated {
            let t = r.timex ?? ""
            #expect(t.hasPrefix("2022-") || t.hasSuffix("_REF") || t == "XXXX-XX-XX", "\(r.text): \(t)")
        }
        let total = try #require(records.first { $0.text == "3.15 亿元" })
        #expect(total.asOf == "2022-03-11")
        #expect(total.cumulative == true)
        let undated = try #require(Extractor().extract(text).first { $0.text == "3.15 亿元" })
        #expect(undated.asOf == "XXXX-03-11")
    }
}
