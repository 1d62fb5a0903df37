/// The second phase (as in HeidelTime): fills in what a date leaves unsaid the way a reader
/// does, from the sentence it stands in and from the document date, never guessing beyond them.
///
/// - A date without a year takes a year written earlier in the same sentence (2019年1月至7月15日);
///   else the document's year, except across the turn of a year: a date more than eight months
///   after the document date is last year's (12月19日 in a February paper), one more than ten
///   months before it next year's (1月3日 in a late-December paper). A quarter or half is the
///   document year's once it has begun (or begins within 45 days), else last year's. Without a
///   document date the year stays `XXXX`.
/// - A holiday without a year is the next one on or after the document date (国庆节 in a February
///   paper is this October's), unless it was at most a week before (春节 two days after it is the
///   one just past).
/// - 今天, 去年, 上周三 resolve against the document date; without one they become
///   PRESENT_REF, PAST_REF or FUTURE_REF.
/// - 当日, 当晚, 次日, a bare day (11日) and a clock without a date take the date in context
///   (the last date with a day): "3 月 3 日……当晚上 11 点多" → XXXX-03-03T23:00.
struct DateResolver {
    let documentDate: CivilDate?
    /// The text of the mentions being resolved (the document, or its piece), to tell where
    /// sentences end and whether it counts years of the Republic (民國).
    var source: SourceText?
    /// How far after the document date a date in the document's year may lie (eight months), and
    /// how far before it (ten months); beyond, the neighbouring year's date is meant.
    static let aheadDays = 243, behindDays = 304
    /// A quarter or half that begins within this many days is the document year's.
    static let periodAheadDays = 45
    /// How long after a holiday a report still means the one just past.
    static let holidayPastDays = 7

    var contextYear: Int?
    /// Where the mention that wrote `contextYear` ends: the year holds to the end of its sentence.
    private var contextYearEnd = 0
    var contextMonth: Int?
    var lastDay: (year: Int?, month: Int?, day: Int)?
    /// Whether the text counts years of the Republic, and how far it has been looked at.
    private var republicYears = false
    private var republicScanned = 0
    /// The last value resolved: the second end of a range takes what it leaves unsaid from
    /// it, even when the range's two ends were resolved in two calls (pieces of a document).
    private var previous: TemporalValue? = nil

    init(documentDate: CivilDate?, source: SourceText? = nil) {
        self.documentDate = documentDate
        self.source = source
    }

    /// Resolves mentions in document order; returns one TIMEX3 value per mention. `source` is the
    /// text they were found in when it is not the one the resolver was made with: the next piece
    /// of a document. Pieces are cut after a sentence ends, so no year carries into the next.
    mutating func resolve(_ mentions: [TemporalMention], in source: SourceText? = nil) -> [String] {
        if let s = source {
            self.source = s
            contextYear = nil; contextYearEnd = 0                 // offsets now count in this piece
            republicScanned = 0
        }
        var out: [String] = []
        out.reserveCapacity(mentions.count)
        for (k, m) in mentions.enumerated() {
            var v = m.value
            // 8月至2月: a range that passes the new year starts at the latest such month that has
            // begun by the document date (August of last year in a May paper, this August in a
            // September one); its end follows in the next year.
            if v.year == nil, v.relYears == nil, v.holiday == nil, let first = v.month, k + 1 < mentions.count,
               mentions[k + 1].inheritsFromPrevious, let last = mentions[k + 1].value.month, last < first,
               mentions[k + 1].value.year == nil, contextYear == nil, let dd = documentDate {
                let begun = CivilDate(year: dd.year, month: first, day: 1) <= dd
                v.year = begun ? dd.year : dd.year - 1
            }
            if contextYear != nil, sentenceEnds(between: contextYearEnd, and: m.start) { contextYear = nil }
            if contextYear != nil { contextYearEnd = max(contextYearEnd, m.start) }    // scanned up to here
            if v.twoDigitYear, let y = v.year, y >= 1950, y < 2000, usesRepublicYears(before: m.start) {
                v.year = y - 1900 + 1911
            }
            if m.inheritsFromPrevious, let p = previous {
                if v.hour != nil && !v.hasDate {
                    // 上午 10 点到晚 9 点: the second clock is on the first one's day.
                    v.year = p.year; v.month = p.month; v.day = p.day
                } else if !v.hasRelative {
                    if v.year == nil, let py = p.year {
                        // 8月至2月, 12月28日至1月3日: a range that passes the new year.
                        let wraps = (v.month ?? 13) < (p.month ?? 0)
                        v.year = wraps ? py + 1 : py
                    }
                    if v.month == nil && v.day != nil { v.month = p.month }
                }
            }
            let resolved = resolveOne(&v)
            if v.yearWritten, v.year != nil { contextYearEnd = m.end }
            out.append(resolved)
            previous = v
        }
        return out
    }

