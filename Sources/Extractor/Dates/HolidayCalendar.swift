/// How a holiday falls in a Gregorian year, by the calendar that fixes it.
///
///     HolidayCalendar.dates(.chinese(month: 8, day: 15), in: 2019)   // [2019-09-13]: 中秋节
public enum HolidayRule: Sendable, Equatable {
    /// A Gregorian date: 国庆节 is 10-01.
    case gregorian(month: Int, day: Int)
    /// The nth weekday of a month (ISO weekday, Monday 1; nth -1 is the last): 母亲节 is the
    /// second Sunday of May.
    case nthWeekday(month: Int, nth: Int, weekday: Int)
    /// A date of the Chinese lunisolar calendar: 中秋节 is 8-15.
    case chinese(month: Int, day: Int)
    /// The last day of the Chinese year (除夕), whether its last month has 29 or 30 days.
    case chineseNewYearsEve
    /// One of the 24 solar terms, 0 (小寒) to 23 (冬至): 清明 is 6.
    case solarTerm(Int)
    /// Days after Easter Sunday, Western (Gregorian) or Orthodox (Julian) reckoning.
    case easter(Int)
    case orthodoxEaster(Int)
    /// A date of the Islamic calendar (Umm al-Qura): 开斋节 is 10-01.
    case islamic(month: Int, day: Int)
    /// A date of the Hebrew calendar (months numbered from Tishrei, 6 being Adar I), given by the
    /// evening it begins, the Gregorian day before: 逾越节 (15 Nisan) begins the evening before.
    case hebrew(month: Int, day: Int)
    /// 9 Av, a day later when it falls on a Sabbath; by its eve.
    case tishaBAv
    /// 以色列独立日: 5 Iyar, moved off Friday and Saturday (to Thursday) and, since 2004, off
    /// Monday (to Tuesday); by its eve.
    case yomHaatzmaut
    /// A listed Hindu or Buddhist date plus some days (`HinduHolidayDates`).
    case hindu(HinduTable, Int)
}

/// The Hindu and Buddhist tables of `HinduHolidayDates`.
///
///     HolidayCalendar.dates(.hindu(.dhanteras, 2), in: 2013)   // [2013-11-03]: 排灯节 (Diwali)
public enum HinduTable: Sendable, Equatable, Hashable {
    case dhanteras, navaratri, rakshaBandhan, thaiPongal, onam, vasantPanchami, vesak
}

/// Gregorian dates of holidays, from the tables of `HolidayDates` (1950–2050, solar terms
/// 2000–2050) and `HinduHolidayDates` (2000–2030), and from rules (Easter, nth weekdays) for any year.
///
///     HolidayCalendar.dates(.chineseNewYearsEve, in: 2020)   // [2020-01-24]: 除夕
public enum HolidayCalendar {
    /// The days a holiday falls on in a Gregorian year, earliest first (an Islamic holiday can
    /// fall twice in one year, and none when the year is beyond the tables).
    ///
    ///     HolidayCalendar.dates(.islamic(month: 10, day: 1), in: 2013)   // [2013-08-08]: 开斋节
    public static func dates(_ rule: HolidayRule, in year: Int) -> [CivilDate] {
        var out: [CivilDate] = []
        switch rule {
        case .gregorian(let m, let d):
            let c = CivilDate(year: year, month: m, day: d)
            if c.isValid { out.append(c) }
        case .nthWeekday(let m, let nth, let wd):
            if let c = nthWeekday(year: year, month: m, nth: nth, weekday: wd) { out.append(c) }
        case .chinese(let m, let d):
            for ly in (year - 1)...year { if let c = chineseDate(lunarYear: ly, month: m, day: d) { out.append(c) } }
        case .chineseNewYearsEve:
            if let c = chineseDate(lunarYear: year + 1, month: 1, day: 1) { out.append(c.adding(days: -1)) }
            if let c = chineseDate(lunarYear: year, month: 1, day: 1) { out.append(c.adding(days: -1)) }
        case .solarTerm(let k):
            if let c = solarTerm(k, in: year) { out.append(c) }
        case .easter(let k):
            out.append(easterSunday(year).adding(days: k))
        case .orthodoxEaster(let k):
            out.append(orthodoxEasterSunday(year).adding(days: k))
        case .islamic(let m, let d):
            // Islamic years are 11 days shorter: about 33 of them to 32 Gregorian ones.
            let near = (year - 622) * 33 / 32
            for h in (near - 1)...(near + 2) {
                if let c = islamicDate(year: h, month: m, day: d) { out.append(c) }
            }
        case .hebrew(let m, let d):
            for hy in hebrewYears(near: year) {
                if let c = hebrewDate(year: hy, month: m, day: d) { out.append(c.adding(days: -1)) }
            }
        case .tishaBAv:
            for hy in hebrewYears(near: year) {
                guard var c = hebrewDate(year: hy, month: 12, day: 9) else { continue }
                if c.weekday == 6 { c = c.adding(days: 1) }              // a Saturday: Sunday instead
                out.append(c.adding(days: -1))
            }
        case .yomHaatzmaut:
            for hy in hebrewYears(near: year) {
                guard var c = hebrewDate(year: hy, month: 9, day: 5) else { continue }
                switch c.weekday {
                case 5: c = c.adding(days: -1)                            // Friday: Thursday
                case 6: c = c.adding(days: -2)                            // Saturday: Thursday
                case 1 where c.year >= 2004: c = c.adding(days: 1)        // Monday: Tuesday
                default: break
                }
                out.append(c.adding(days: -1))
            }
        case .hindu(let table, let k):
            if let c = hinduDate(table, year) { out.append(c.adding(days: k)) }
            if k > 0, let c = hinduDate(table, year - 1) { out.append(c.adding(days: k)) }
        }
        return out.filter { $0.year == year }.sorted()
    }

