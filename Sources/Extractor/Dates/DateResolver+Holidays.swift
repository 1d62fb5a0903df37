/// Holidays and dates of the Chinese calendar: placed on the Gregorian calendar once their
/// year is known (`HolidayCalendar`).
extension DateResolver {
    /// The day of a holiday (中秋节) or a lunar date (正月十五): in the year written or said in the
    /// sentence (2019年中秋节, 去年国庆); else the next one from the document date, unless the last
    /// one was at most a week before it; else `XXXX-MM-DD` for a fixed date and `XXXX-XX-XX` when
    /// even the month depends on the year (the year alone when the tables do not reach it: 1995年春节
    /// is `1995`). A holiday period (春节假期) is written (first,last,PnD).
    mutating func resolveCalendarDay(_ v: inout TemporalValue) -> String {
        let entry = v.holiday.map { HolidayTable.entries[$0] }
        let rule: HolidayRule
        if let e = entry { rule = e.rule } else if let m = v.month, let d = v.day {
            rule = .chinese(month: m, day: d)
        } else {
            v.month = nil; v.day = nil                       // 正月: a month of the Chinese calendar
            return format(v)
        }
        var year = v.year
        if year == nil, let ry = v.relYears, let dd = documentDate { year = dd.year + ry }
        if year == nil { year = contextYear }                  // a year written earlier in the sentence
        var day: CivilDate? = nil
        if let y = year {
            day = HolidayCalendar.dates(rule, in: y).first
        } else if let dd = documentDate {
            let around = ((dd.year - 1)...(dd.year + 1)).flatMap { HolidayCalendar.dates(rule, in: $0) }
            day = around.last { $0 <= dd && dd.dayNumber - $0.dayNumber <= DateResolver.holidayPastDays }
                ?? around.first { $0 >= dd }
        }
        v.relYears = nil; v.lunar = false; v.holiday = nil
        guard let d = day else {
            // No table reaches the year (1995年春节): the year alone, when it is known.
            v.year = year
            if case .gregorian(let m, let dd) = rule { v.month = m; v.day = dd } else { v.month = nil; v.day = nil }
            if let p = entry?.periodDays, p > 0, case .gregorian = rule {
                return "(" + format(v) + "," + format(shifted(v, by: p - 1)) + ",P\(p)D)"
            }
            return format(v)
        }
        v.year = d.year; v.month = d.month; v.day = d.day
        lastDay = (d.year, d.month, d.day)
        contextMonth = d.month
        if let p = entry?.periodDays, p > 0 {
            let last = d.adding(days: p - 1)
            var w = v; w.year = last.year; w.month = last.month; w.day = last.day
            return "(" + format(v) + "," + format(w) + ",P\(p)D)"
        }
        return format(v)
    }

    /// A yearless fixed date moved by some days (国庆假期: 10-01 to 10-07), still yearless.
    private func shifted(_ v: TemporalValue, by days: Int) -> TemporalValue {
        guard let m = v.month, let d = v.day else { return v }
        let c = CivilDate(year: 2001, month: m, day: d).adding(days: days)
        var w = v; w.month = c.month; w.day = c.day
        return w
    }
}