    /// True when a sentence ends in the text between two cleaned offsets.
    private func sentenceEnds(between a: Int, and b: Int) -> Bool {
        guard let src = source, a < b else { return false }
        return src.withScalars { s in
            let ends = Lexicon.shared.sentenceEnds
            for k in a..<min(b, s.count) where ends.contains(s[k]) { return true }
            return false
        }
    }

    /// True when the text so far counts years of the Republic (民國, or Taiwan named in traditional
    /// characters), where 98年 is 2009: markers before `end` in this text, or in an earlier piece.
    /// (Only what comes before, so that a document read in pieces resolves as it does whole.)
    private mutating func usesRepublicYears(before end: Int) -> Bool {
        if republicYears { return true }
        let markers: [[Unicode.Scalar]] = ["民國", "民国", "臺灣", "臺北", "新臺幣"].map { Array($0.unicodeScalars) }
        let from = republicScanned
        let found = source?.withScalars { s -> Bool in
            let stop = min(end, s.count - 1)
            guard from < stop else { return false }
            for k in from..<stop where s[k] == "民" || s[k] == "臺" || s[k] == "新" {
                for w in markers where k + w.count <= s.count {
                    if (0..<w.count).allSatisfy({ s[k + $0] == w[$0] }) { return true }
                }
            }
            return false
        } ?? false
        republicScanned = max(republicScanned, end)
        republicYears = found
        return found
    }

    /// Resolves one value in place (filling year/month/day where known) and returns its TIMEX3.
    private mutating func resolveOne(_ v: inout TemporalValue) -> String {
        if let r = v.reference {
            // 每天早上7点30分: a daily time keeps its time of day.
            return r == .daily ? r.rawValue + timeSuffix(v) : r.rawValue
        }
        let doc = documentDate
        if v.holiday != nil || v.lunar { return resolveCalendarDay(&v) }
        // Days relative to the document date or (当日, 次日) to the date in context.
        if let rd = v.relDays {
            if v.anaphoric {
                if let last = lastDay, let m = last.month {
                    let base = CivilDate(year: last.year ?? 2001, month: m, day: last.day)
                    let d = base.adding(days: rd)
                    v.year = last.year == nil ? nil : d.year; v.month = d.month; v.day = d.day
                } else if let dd = doc {
                    let d = dd.adding(days: rd); v.year = d.year; v.month = d.month; v.day = d.day
                } else {
                    return Self.ref(rd) + timeSuffix(v)
                }
            } else if let dd = doc {
                let d = dd.adding(days: rd); v.year = d.year; v.month = d.month; v.day = d.day
            } else {
                return Self.ref(rd)
            }
            v.relDays = nil
            remember(v)
            return format(v)
        }
        if let ry = v.relYears {
            guard let dd = doc else {
                // 今年五月 with no document date: the month is known, the year is not (XXXX-05).
                if v.month != nil || v.quarter != nil || v.half != nil || v.season != nil {
                    v.year = nil; return format(v)
                }
                return Self.ref(ry)
            }
            v.year = dd.year + ry
            if v.relMonths == 0, v.month == nil { v.month = dd.month }            // 去年本月十日
            contextYear = v.year
            if v.month != nil { contextMonth = v.month }
            if v.weekdayOrdinal != nil { placeNthWeekday(&v) }
            if let d = v.day { lastDay = (v.year, v.month, d) }
            return format(v)
        }
        if let rm = v.relMonths {
            guard let dd = doc else { return Self.ref(rm) }
            let total = dd.year * 12 + (dd.month - 1) + rm
            v.year = total / 12; v.month = total % 12 + 1
            contextYear = v.year; contextMonth = v.month
            if let d = v.day { lastDay = (v.year, v.month, d) }
            return format(v)
        }
        if let rw = v.relWeeks {
            guard let dd = doc else { return Self.ref(rw) }
            let monday = dd.adding(days: 1 - dd.weekday + 7 * rw)
            if let wd = v.weekday {
                let d = monday.adding(days: wd - 1)
                v.year = d.year; v.month = d.month; v.day = d.day; v.weekday = nil
                remember(v)
                return format(v)
            }
            let (wy, wn) = monday.isoWeek
            return String(format4(wy)) + "-W" + two(wn) + (v.weekend ? "-WE" : "")
        }
        if v.weekend {
            guard let dd = doc else { return "XXXX-WXX-WE" }
            let (wy, wn) = dd.isoWeek
            return format4(wy) + "-W" + two(wn) + "-WE"
        }
        if let wd = v.weekday, v.month == nil, v.day == nil {
            return "XXXX-WXX-\(wd)" + timeSuffix(v)
        }
        // A clock or part of day without a date takes the date in context.
        if !v.hasDate {
            if let last = lastDay { v.year = last.year; v.month = last.month; v.day = last.day }
            return format(v)
        }
        // Calendar dates: fill the year (and, for a bare day, the month).
        if v.year == nil && (v.month != nil || v.day != nil || v.quarter != nil || v.half != nil || v.week != nil) {
            if v.month == nil && v.day != nil, let m = contextMonth, contextYear != nil || lastDay != nil {
                v.month = m                                  // 11日 after 3月10日: the month in context
                v.year = contextYear ?? lastDay?.year
            } else if let y = contextYear {
                v.year = y
            }
            if v.year == nil, let dd = doc {
                inferYear(&v, from: dd)
            } else if v.year == nil && v.month == nil && v.day != nil, let m = contextMonth {
                v.month = m
            }
        }
        if v.weekdayOrdinal != nil { placeNthWeekday(&v) }
        // Only a written year governs later dates; one inferred from the document date does not.
        if v.yearWritten, v.year != nil { contextYear = v.year }
        if v.month != nil { contextMonth = v.month }
        remember(v)
        return format(v)
    }

