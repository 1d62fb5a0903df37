import Testing
import Foundation
import Extractor
import Normalizer

/// The hand-written JSON line writer must write exactly what JSONEncoder writes.
/// Foundation's encoder on Linux does not keep key order, so both sides are compared
/// with sorted keys; the production line differs only in key order (contract order).
@Suite struct JSONLineWriterTests {
    static func encoderLine(_ r: Record) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try e.encode(r), as: UTF8.self) + "\n"
    }

    @Test func sameBytesAsJSONEncoderOnTheSeed() throws {
        let text = Fixtures.text("seed-bulletin.txt")
        let records = Extractor(types: [.quantity, .number, .date, .time])
            .extract(text, doc: "Tests/Fixtures/seed-bulletin.txt")
        #expect(records.count > 50)
        for r in records {
            let mine = JSONLineWriter.sortedKeysLine(for: r), theirs = try Self.encoderLine(r)
            #expect(mine == theirs)
            // The production line holds the same fields, in contract order: same length, same bytes.
            let line = JSONLineWriter.line(for: r)
            #expect(line.utf8.count == mine.utf8.count)
            #expect(line.utf8.sorted() == mine.utf8.sorted())
        }
    }

    @Test func sameBytesOnEscapesAndEdgeValues() throws {
        var r = Record(doc: "dir/a \"b\"\\c\t.txt", type: .quantity, text: "3.15\n亿元", start: 0, end: 7, line: 1)
        r.value = ExactNumber(mantissa: 315, exponent: 6)
        r.unit = "元/吨"
        r.dimension = "currency"
        r.qualifier = .atLeast
        r.currency = "CNY"
        r.low = ExactNumber(mantissa: -5, exponent: -3)
        r.high = ExactNumber(mantissa: 1, exponent: 12)
        r.object = "控制\u{01}字符\u{1F}"
        r.timex = "XXXX-03-15T19:00"
        r.asOf = "2022-03-11"
        r.cumulative = true
        r.damaged = true
        let theirs = try Self.encoderLine(r)
        #expect(JSONLineWriter.sortedKeysLine(for: r) == theirs)
        let line = JSONLineWriter.line(for: r)
        #expect(line.contains("\"value\":315000000"))
        #expect(line.contains("\"low\":-0.005"))
        #expect(line.contains("\"qualifier\":\"at_least\""))
        #expect(line.contains("\"unit\":\"元/吨\""))
        #expect(line.hasSuffix(",\"cumulative\":true,\"damaged\":true}\n"))
    }

    /// Records next to U+FFFD (undecodable bytes) are marked damaged; the others are not.
    @Test func damagedMentionsAreMarked() {
        let bytes = Array("截至 3 月 1".utf8) + [0xFF] + Array("日，服务时长共33".utf8) + [0xFF]
            + Array("6 小时，另有 9 人".utf8)
        let records = Extractor(types: [.quantity, .date]).extract(SourceText(utf8: bytes), doc: "d")
        // The date lost its day to the bad byte: what is left is kept, and marked.
        #expect(records.map(\.text) == ["3 月", "6 小时", "9 人"])
        #expect(records.map(\.damaged) == [true, true, nil])
        // A replacement character already in the text counts the same.
        let given = Extractor().extract("捐款\u{FFFD}5 万元，捐物 7 万元", doc: "d")
        #expect(given.map(\.damaged) == [true, nil])
        #expect(Extractor().extract("捐款 5 万元", doc: "d")[0].damaged == nil)
    }

    /// `appendJSONLines` writes the records' text, names and objects from the source bytes,
    /// without making the records: the same bytes as writing each record.
    @Test(arguments: ["seed-bulletin.txt", "dated-bulletin.txt", "line-breaks.txt", "full-width.txt"])
    func jsonLinesFromDraftsAreTheRecordsLines(_ name: String) {
        let text = Fixtures.text(name)
        let extractor = Extractor(types: Set(RecordType.allCases))
        let doc = "dir/\"\(name)\"\t\\"
        var expected: [UInt8] = []
        for r in extractor.extract(text, doc: doc) { JSONLineWriter.append(r, to: &expected); expected.append(10) }
        var bytes: [UInt8] = []
        let n = extractor.appendJSONLines(SourceText(text), doc: doc, to: &bytes)
        #expect(n == expected.filter { $0 == 10 }.count)
        #expect(bytes == expected)
    }

    /// Escapes, line breaks inside names and objects, and damaged records, through both paths.
    @Test func jsonLinesFromDraftsOnEdgeCases() {
        let texts = [
            "深圳市\n医师协会向\"3 家\"医院捐赠 13 万个 KN95\n口罩\t共 5\u{01}万元",
            "截至 3 月\r\n11 日，累计捐款约 3.15\n亿元，新华社报道\u{FFFD}7 人",
            "",
        ]
        let extractor = Extractor(types: Set(RecordType.allCases))
        for text in texts {
            var expected: [UInt8] = []
            for r in extractor.extract(text, doc: "d") { JSONLineWriter.append(r, to: &expected); expected.append(10) }
            var bytes: [UInt8] = []
            extractor.appendJSONLines(SourceText(text), doc: "d", to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func integersAsDecimalDigits() {
        for v in [0, 1, 9, 10, 99, 100, 101, 999, 1000, 45018, 1_000_000, 6_885_858, Int.max, -1, -100, Int.min] {
            let r = Record(doc: "d", type: .date, text: "x", start: v, end: v, line: 1)
            #expect(JSONLineWriter.line(for: r).contains(",\"start\":\(v),\"end\":\(v),"), "\(v)")
        }
    }

    @Test func contractKeyOrder() {
        let r = Extractor().extract("约 3.15 亿元", doc: "d")[0]
        #expect(JSONLineWriter.line(for: r) == "{\"doc\":\"d\",\"type\":\"quantity\",\"text\":\"3.15 亿元\","
            + "\"start\":2,\"end\":9,\"line\":1,\"value\":315000000,\"unit\":\"元\",\"dimension\":\"currency\","
            + "\"qualifier\":\"approx\",\"currency\":\"CNY\"}\n")
    }

    @Test func roundTripsThroughJSONDecoder() throws {
        let r = Extractor().extract("服务时长总计 367.18 万小时", doc: "x")[0]
        let back = try JSONDecoder().decode(Record.self, from: Data(JSONLineWriter.line(for: r).utf8))
        #expect(back == r)
        #expect(back.value?.description == "3671800")
    }
}
