import Foundation
import Testing
import Extractor

/// The holiday tables (`HolidayDates`, made by scripts/gen_holidays.swift) checked day by day,
/// 1950–2050, against Foundation's calendars on this platform, and the solar terms (2000–2050)
/// against the 寿星 formula, an independent method; Easter against published dates.
@Suite struct HolidayTableTests {
    static let beijing = TimeZone(secondsFromGMT: 8 * 3600)!

    static func calendar(_ id: Calendar.Identifier) -> Calendar {
        var c = Calendar(identifier: id)
        c.timeZone = beijing
        return c
    }

    /// Every day from 1950-01-01 to 2050-12-31, as a CivilDate and a Foundation Date at noon.
    static let days: [(CivilDate, Date)] = {
        let g = calendar(.gregorian)
        var out: [(CivilDate, Date)] = []
        var d = g.date(from: DateComponents(year: 1950, month: 1, day: 1, hour: 12))!
        let end = g.date(from: DateComponents(year: 2050, month: 12, day: 31, hour: 12))!
        while d <= end {
            let c = g.dateComponents([.year, .month, .day], from: d)
            out.append((CivilDate(year: c.year!, month: c.month!, day: c.day!), d))
            d = g.date(byAdding: .day, value: 1, to: d)!
        }
        return out
    }()

    @Test func foundationHasTheCalendarsOnThisPlatform() {
        let c = Self.calendar(.chinese).dateComponents([.month, .day], from: Self.days[0].1)
        #expect(c.month != nil && c.day != nil)
    }

    @Test func chineseCalendarMatchesFoundation() {
        let cal = Self.calendar(.chinese)
        var mismatches: [String] = []
        for (civil, date) in Self.days {
            let c = cal.dateComponents([.era, .year, .month, .day, .isLeapMonth], from: date)
            // ICU counts years in 60-year cycles; era 78, year 30 is the year that began in 2013.
            let lunarYear = (c.era! - 1) * 60 + c.year! - 2637
            let ours = HolidayCalendar.chineseDate(lunarYear: lunarYear, month: c.month!, day: c.day!,
                                                   leap: c.isLeapMonth ?? false)
            if ours != civil {
                mismatches.append("\(civil): \(lunarYear)-\(c.month!)-\(c.day!) → \(String(describing: ours))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func islamicCalendarMatchesFoundation() {
        let cal = Self.calendar(.islamicUmmAlQura)
        var mismatches: [String] = []
        for (civil, date) in Self.days {
            let c = cal.dateComponents([.year, .month, .day], from: date)
            let ours = HolidayCalendar.islamicDate(year: c.year!, month: c.month!, day: c.day!)
            if ours != civil { mismatches.append("\(civil): \(c.year!)-\(c.month!)-\(c.day!)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func hebrewCalendarMatchesFoundation() {
        let cal = Self.calendar(.hebrew)
        var mismatches: [String] = []
        for (civil, date) in Self.days {
            let c = cal.dateComponents([.year, .month, .day], from: date)
            let ours = HolidayCalendar.hebrewDate(year: c.year!, month: c.month!, day: c.day!)
            if ours != civil { mismatches.append("\(civil): \(c.year!)-\(c.month!)-\(c.day!)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The 寿星 formula for the 21st century: day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ (⌊(Y−1)/4⌋ for the
    /// terms of January and February), Y the year within the century, with its listed exceptions.
    @Test func solarTermsMatchTheShouxingFormula() {
        let c: [Double] = [5.4055, 20.12, 3.87, 18.73, 5.63, 20.646, 4.81, 20.1, 5.52, 21.04, 5.678, 21.37,
                           7.108, 22.83, 7.5, 23.13, 7.646, 23.042, 8.318, 23.438, 7.438, 22.36, 7.18, 21.94]
        let exceptions: [String: Int] = ["2019-0": -1, "2026-3": -1, "2008-9": 1, "2016-12": 1, "2002-14": 1,
                                         "2021-23": -1]
        var mismatches: [String] = []
        for year in 2001...2050 {
            let y = Double(year % 100)
            for k in 0..<24 {
                let leap = k < 4 ? floor((y - 1) / 4) : floor(y / 4)
                let day = Int(floor(y * 0.2422 + c[k])) - Int(leap) + (exceptions["\(year)-\(k)"] ?? 0)
                let ours = HolidayCalendar.solarTerm(k, in: year)
                if ours != CivilDate(year: year, month: k / 2 + 1, day: day) {
                    mismatches.append("\(year) term \(k): formula \(day), table \(String(describing: ours))")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        // 2000, before the formula's century: 清明 on 4 April, 冬至 on 21 December.
        #expect(HolidayCalendar.solarTerm(6, in: 2000) == CivilDate(year: 2000, month: 4, day: 4))
        #expect(HolidayCalendar.solarTerm(23, in: 2000) == CivilDate(year: 2000, month: 12, day: 21))
    }

    @Test func easterMatchesPublishedDates() {
        let western = ["2000-04-23", "2013-03-31", "2019-04-21", "2024-03-31", "2025-04-20", "2038-04-25"]
        for d in western {
            let c = try! #require(CivilDate(d))
            #expect(HolidayCalendar.easterSunday(c.year) == c, "\(d)")
        }
        let orthodox = ["2013-05-05", "2021-05-02", "2024-05-05", "2025-04-20", "2040-05-06"]
        for d in orthodox {
            let c = try! #require(CivilDate(d))
            #expect(HolidayCalendar.orthodoxEasterSunday(c.year) == c, "\(d)")
        }
    }

    /// Holidays placed by their rules, for a year each (checked with calendars printed for the year).
    @Test(arguments: [
        (HolidayRule.chinese(month: 8, day: 15), 2019, "2019-09-13"),      // 中秋节
        (.chinese(month: 1, day: 1), 2013, "2013-02-10"),                  // 春节
        (.chineseNewYearsEve, 2020, "2020-01-24"),                         // 除夕
        (.chinese(month: 5, day: 5), 2023, "2023-06-22"),                  // 端午节
        (.solarTerm(6), 2024, "2024-04-04"),                               // 清明
        (.solarTerm(23), 2013, "2013-12-22"),                              // 冬至, dated in Beijing
        (.islamic(month: 10, day: 1), 2013, "2013-08-08"),                 // 开斋节
        (.hebrew(month: 8, day: 15), 2013, "2013-03-25"),                  // 逾越节, by its eve
        (.yomHaatzmaut, 2013, "2013-04-15"),                               // moved off Monday, eve
        (.nthWeekday(month: 5, nth: 2, weekday: 7), 2022, "2022-05-08"),   // 母亲节
        (.easter(-46), 2013, "2013-02-13"),                                // 圣灰日
        (.hindu(.dhanteras, 2), 2013, "2013-11-03"),                       // 排灯节
    ])
    func holidayDate(_ rule: HolidayRule, _ year: Int, _ expected: String) {
        #expect(HolidayCalendar.dates(rule, in: year).first == CivilDate(expected))
    }
}
