import Testing
import Extractor
import Normalizer

/// Tests/Fixtures/quantities.tsv and negatives.tsv: sentence-level expectations.
@Suite struct QuantityTableTests {
    static let rows = Fixtures.rows("quantities.tsv", columns: 7)
    static let negatives = Fixtures.rows("negatives.tsv", columns: 2)
    static let extractor = Extractor(types: [.quantity])

    @Test func tablesAreWellFormed() {
        #expect(Self.rows.count >= 250)
        #expect(Self.rows.count == Fixtures.dataLineCount("quantities.tsv"))
        #expect(Self.negatives.count >= 100)
        #expect(Self.negatives.count == Fixtures.dataLineCount("negatives.tsv"))
    }

    @Test(arguments: rows)
    func quantity(_ row: [String]) throws {
        let (sentence, mention) = (row[0], row[1])
        let records = Self.extractor.extract(sentence)
        let r = try #require(records.first { $0.text == mention },
                             "\(sentence): no record \(mention); got \(records.map(\.text))")
        #expect(r.value == ExactNumber(row[2]), "\(sentence): value")
        #expect(r.unit == row[3], "\(sentence): unit")
        #expect(r.dimension == row[4], "\(sentence): dimension")
        #expect(r.qualifier?.rawValue == row[5], "\(sentence): qualifier")
        if row[6] != "-" {
            for pair in row[6].split(separator: ";") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { Issue.record("bad extra \(pair)"); continue }
                switch kv[0] {
                case "low": #expect(r.low == ExactNumber(kv[1]), "\(sentence): low")
                case "high": #expect(r.high == ExactNumber(kv[1]), "\(sentence): high")
                case "currency": #expect(r.currency == kv[1], "\(sentence): currency")
                case "object": #expect(r.object == kv[1], "\(sentence): object")
                default: Issue.record("unknown extra key \(kv[0])")
                }
            }
        }
        // Offsets index the sentence, and text is that slice.
        let scalars = Array(sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[r.start..<r.end])) == r.text)
    }

    static let numbers = Fixtures.rows("numbers.tsv", columns: 7)

    /// Tests/Fixtures/numbers.tsv: bare numbers and their ranges, read with numbers on.
    @Test(arguments: numbers)
    func number(_ row: [String]) throws {
        let records = Extractor(types: [.quantity, .number]).extract(row[0])
        let r = try #require(records.first { $0.text == row[1] },
                             "\(row[0]): no record \(row[1]); got \(records.map(\.text))")
        #expect(r.value == ExactNumber(row[2]), "\(row[0]): value")
        #expect(r.unit == (row[3] == "-" ? "" : row[3]), "\(row[0]): unit")
        #expect(r.dimension == (row[4] == "-" ? nil : row[4]), "\(row[0]): dimension")
        #expect(r.qualifier?.rawValue == row[5], "\(row[0]): qualifier")
        for pair in row[6].split(separator: ";") where row[6] != "-" {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv[0] == "low" { #expect(r.low == ExactNumber(kv[1]), "\(row[0]): low") }
            if kv[0] == "high" { #expect(r.high == ExactNumber(kv[1]), "\(row[0]): high") }
        }
    }

    @Test func numberTableIsWellFormed() {
        #expect(Self.numbers.count == Fixtures.dataLineCount("numbers.tsv"))
    }

    @Test(arguments: negatives)
    func negative(_ row: [String]) {
        let records = Self.extractor.extract(row[0])
        #expect(records.isEmpty, "\(row[0]) (\(row[1])): got \(records.map(\.text))")
    }

    /// Numeral characters inside words are no bare numbers either (`--types number`).
    @Test(arguments: ["红十字会向灾区紧急驰援。", "路口十字交叉处设有信号灯。", "该小区二手房成交活跃。",
                      "患者被送往三甲医院救治。", "志愿者来自五湖四海。", "六安市组织医疗队驰援外地。",
                      "家家户户喝腊八粥。", "汽车零部件企业复工复产。", "党的十九大报告提出新要求。"])
    func noBareNumber(_ sentence: String) {
        let records = Extractor(types: [.number]).extract(sentence)
        #expect(records.isEmpty, "\(sentence): got \(records.map(\.text))")
    }
}
