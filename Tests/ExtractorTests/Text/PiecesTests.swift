import Testing
import Foundation
import Extractor

/// A long document extracted in pieces (cut where DocumentChunker allows, recognized
/// apart, resolved in order) gives exactly the records of the whole document.
@Suite struct PiecesTests {
    static func inPieces(_ text: String, minimum: Int, extractor: Extractor = Extractor(types: Set(RecordType.allCases)))
        -> (records: [Record], pieces: Int) {
        var out: [Record] = []
        let count = extractor.extract(utf8: Array(text.utf8), doc: "d", pieceSize: minimum) { out.append($0) }
        return (out, count)
    }

    @Test(arguments: ["seed-bulletin.txt", "dated-bulletin.txt", "line-breaks.txt", "full-width.txt"])
    func everyFixtureInSmallestPieces(_ name: String) throws {
        let text = Fixtures.text(name)
        try #require(!text.isEmpty)
        let whole = Extractor(types: Set(RecordType.allCases)).extract(text, doc: "d")
        let (records, pieces) = Self.inPieces(text, minimum: 1)
        #expect(records == whole)
        // The short fixtures have no sentence end at a line end after their third line.
        #expect(pieces > 1 || ["full-width.txt", "dated-bulletin.txt"].contains(name), "\(name) was not cut at all")
    }

    @Test func cutsOnlyAfterSentenceEndsFromTheFourthLine() {
        let text = "一。\n二。\n三。\n截至 3 月 11 日共 5 万元\n另有 7 万元。\r\n“再捐 2 万元！”\n尾"
        let u = Array(text.utf8)
        let cuts: [Int] = u.withUnsafeBufferPointer { b in
            var out: [Int] = [], from = 0, feeds = 0
            while let c = DocumentChunker.cut(b, from: from, minimum: 1, lineFeedsBefore: feeds) {
                feeds += b[from..<c].filter { $0 == UInt8(ascii: "\n") }.count
                out.append(c); from = c
            }
            return out
        }
        // After "另有 7 万元。\r\n" and after "“再捐 2 万元！”\n"; never inside the first three lines,
        // never after a line that does not end a sentence.
        let ends = cuts.map { c in
            String(decoding: u[..<(c - 1)].split(separator: UInt8(ascii: "\n")).last ?? [], as: UTF8.self)
        }
        #expect(ends == ["另有 7 万元。\r", "“再捐 2 万元！”"])
    }

    @Test func aDateRangeAndTheDatelineCarryAcrossPieces() {
        // The dateline is in the first piece; the yearless dates of later pieces take its year.
        let text = "2022年3月18日 讯\n标题。\n导语。\n截至 3 月 11 日，共捐款 5 万元。\n"
            + String(repeating: "另有捐赠 7 万元。\n", count: 30) + "3 月 15 日至 17 日共 9 场。\n"
        let whole = Extractor().extract(text, doc: "d")
        let (records, pieces) = Self.inPieces(text, minimum: 40, extractor: Extractor())
        #expect(pieces > 5)
        #expect(records == whole)
        #expect(records.filter { $0.type == .date }.map(\.timex) == ["2022-03-18", "2022-03-11", "2022-03-15", "2022-03-17"])
    }
}
