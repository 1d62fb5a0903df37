import Foundation
import Testing
@_spi(Training) import Extractor

/// The shipped segmenter in the pipeline: golden tokens of whole documents, tokens that
/// tile the text, records whose ends are token boundaries, and a clear error when a
/// model cannot be read.
@Suite struct TokenTests {
    static let documents = ["seed-bulletin", "line-breaks", "full-width"]
    static let allTypes = Set(RecordType.allCases)

    @Test(arguments: documents)
    func golden(_ name: String) throws {
        let text = Fixtures.text("\(name).txt")
        try #require(!text.isEmpty, "missing fixture \(name).txt")
        let records = Extractor(types: [.token]).extract(text, doc: "\(name).txt")
        let output = records.map { JSONLineWriter.line(for: $0) }.joined()
        let url = Fixtures.url("\(name).tokens.expected.jsonl")
        if ProcessInfo.processInfo.environment["EXTRACT_RECORD_GOLDEN"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)), "\(name): tokens differ")
    }

    /// Every character but white space is in exactly one token, and a token's text is its
    /// slice of the original (a word cut by a line break keeps the break).
    @Test(arguments: documents)
    func tokensTileTheText(_ name: String) {
        let text = Fixtures.text("\(name).txt")
        let scalars = Array(text.unicodeScalars)
        var covered = [Int](repeating: 0, count: scalars.count)
        var last = 0
        for r in Extractor(types: [.token]).extract(text) {
            #expect(r.type == .token && r.start >= last && r.start < r.end && r.end <= scalars.count)
            guard r.start >= last, r.start < r.end, r.end <= scalars.count else { continue }
            #expect(String(String.UnicodeScalarView(scalars[r.start ..< r.end])) == r.text)
            #expect(r.line == scalars[..<r.start].filter { $0 == "\n" }.count + 1)
            for k in r.start ..< r.end { covered[k] += 1 }
            last = r.end
        }
        for (k, c) in scalars.enumerated() {
            let space = TokenCharacterClass.isSpace(c)
            #expect(covered[k] == 1 || (space && covered[k] == 0), "\(name) at \(k): \(c) covered \(covered[k])")
        }
    }

    /// Every UTF-8 text fixture: with every record type, the start and end of each record
    /// fall on token boundaries.
    static let textFixtures: [String] = {
        guard let e = FileManager.default.enumerator(atPath: Fixtures.directory.path) else { return [] }
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted()
            .filter { (try? String(contentsOf: Fixtures.url($0), encoding: .utf8)) != nil }
    }()

    @Test func thereAreFixtures() { #expect(Self.textFixtures.count >= 20) }

    @Test(arguments: textFixtures)
    func recordsEndOnTokenBoundaries(_ name: String) {
        let records = Extractor(types: Self.allTypes).extract(Fixtures.text(name))
        let tokens = records.filter { $0.type == .token }
        let starts = Set(tokens.map(\.start)), ends = Set(tokens.map(\.end))
        for r in records where r.type != .token {
            // White space is in no token: a record's edges are taken past any it starts or ends with
            // (an organization of the slice starts with the space after 、).
            let scalars = Array(r.text.unicodeScalars)
            let lead = scalars.prefix { TokenCharacterClass.isSpace($0) }.count
            let trail = scalars.reversed().prefix { TokenCharacterClass.isSpace($0) }.count
            let start = r.start + lead, end = r.end - trail
            #expect(starts.contains(start), "\(name): \(r.type) \(r.text) starts inside a token")
            #expect(ends.contains(end), "\(name): \(r.type) \(r.text) ends inside a token")
        }
        // The tokens come in document order among the records.
        let keys = records.map { ($0.start, $0.end) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }

    /// Full-width and half-width forms are segmented alike: cleaning folds them first.
    @Test func fullWidthIsSegmentedAsHalfWidth() {
        let full = Extractor(types: [.token]).extract("１９９８年，ＷＴＯ成员增加到１３２个。").map { [$0.start, $0.end] }
        let half = Extractor(types: [.token]).extract("1998年，WTO成员增加到132个。").map { [$0.start, $0.end] }
        #expect(full == half)
    }

    /// The library's way to the tokens of a text (its doc comment's example).
    @Test func tokensOfAText() throws {
        let words = try Extractor.tokens(in: "截至3月11日，捐款3.15亿元")
        #expect(words.map(\.text) == ["截至", "3月", "11日", "，", "捐款", "3.15亿", "元"])
        #expect(words[1].start == 2)
        #expect(words.allSatisfy { $0.type == .token && $0.doc == "-" && $0.line == 1 })
    }

    /// Tokens do not change with the other types asked for, but at the edges of organizations.
    @Test func tokensDoNotDependOnFiguresAndDatesAskedFor() {
        let text = Fixtures.text("seed-bulletin.txt")
        let alone = Extractor(types: [.token]).extract(text)
        let withFigures = Extractor(types: [.token, .quantity, .date, .time]).extract(text).filter { $0.type == .token }
        #expect(alone == withFigures)
    }

    @Test func theShippedModelLoads() throws {
        try Extractor.loadTokenModel()
        let m = try TokenModel.shipped()
        #expect(m.features.signature == TokenFeatures().signature)
    }

    /// A model that cannot be read says why.
    @Test func unreadableModelsSayWhy() {
        #expect(throws: TokenModelError.self) { try TokenModel(base64: "not base64!", words: "中国") }
        do {
            _ = try TokenModel(base64: "WExBQgIAAAA=", words: "中国")
            Issue.record("a truncated model was read")
        } catch {
            #expect(error.description
                    == "cannot load the word segmentation model: model bytes are malformed: truncated")
        }
        do {
            _ = try TokenModel.load("/no/such/model.bin")
            Issue.record("a missing model was read")
        } catch {
            #expect("\(error)" == "cannot load the word segmentation model: /no/such/model.bin: no such file, "
                    + "or not readable")
        }
        let organizations = OrganizationModel.shared.labeller.model
        #expect(throws: TokenModelError.self) {
            try TokenModel(model: organizations, dictionary: TokenDictionary(words: ["中国"]))
        }
    }
}
