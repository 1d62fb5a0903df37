import Testing
@testable import Extractor

/// Tests/Fixtures/organizations.tsv and organizations-negative.tsv: names found, in order.
@Suite struct OrganizationTableTests {
    static let rows = Fixtures.rows("organizations.tsv", columns: 2)
    static let negatives = Fixtures.rows("organizations-negative.tsv", columns: 2)
    static let extractor = Extractor(types: [.organization])

    /// Names the rules find and the model misses: the rules, which the model reads as
    /// features, still find them.
    static let ruleRows = Fixtures.rows("organizations-rules.tsv", columns: 2)

    @Test(arguments: ruleRows)
    func rulesAlone(_ row: [String]) {
        let source = SourceText(row[0])
        let found = OrganizationRecognizer(source: source).run().map { f in
            source.sliceWithoutBreaks(source.originalOffset(f.start), source.originalOffset(f.end))
        }
        #expect(found == row[1].split(separator: "|").map(String.init), "\(row[0])")
    }

    @Test func tablesAreWellFormed() {
        #expect(Self.ruleRows.count == Fixtures.dataLineCount("organizations-rules.tsv"))
        #expect(Self.rows.count == Fixtures.dataLineCount("organizations.tsv"))
        #expect(Self.negatives.count == Fixtures.dataLineCount("organizations-negative.tsv"))
    }

    @Test(arguments: rows)
    func names(_ row: [String]) {
        let sentence = row[0].replacingOccurrences(of: "\\n", with: "\n")
        let found = Self.extractor.extract(sentence).compactMap(\.name)
        #expect(found == row[1].split(separator: "|").map(String.init), "\(row[0])")
    }

    @Test(arguments: negatives)
    func notAnOrganization(_ row: [String]) {
        let found = Self.extractor.extract(row[0]).compactMap(\.name)
        // 市委 alone is a name; the row checks that 市政府 is not reported.
        #expect(found.allSatisfy { $0 == "市委" }, "\(row[0]) (\(row[1])): got \(found)")
    }

    @Test func organizationsAreOnByDefaultAndCanBeLeftOut() {
        let text = "深圳市医师协会捐赠 15 万元"
        #expect(Extractor().extract(text).map(\.type) == [.organization, .quantity])
        #expect(Extractor(types: [.quantity]).extract(text).map(\.type) == [.quantity])
    }

    @Test func recordsCarryNameAndCategory() throws {
        let r = try #require(Self.extractor.extract("深圳市潮青联谊会\n党委动员会员").first)
        #expect(r.text == "深圳市潮青联谊会\n党委")
        #expect(r.name == "深圳市潮青联谊会党委")
        #expect(r.category == "party")   // the 党委 of an association
    }
}