    /// The year a reader gives a date without one (see the type's comment).
    private func inferYear(_ v: inout TemporalValue, from dd: CivilDate) {
        let limit = dd.adding(days: DateResolver.periodAheadDays)
        if let m = v.month {
            if m == 2, v.day == 29 {
                // 2月29日: the nearest leap year (the earlier of two as near).
                v.year = stride(from: 0, through: 4, by: 1).lazy.flatMap { [dd.year - $0, dd.year + $0] }
                    .first { CivilDate.isLeap($0) }
                return
            }
            let own = CivilDate(year: dd.year, month: m, day: v.day ?? 1)   // a month alone: its first day
            guard own.isValid else { return }
            let gap = own.dayNumber - dd.dayNumber
            if gap > DateResolver.aheadDays { v.year = dd.year - 1 }          // 12月19日 in a February paper
            else if gap < -DateResolver.behindDays { v.year = dd.year + 1 }   // 1月3日 in a late-December one
            else { v.year = dd.year }
        } else if let w = v.week {
            // The week's Monday: week 1 holds 4 January.
            let (isoYear, _) = dd.isoWeek
            let jan4 = CivilDate(year: isoYear, month: 1, day: 4)
            let monday = jan4.adding(days: 1 - jan4.weekday + 7 * (w - 1))
            v.year = monday <= limit ? isoYear : isoYear - 1
        } else if let q = v.quarter {
            let start = CivilDate(year: dd.year, month: ((v.quarterFrom ?? q) - 1) * 3 + 1, day: 1)
            v.year = start <= limit ? dd.year : dd.year - 1
        } else if let h = v.half {
            let start = CivilDate(year: dd.year, month: h == 1 ? 1 : 7, day: 1)
            v.year = start <= limit ? dd.year : dd.year - 1
        } else if let d = v.day {
            // A bare day (29日) is in the document's month, or else the month before.
            var y = dd.year, m = dd.month
            for _ in 0..<14 {
                let c = CivilDate(year: y, month: m, day: d)
                if c.isValid { v.year = y; v.month = m; return }
                m -= 1
                if m < 1 { m = 12; y -= 1 }
            }
        }
    }

    /// 十月的第一个星期一: the day, once the year is known.
    private func placeNthWeekday(_ v: inout TemporalValue) {
        guard let y = v.year, let m = v.month, let wd = v.weekday, let nth = v.weekdayOrdinal,
              let d = HolidayCalendar.nthWeekday(year: y, month: m, nth: nth, weekday: wd) else { return }
        v.day = d.day; v.weekday = nil; v.weekdayOrdinal = nil
    }

    private mutating func remember(_ v: TemporalValue) {
        if let d = v.day { lastDay = (v.year, v.month, d) }
    }

    static func ref(_ n: Int) -> String { n == 0 ? "PRESENT_REF" : (n < 0 ? "PAST_REF" : "FUTURE_REF") }

