import Testing
import Extractor
import Normalizer

/// Property checks over generated input: no crash, offsets are slices, and the
/// records do not depend on where a document is split into lines.
@Suite struct RobustnessTests {
    /// Characters that exercise every rule: digits, numerals, units, qualifiers, signs,
    /// full-width forms, white space, line breaks and surrogate-plane characters.
    static let alphabet: [Character] = Array("0123456789.,-/:%‰％１２．，　 \n\t一二两三十百千万亿零〇半几余多约近超逾"
        + "个名人元万元亿美元公里米吨度℃成折倍分之第KNaxz年月日时点（）()《》、。𠀀😀\u{FEFF}")

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
    }

    @Test func randomTextNeverCrashesAndOffsetsHold() {
        var g = Generator(state: 42)
        let extractor = Extractor(types: [.quantity, .number])
        for _ in 0..<3000 {
            let len = Int(g.next() % 24)
            let s = String((0..<len).map { _ in Self.alphabet[Int(g.next() % UInt64(Self.alphabet.count))] })
            let scalars = Array(s.unicodeScalars)
            for r in extractor.extract(s) {
                #expect(r.start >= 0 && r.start < r.end && r.end <= scalars.count, "\(s)")
                if r.start >= 0 && r.end <= scalars.count && r.start < r.end {
                    #expect(String(String.UnicodeScalarView(scalars[r.start..<r.end])) == r.text, "\(s)")
                }
            }
        }
    }

    @Test func recordsDoNotDependOnLineBreaksInsideMentions() {
        let flat = "累计捐款捐物约3.15亿元，共招募志愿者45018名，服务时长总计367.18万小时。"
        let broken = "累计捐款捐物约3.15\n亿元，共招募志愿者45018\n名，服务时长总计367.18万\n小时。"
        let a = Extractor().extract(flat).map { ($0.value, $0.unit, $0.qualifier) }
        let b = Extractor().extract(broken).map { ($0.value, $0.unit, $0.qualifier) }
        #expect(a.count == 3)
        #expect(a.map(\.0) == b.map(\.0))
        #expect(a.map(\.1) == b.map(\.1))
        #expect(a.map(\.2) == b.map(\.2))
    }

    @Test func notFiguresFromTheSeedNegatives() {
        let text = "捐赠 13 万个 KN95 口罩；3000 只 N95 口罩；心理健康热线(12355)；《新冠肺炎疫情消毒技术指南(第八版)》；两新组织；抗疫一线；第一线"
        let texts = Extractor(types: [.quantity, .number]).extract(text).map(\.text)
        #expect(texts == ["13 万个", "3000 只"])
    }

    // Found by fuzzing (see the commit that added these).
    @Test func longChainsOfYouDoNotRecurse() {
        let text = String(repeating: "1又", count: 20000)
        // No stack overflow; each 1 is a bare number and 又 joins nothing.
        #expect(Extractor(types: [.quantity, .number]).extract(text).count == 20000)
    }

    @Test func longRunsOfMagnitudesStayLinearAndBounded() {
        for unit in ["亿", "兆", "十百千万", "万分之"] {
            let text = String(repeating: unit, count: 30000) + "五人"
            for r in Extractor(types: [.quantity, .number]).extract(text) {
                #expect((r.value?.exponent ?? 0) < 100, "\(unit): \(r.text)")
            }
        }
    }

    @Test func halfInARangeMovesBothBounds() throws {
        let r = try #require(Extractor().extract("两三个半小时").first)
        #expect(r.value == ExactNumber("2.5"))
        #expect(r.low == ExactNumber("2.5"))
        #expect(r.high == ExactNumber("3.5"))
        #expect(Extractor().extract("5万个半小时").first?.value == ExactNumber(50000))
    }

    @Test func percentNeedsFenZhi() {
        #expect(Extractor().extract("百分制9分").allSatisfy { $0.unit != "%" })
    }

    @Test func aCurrencyUnitIsNotTheNextNumbersPrefix() {
        let records = Extractor(types: [.quantity, .number]).extract("5美元3")
        #expect(records.map(\.text) == ["5美元", "3"])
        #expect(records.last?.type == .number)
    }
}
