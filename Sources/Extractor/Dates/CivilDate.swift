/// A calendar date (proleptic Gregorian), with day arithmetic: a document's publication date,
/// against which dates without a year and relative words are resolved.
///
///     let date = CivilDate("2022-03-18")              // CivilDate(year: 2022, month: 3, day: 18)
///     Extractor(referenceDate: date).extract("去年")[0].timex   // "2021"
public struct CivilDate: Sendable, Equatable, Comparable {
    /// Year, month (1–12) and day (1–31).
    public var year: Int, month: Int, day: Int

    /// A date from its parts, taken as given (`CivilDate("YYYY-MM-DD")` checks them).
    ///
    ///     CivilDate(year: 2022, month: 3, day: 18)
    public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil if malformed or not a real date.
    ///
    ///     CivilDate("2022-03-18")   // 2022-03-18
    ///     CivilDate("2022-02-30")   // nil
    public init?(_ s: String) {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(y, m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
    var isValid: Bool { (1...12).contains(month) && day >= 1 && day <= CivilDate.daysIn(year, month) }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The date `days` later (earlier when negative).
    ///
    ///     CivilDate(year: 2022, month: 2, day: 28).adding(days: 1)   // 2022-03-01
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }
    /// ISO weekday, Monday = 1 … Sunday = 7.
    ///
    ///     CivilDate(year: 2022, month: 3, day: 18).weekday   // 5: a Friday
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    /// ISO 8601 week-numbering year and week.
    ///
    ///     CivilDate(year: 2022, month: 3, day: 18).isoWeek   // (2022, 11)
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
    }

    /// Earlier dates first.
    ///
    ///     CivilDate(year: 2021, month: 12, day: 31) < CivilDate(year: 2022, month: 1, day: 1)   // true
    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}