    func format4(_ y: Int) -> String {
        var out: [UInt8] = []
        TimexBytes.year(y, &out)
        return String(decoding: out, as: UTF8.self)
    }
    func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }

    func timeSuffix(_ v: TemporalValue) -> String {
        var out: [UInt8] = []
        TimexBytes.time(v, &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// TIMEX3 value of a (partly) resolved value (built as bytes: one String per value).
    func format(_ v: TemporalValue) -> String {
        var o: [UInt8] = []
        o.reserveCapacity(24)
        let timeless = v.hour == nil && v.partOfDay == nil
        if let q = v.quarter, let f = v.quarterFrom, f < q {
            // 前三季度: the span of quarters, as (first,last,duration).
            o.append(UInt8(ascii: "(")); TimexBytes.year(v.year, &o); TimexBytes.put("-Q", &o); TimexBytes.digit(f, &o)
            o.append(UInt8(ascii: ",")); TimexBytes.year(v.year, &o); TimexBytes.put("-Q", &o); TimexBytes.digit(q, &o)
            TimexBytes.put(",P", &o); TimexBytes.digit(3 * (q - f + 1), &o); TimexBytes.put("M)", &o)
            return String(decoding: o, as: UTF8.self)
        }
        if let w = v.week { TimexBytes.year(v.year, &o); TimexBytes.put("-W", &o); TimexBytes.two(w, &o) }
        else if let q = v.quarter { TimexBytes.year(v.year, &o); TimexBytes.put("-Q", &o); TimexBytes.digit(q, &o) }
        else if let h = v.half { TimexBytes.year(v.year, &o); TimexBytes.put("-H", &o); TimexBytes.digit(h, &o) }
        else if let s = v.season {
            TimexBytes.year(v.year, &o)
            switch s { case 1: TimexBytes.put("-SP", &o); case 2: TimexBytes.put("-SU", &o)
            case 3: TimexBytes.put("-FA", &o); default: TimexBytes.put("-WI", &o) }
        }
        else if let d = v.day {
            TimexBytes.year(v.year, &o); o.append(TimexBytes.dash); TimexBytes.two(v.month, &o)
            o.append(TimexBytes.dash); TimexBytes.two(d, &o)
        }
        else if let m = v.month {
            // A time needs a day: 2022年3月 下午 stays at month precision; a clock gets -XX.
            TimexBytes.year(v.year, &o); o.append(TimexBytes.dash); TimexBytes.two(m, &o)
            if v.hour == nil { return String(decoding: o, as: UTF8.self) }
            TimexBytes.put("-XX", &o)
        }
        else if v.year != nil {
            TimexBytes.year(v.year, &o)
            if v.hour == nil { return String(decoding: o, as: UTF8.self) }
            TimexBytes.put("-XX-XX", &o)
        }
        else { TimexBytes.put("XXXX-XX-XX", &o) }
        if !timeless { TimexBytes.time(v, &o) }
        return String(decoding: o, as: UTF8.self)
    }
}

/// Pieces of TIMEX3 values written as bytes.
enum TimexBytes {
    /// ASCII text as it is ("-W", "XXXX").
    @inline(__always) static func put(_ s: StaticString, _ o: inout [UInt8]) {
        o.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// The last decimal digit of `x` (Q3, H1).
    @inline(__always) static func digit(_ x: Int, _ o: inout [UInt8]) { o.append(UInt8(Int(zero) + x % 10)) }

    @inline(__always) static var zero: UInt8 { UInt8(ascii: "0") }
    @inline(__always) static var dash: UInt8 { UInt8(ascii: "-") }

    static func year(_ y: Int?, _ o: inout [UInt8]) {
        guard let y else { put("XXXX", &o); return }
        if y < 0 { o.append(dash) }
        let a = abs(y)
        if a >= 10000 { o += Array(String(a).utf8); return }
        o += [zero + UInt8(a / 1000), zero + UInt8(a / 100 % 10), zero + UInt8(a / 10 % 10), zero + UInt8(a % 10)]
    }

    static func two(_ x: Int?, _ o: inout [UInt8]) {
        guard let x, x >= 0 else { put("XX", &o); return }
        if x >= 100 { o += Array(String(x).utf8); return }
        o += [zero + UInt8(x / 10), zero + UInt8(x % 10)]
    }

    static func time(_ v: TemporalValue, _ o: inout [UInt8]) {
        if let h = v.hour {
            o.append(UInt8(ascii: "T")); two(h, &o); o.append(UInt8(ascii: ":")); two(v.minute ?? 0, &o)
            if let s = v.second { o.append(UInt8(ascii: ":")); two(s, &o) }
        } else if let p = v.partOfDay {
            o.append(UInt8(ascii: "T")); o += Array(p.rawValue.utf8)
        }
    }
}
