import Testing
import Normalizer

/// Tests/Fixtures/numerals.tsv: surface → exact value, a row per numeral.
@Suite struct NumeralTableTests {
    static let rows = Fixtures.rows("numerals.tsv", columns: 2)

    @Test func tableIsWellFormed() {
        #expect(Self.rows.count >= 250)
        #expect(Self.rows.count == Fixtures.dataLineCount("numerals.tsv"))
    }

    @Test(arguments: rows)
    func numeral(_ row: [String]) throws {
        let expected = try #require(ExactNumber(row[1]), "bad expected value \(row[1])")
        #expect(NumeralParser.value(of: row[0]) == expected, "\(row[0])")
    }

    @Test func exactArithmetic() {
        // 367.18 万 is exactly 3671800, not 3671799.9999.
        #expect(NumeralParser.value(of: "367.18万")?.description == "3671800")
        #expect(NumeralParser.value(of: "0.07万")?.description == "700")
        #expect(NumeralParser.value(of: "4.35亿")?.description == "435000000")
        #expect(ExactNumber("0.5")?.description == "0.5")
        #expect(ExactNumber("-12.750")?.description == "-12.75")
        #expect(ExactNumber(mantissa: 5, exponent: -3).description == "0.005")
        #expect(ExactNumber(mantissa: 1, exponent: 12).description == "1000000000000")
    }

    @Test func roundedFractions() {
        let third = ExactNumber(1).dividedRounded(by: ExactNumber(3), significantDigits: 15)
        #expect(third?.description == "0.333333333333333")
        #expect(ExactNumber(1).divided(by: ExactNumber(3)) == nil)
        #expect(ExactNumber(1).divided(by: ExactNumber(8))?.description == "0.125")
    }

    @Test func overflowIsRefusedNotRounded() {
        #expect(ExactNumber(mantissa: Int64.max).adding(.one) == nil)
        #expect(NumeralParser.value(of: "99999999999999999999") == nil)
    }

    @Test(arguments: ["一一", "二〇", "万一", "", "十十", "三百五千", "万"])
    func notWholeNumerals(_ s: String) {
        #expect(NumeralParser.value(of: s) == nil, "\(s)")
    }
}