    // MARK: - Calendar tables

    /// A year of a lunar or lunisolar calendar: its first day (a day number) and its months.
    struct TableYear {
        var first: Int
        /// (month number, leap month, length in days), in the order they come.
        var months: [(number: Int, leap: Bool, length: Int)]
    }


    /// The tables, each read once from its text when first needed.
    static let chineseTable = parse(HolidayDates.chinese, hebrew: false)
    static let islamicTable = parse(HolidayDates.islamic, hebrew: false)
    static let hebrewTable = parse(HolidayDates.hebrew, hebrew: true)

    /// Lines `YYYY-MM-DD lengths` (see `HolidayDates`), read as bytes.
    static func parse(_ text: String, hebrew: Bool) -> [TableYear] {
        text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let parts = line.split(separator: UInt8(ascii: " "))
            guard parts.count == 2, let first = ymd(parts[0]) else { return nil }
            var months: [(Int, Bool, Int)] = []
            var number = 0, leap = false
            for c in parts[1] {
                switch c {
                case UInt8(ascii: "L"), UInt8(ascii: "A"): leap = true
                default:
                    let length = c == UInt8(ascii: "9") ? 29 : 30
                    if hebrew {
                        number += 1
                        if number == 6 && !leap { number = 7 }            // no Adar I: Adar is month 7
                        months.append((number, false, length))
                    } else {
                        if !leap { number += 1 }
                        months.append((number, leap, length))
                    }
                    leap = false
                }
            }
            return TableYear(first: first.dayNumber, months: months)
        }
    }

    /// Digits as a number (`0129` → 129).
    static func number<S: Sequence>(_ digits: S) -> Int? where S.Element == UInt8 {
        var v = 0, any = false
        for d in digits {
            guard d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + Int(d - UInt8(ascii: "0")); any = true
        }
        return any ? v : nil
    }

    /// `YYYY-MM-DD` or `MM-DD` (with `year`) as bytes.
    static func ymd<S: Collection>(_ s: S, year: Int? = nil) -> CivilDate? where S.Element == UInt8 {
        let p = s.split(separator: UInt8(ascii: "-"))
        let fields = p.compactMap { number($0) }
        guard fields.count == p.count else { return nil }
        let c: CivilDate
        if let y = year, fields.count == 2 { c = CivilDate(year: y, month: fields[0], day: fields[1]) }
        else if fields.count == 3 { c = CivilDate(year: fields[0], month: fields[1], day: fields[2]) }
        else { return nil }
        return c.isValid ? c : nil
    }

    static func date(in table: [TableYear], row: Int, month: Int, day: Int, leap: Bool) -> CivilDate? {
        guard table.indices.contains(row), day >= 1 else { return nil }
        var offset = 0
        for m in table[row].months {
            if m.number == month && m.leap == leap {
                return day <= m.length ? CivilDate(dayNumber: table[row].first + offset + day - 1) : nil
            }
            offset += m.length
        }
        return nil
    }

    /// A date of the Chinese calendar in the lunar year that begins in Gregorian `lunarYear`.
    ///
    ///     HolidayCalendar.chineseDate(lunarYear: 2013, month: 1, day: 15)   // 2013-02-24: 元宵节
    public static func chineseDate(lunarYear: Int, month: Int, day: Int, leap: Bool = false) -> CivilDate? {
        date(in: chineseTable, row: lunarYear - HolidayDates.chineseFirstYear, month: month, day: day, leap: leap)
    }

    /// A date of the Islamic (Umm al-Qura) calendar; `year` is the year of the Hijra.
    ///
    ///     HolidayCalendar.islamicDate(year: 1434, month: 10, day: 1)   // 2013-08-08
    public static func islamicDate(year: Int, month: Int, day: Int) -> CivilDate? {
        date(in: islamicTable, row: year - HolidayDates.islamicFirstYear, month: month, day: day, leap: false)
    }

    /// A date of the Hebrew calendar, months numbered from Tishrei (1) to Elul (13), 6 being Adar I.
    ///
    ///     HolidayCalendar.hebrewDate(year: 5773, month: 8, day: 15)   // 2013-03-26: 15 Nisan
    public static func hebrewDate(year: Int, month: Int, day: Int) -> CivilDate? {
        date(in: hebrewTable, row: year - HolidayDates.hebrewFirstYear, month: month, day: day, leap: false)
    }

    /// The Hebrew years whose days may fall in Gregorian `year` (one begins in September).
    static func hebrewYears(near year: Int) -> ClosedRange<Int> { (year + 3760)...(year + 3761) }

    /// The Beijing date of solar term `k` (0 小寒 … 23 冬至) in `year`.
    ///
    ///     HolidayCalendar.solarTerm(6, in: 2024)   // 2024-04-04: 清明
    public static func solarTerm(_ k: Int, in year: Int) -> CivilDate? {
        let row = year - HolidayDates.solarTermsFirstYear
        guard (0..<24).contains(k), solarTermDays.indices.contains(row), solarTermDays[row].count == 24 else {
            return nil
        }
        return CivilDate(year: year, month: k / 2 + 1, day: solarTermDays[row][k])
    }

    /// The days of the solar terms by year, read once: `[year row][term]`.
    static let solarTermDays: [[Int]] = HolidayDates.solarTerms.utf8.split(separator: UInt8(ascii: "\n")).map {
        $0.split(separator: UInt8(ascii: " ")).dropFirst().compactMap { number($0) }
    }

    // MARK: - Rules

    /// Western Easter Sunday (the anonymous Gregorian algorithm, as in Meeus ch. 8).
    ///
    ///     HolidayCalendar.easterSunday(2013)   // 2013-03-31
    public static func easterSunday(_ y: Int) -> CivilDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: y, month: month, day: day)
    }

    /// Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar.
    ///
    ///     HolidayCalendar.orthodoxEasterSunday(2013)   // 2013-05-05
    public static func orthodoxEasterSunday(_ y: Int) -> CivilDate {
        let a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7
        let month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1
        let julianToGregorian = y / 100 - y / 400 - 2                      // 13 days in 1900–2099
        return CivilDate(year: y, month: month, day: day).adding(days: julianToGregorian)
    }

    static func nthWeekday(year: Int, month: Int, nth: Int, weekday: Int) -> CivilDate? {
        if nth > 0 {
            let first = CivilDate(year: year, month: month, day: 1)
            let c = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (nth - 1))
            return c.month == month ? c : nil
        }
        let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(year, month))
        return last.adding(days: -((last.weekday - weekday + 7) % 7))
    }

    static func hinduDate(_ t: HinduTable, _ year: Int) -> CivilDate? {
        guard let days = hinduDays[t] else { return nil }
        let k = year - HinduHolidayDates.firstYear
        guard days.indices.contains(k) else { return nil }
        return CivilDate(year: year, month: days[k].0, day: days[k].1)
    }

    /// The Hindu tables read once: (month, day) by year from `HinduHolidayDates.firstYear`.
    static let hinduDays: [HinduTable: [(Int, Int)]] = {
        let texts: [(HinduTable, String)] = [
            (.dhanteras, HinduHolidayDates.dhanteras), (.navaratri, HinduHolidayDates.navaratri),
            (.rakshaBandhan, HinduHolidayDates.rakshaBandhan), (.thaiPongal, HinduHolidayDates.thaiPongal),
            (.onam, HinduHolidayDates.onam), (.vasantPanchami, HinduHolidayDates.vasantPanchami),
            (.vesak, HinduHolidayDates.vesak),
        ]
        var out: [HinduTable: [(Int, Int)]] = [:]
        for (t, text) in texts {
            out[t] = text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") })
                .compactMap { md in
                    let p = md.split(separator: UInt8(ascii: "-")).compactMap { number($0) }
                    return p.count == 2 ? (p[0], p[1]) : nil
                }
        }
        return out
    }()
}
