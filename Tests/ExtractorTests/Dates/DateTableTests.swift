import Testing
import Extractor

/// Tests/Fixtures/dates.tsv and dates-negative.tsv: TIMEX3 values with fixed reference dates.
@Suite struct DateTableTests {
    static let rows = Fixtures.rows("dates.tsv", columns: 5)
    static let negatives = Fixtures.rows("dates-negative.tsv", columns: 2)

    @Test func tablesAreWellFormed() {
        #expect(Self.rows.count >= 50)
        #expect(Self.rows.count == Fixtures.dataLineCount("dates.tsv"))
        #expect(Self.negatives.count == Fixtures.dataLineCount("dates-negative.tsv"))
    }

    @Test(arguments: rows)
    func date(_ row: [String]) throws {
        let reference = row[1] == "-" ? nil : CivilDate(row[1])
        let records = Extractor(types: [.date, .time], referenceDate: reference).extract(row[0])
        let r = try #require(records.first { $0.text == row[2] },
                             "\(row[0]): no record \(row[2]); got \(records.map { "\($0.text)=\($0.timex ?? "")" })")
        #expect(r.type.rawValue == row[3], "\(row[0]): type")
        #expect(r.timex == row[4], "\(row[0]): timex")
    }

    @Test(arguments: negatives)
    func notADate(_ row: [String]) {
        let records = Extractor(types: [.date, .time]).extract(row[0])
        #expect(records.isEmpty, "\(row[0]) (\(row[1])): got \(records.map(\.text))")
    }

    @Test func calendarArithmetic() throws {
        let d = try #require(CivilDate("2024-02-28"))
        #expect(d.adding(days: 1) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(d.adding(days: 2) == CivilDate(year: 2024, month: 3, day: 1))
        #expect(CivilDate("2023-02-29") == nil)
        #expect(CivilDate(year: 2013, month: 2, day: 12).weekday == 2)
        #expect(CivilDate(year: 2021, month: 1, day: 3).isoWeek.year == 2020)
        #expect(CivilDate(year: 2021, month: 1, day: 3).isoWeek.week == 53)
    }
}
