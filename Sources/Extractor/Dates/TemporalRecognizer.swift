import Normalizer

/// A date or time as written: each field set only when the text says it.
/// Partial until `DateResolver` fills in what the context or document date gives.
struct TemporalValue: Sendable, Equatable {
    // Stored as Int16 (a year fits; so does every offset) so the value stays ~60 bytes of
    // plain data: it is copied on every parse step of the date scanner.
    private var _year: Int16?
    var year: Int? {
        get { _year.map(Int.init) }
        set { _year = newValue.map { Int16(clamping: $0) } }
    }
    private var _month: Int16?
    var month: Int? {
        get { _month.map(Int.init) }
        set { _month = newValue.map { Int16(clamping: $0) } }
    }
    private var _day: Int16?
    var day: Int? {
        get { _day.map(Int.init) }
        set { _day = newValue.map { Int16(clamping: $0) } }
    }
    private var _quarter: Int16?
    var quarter: Int? {
        get { _quarter.map(Int.init) }
        set { _quarter = newValue.map { Int16(clamping: $0) } }
    }
    private var _half: Int16?
    var half: Int? {
        get { _half.map(Int.init) }
        set { _half = newValue.map { Int16(clamping: $0) } }
    }
    /// ISO week of the year (第48周 → W48).
    private var _week: Int8?          // 1…53: one byte keeps the value's size
    var week: Int? {
        get { _week.map(Int.init) }
        set { _week = newValue.map { Int8(clamping: $0) } }
    }
    private var _weekday: Int16?
    var weekday: Int? {
        get { _weekday.map(Int.init) }
        set { _weekday = newValue.map { Int16(clamping: $0) } }
    }
    private var _hour: Int16?
    var hour: Int? {
        get { _hour.map(Int.init) }
        set { _hour = newValue.map { Int16(clamping: $0) } }
    }
    private var _minute: Int16?
    var minute: Int? {
        get { _minute.map(Int.init) }
        set { _minute = newValue.map { Int16(clamping: $0) } }
    }
    private var _second: Int16?
    var second: Int? {
        get { _second.map(Int.init) }
        set { _second = newValue.map { Int16(clamping: $0) } }
    }
    private var _relDays: Int16?
    var relDays: Int? {
        get { _relDays.map(Int.init) }
        set { _relDays = newValue.map { Int16(clamping: $0) } }
    }
    private var _relYears: Int16?
    var relYears: Int? {
        get { _relYears.map(Int.init) }
        set { _relYears = newValue.map { Int16(clamping: $0) } }
    }
    private var _relMonths: Int16?
    var relMonths: Int? {
        get { _relMonths.map(Int.init) }
        set { _relMonths = newValue.map { Int16(clamping: $0) } }
    }
    private var _relWeeks: Int16?
    var relWeeks: Int? {
        get { _relWeeks.map(Int.init) }
        set { _relWeeks = newValue.map { Int16(clamping: $0) } }
    }
    var partOfDay: PartOfDay?
    var anaphoric = false
    var weekend = false
    var reference: TemporalReference?
    /// The year was written (not inferred): later dates take it.
    var yearWritten = false
    var hasRelative: Bool { relDays != nil || relYears != nil || relMonths != nil || relWeeks != nil || anaphoric }
    var hasDate: Bool { year != nil || month != nil || day != nil || quarter != nil || half != nil || week != nil
        || weekday != nil || relDays != nil || relYears != nil || relMonths != nil || relWeeks != nil || weekend }
}

/// TIMEX3 parts of day. A plain enum (not a String) keeps `TemporalValue` plain data:
/// copying it costs no reference counting on the hot path.
enum PartOfDay: String, Sendable, ExpressibleByStringLiteral {
    case MO, MI, AF, EV, NI, DT
    init(stringLiteral s: String) { self = PartOfDay(rawValue: s) ?? .DT }
}

/// TIMEX3 values for times relative to an unknown "now", and the daily set.
enum TemporalReference: String, Sendable, ExpressibleByStringLiteral {
    case present = "PRESENT_REF", past = "PAST_REF", future = "FUTURE_REF", daily = "XXXX-XX-XX"
    init(stringLiteral s: String) { self = TemporalReference(rawValue: s) ?? .present }
}

/// One date/time mention in cleaned coordinates.
struct TemporalMention {
    var start: Int
    var end: Int
    var value: TemporalValue
    /// The second end of a range inherits unwritten fields from the first.
    var inheritsFromPrevious = false
    var rule: StaticString
}

/// Finds dates, times, parts of day and relative time words in a cleaned buffer.
///
///     "截至 3 月 15 日 19 时" → month 3, day 15, hour 19
///     "3 月 13 日下午"        → month 3, day 13, part of day AF
///     "上午 10 点到晚 9 点"    → T10:00 and T21:00 (two mentions)
struct TemporalRecognizer {
    let source: SourceText
    /// The tables, read through one reference (see `Lexicon`).
    let lex = Lexicon.shared

    static let nian: UInt32 = 0x5E74, yue: UInt32 = 0x6708, ri: UInt32 = 0x65E5   // 年 月 日
    static let hao: UInt32 = 0x53F7, haoT: UInt32 = 0x865F                         // 号 號
    static let shi: UInt32 = 0x65F6, shiT: UInt32 = 0x6642                         // 时 時
    static let dian: UInt32 = 0x70B9, dianT: UInt32 = 0x9EDE                       // 点 點
    static let fen: UInt32 = 0x5206, miao: UInt32 = 0x79D2, ke: UInt32 = 0x523B    // 分 秒 刻
    static let ban: UInt32 = 0x534A, zheng: UInt32 = 0x6574, du: UInt32 = 0x5EA6   // 半 整 度
    static let ge: UInt32 = 0x4E2A, geT: UInt32 = 0x500B                           // 个 個
    static let ji: UInt32 = 0x5B63                                                 // 季

    /// Characters that may begin a temporal expression.
    static let triggers: ScalarSet = {
        var s: [UInt32] = Array(0x30...0x39)
        for c in 0x3000..<0xA000 where NumeralTable.role(UInt32(c)) != nil { s.append(UInt32(c)) }
        s += TemporalTable.relatives.compactMap { $0.0.first }
        s += TemporalTable.partsOfDay.compactMap { $0.0.first }
        s += TemporalTable.holidays.compactMap { $0.0.first }
        s += TemporalTable.eras.compactMap { $0.0.first }
        s += TemporalTable.weekdayPrefixes.compactMap { $0.first }
        s += "民农農正腊臘冬大上下前第".unicodeScalars.map { $0.value }
        return ScalarSet(s)
    }()

    func run() -> [TemporalMention] {
        var out: [TemporalMention] = []
        source.scalars.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            var inTitle = false      // inside 《…》: a title (《明日之后》) names no date
            let triggers = lex.temporalTriggers
            while i < n {
                let c = b[i]
                if !triggers.contains(c) {
                    if c == 0x300A { inTitle = true } else if c == 0x300B { inTitle = false }
                    i += 1; continue
                }
                if inTitle && !QuantityRecognizer.isDigit(c) { i += 1; continue }
                if let next = attempt(b, at: i, into: &out) {
                    i = max(next, i + 1)
                } else if QuantityRecognizer.isDigit(c) {
                    var k = i
                    while k < n && (QuantityRecognizer.isDigit(b[k]) || b[k] == 0x2E || b[k] == 0x2C) { k += 1 }
                    i = max(k, i + 1)
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    // MARK: - One expression

    /// A date, part of day and clock at `i`, possibly followed by a range's second end.
    func attempt(_ b: UnsafeBufferPointer<UInt32>, at i: Int, into out: inout [TemporalMention]) -> Int? {
        let n = b.count
        // A word start must begin a temporal word (two-character check), except 早/晚 before a clock.
        if !QuantityRecognizer.isNumeralStart(b[i]) {
            guard i + 1 < n else { return nil }
            let pair = UInt64(b[i]) << 32 | UInt64(b[i + 1])
            let singlePartOfDay = (b[i] == 0x65E9 || b[i] == 0x665A) && QuantityRecognizer.isNumeralStart(b[i + 1])
            let firstQuarters = b[i] == 0x524D && QuantityRecognizer.isNumeralStart(b[i + 1])    // 前三季度
            let weekOfYear = b[i] == 0x7B2C && (QuantityRecognizer.isDigit(b[i + 1])              // 第48周
                || (i > 0 && b[i - 1] == TemporalRecognizer.nian))                                   // 2022年第十周
            guard singlePartOfDay || firstQuarters || weekOfYear || (lex.bigramSeconds.contains(b[i + 1]) && lex.bigrams.contains(pair))
            else { return nil }
        }
        // A numeral is part of a date or time only if a date/time character follows it
        // (or it is a numeric date or clock: 2022-03-11, 12/1, 08:30).
        if QuantityRecognizer.isNumeralStart(b[i]) && !lex.eraFirsts.contains(b[i]) {
            if !numeralMayBeTemporal(b, at: i) { return nil }
        }
        // Left context: codes, ordinals.
        if i > 0 {
            let p = b[i - 1]
            if QuantityRecognizer.isDigit(b[i]) && (QuantityRecognizer.isLatin(p) || QuantityRecognizer.isDigit(p)) { return nil }
            if p == 0x7B2C && NumeralTable.role(b[i]) != nil { return nil }   // 第三季度 is handled at 第
        }
        guard let (v, j0, rule) = readExpression(b, at: i, inherit: nil) else {
            if let (low, high, end) = readBareRangeStart(b, at: i) {
                out.append(low); out.append(high)
                return end
            }
            return nil
        }
        var j = j0
        // 12月4日0—24时: a date then a bare clock range. The first hour joins the date, as
        // one time (12月4日0 → XXXX-12-04T00:00); the second end is a time of that day.
        if v.hasDate, v.hour == nil, v.partOfDay == nil, j < n, QuantityRecognizer.isDigit(b[j]),
           let (low, high, end) = readBareRangeStart(b, at: j), let h = low.value.hour {
            var first = v
            first.hour = h
            out.append(TemporalMention(start: i, end: low.end, value: first, rule: rule))
            out.append(high)
            return end
        }
        // 11 点多: the 多 belongs to the mention.
        if v.hour != nil, j < n, b[j] == 0x591A || b[j] == 0x8BB8 { j += 1 }
        out.append(TemporalMention(start: i, end: j, value: v, rule: rule))
        // A range: 8时至16时, 上午 10 点到晚 9 点, 11月3日-10日, 1-7月.
        if let (second, end) = readRangeEnd(b, from: j, first: v) {
            out.append(second)
            j = end
        }
        return j
    }

    /// A cheap look-ahead over the numeral at `i`: does a date or time character follow it,
    /// directly or after a range connector and a second numeral (8至16时, 1-7月)?
    func numeralMayBeTemporal(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> Bool {
        let n = b.count
        var k = i, seps = 0, colon = false, slash = false
        func run() {
            while k < n && k - i < 32 {
                let c = b[k]
                if QuantityRecognizer.isNumeralStart(c) || c == 0x20 { k += 1; continue }
                if (c == 0x2D || c == 0x2F || c == 0x2E || c == 0x3A) && k + 1 < n && QuantityRecognizer.isDigit(b[k + 1]) {
                    if c == 0x3A { colon = true }
                    if c == 0x2F { slash = true }
                    seps += 1; k += 1; continue
                }
                break
            }
        }
        run()
        if colon || seps >= 2 || slash { return true }
        guard k < n else { return false }
        if lex.dateCharacters.contains(b[k]) { return true }
        if lex.rangeConnectors.contains(b[k]) {
            k += 1
            if k < n, b[k] == 0x2014 { k += 1 }
            run()
            return k < n && lex.dateCharacters.contains(b[k])
        }
        return false
    }

    /// Date part, then part of day, then clock. `inherit` gives the first end of a range.
    func readExpression(_ b: UnsafeBufferPointer<UInt32>, at i: Int, inherit: TemporalValue?)
        -> (TemporalValue, Int, StaticString)? {
        var v = TemporalValue()
        var j = i
        var rule: StaticString = "none"
        if let (dv, e, r) = readDate(b, at: j) {
            v = dv; j = e; rule = r
        }
        if let (pod, shift, e) = readPartOfDay(b, at: j) {
            // A lone 早/晚 is a part of day only before a clock (晚 9 点).
            let single = e - j == 1
            if !single || readClock(b, at: e) != nil {
                v.partOfDay = pod
                j = e
                if let (h, m, s, e2) = readClock(b, at: j) {
                    v.hour = adjust(h, shift: shift, pod: pod); v.minute = m; v.second = s; j = e2
                }
                if v.hasDate == false { rule = "part-of-day" }
            }
        } else if let (h, m, s, e) = readClock(b, at: j) {
            var shift = 0
            if let p = v.partOfDay, let entry = lex.partsOfDay.first(where: { $0.1 == p }) { shift = entry.2 }
            if let inh = inherit, let p = inh.partOfDay, v.partOfDay == nil, !v.hasDate,
               let entry = lex.partsOfDay.first(where: { $0.1 == p }) { shift = entry.2 }
            v.hour = adjust(h, shift: shift, pod: v.partOfDay ?? inherit?.partOfDay); v.minute = m; v.second = s
            j = e
            if v.hasDate == false { rule = "clock" }
        }
        guard j > i else { return nil }
        // A part of day alone (下午, 晚上) is reported when written with two characters or more.
        if !v.hasDate && v.hour == nil && v.reference == nil && v.partOfDay == nil { return nil }
        return (v, j, rule)
    }

    /// 下午 3 点 → 15; 晚上 12 点 → 0 (midnight) is left as 24; 凌晨/上午 keep the hour.
    func adjust(_ h: Int, shift: Int, pod: PartOfDay?) -> Int {
        if shift == 12 && h < 12 {
            if pod == "MI" && h <= 2 { return h + 12 }
            if pod == "MI" { return h }
            return h + 12
        }
        return h
    }

    // MARK: - Dates

    func readDate(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        let c = b[i]
        // Relative words (今天, 上周三, 去年5月, 本月十日).
        if lex.relativeFirsts.contains(c), let (rel, e) = matchRelative(b, at: i) {
            var v = TemporalValue()
            v.relDays = rel.days; v.relYears = rel.years; v.relMonths = rel.months; v.relWeeks = rel.weeks
            v.anaphoric = rel.anaphoric; v.reference = rel.reference; v.partOfDay = rel.partOfDay
            v.weekend = rel.weekend
            var j = e
            if rel.weeks != nil, j < n, b[j] == 0x672B { v.weekend = true; j += 1 }          // 下周末
            else if rel.weeks != nil, j < n, let wd = TemporalTable.weekday(b[j]) { v.weekday = wd; j += 1 }
            else if rel.weeks != nil, j + 1 < n, matchWeekdayPrefix(b, at: j) != nil,
                    let k = matchWeekdayPrefix(b, at: j), k < n, let wd = TemporalTable.weekday(b[k]) { v.weekday = wd; j = k + 1 }
            if rel.years != nil, let (mv, e2) = readMonthDay(b, at: j) {
                v.month = mv.month; v.day = mv.day; j = e2
            } else if rel.years != nil, let (q, h, e2) = readQuarterOrHalf(b, at: j) {
                v.quarter = q; v.half = h; j = e2
            } else if rel.months != nil, let (d, e2) = readDay(b, at: j) {
                v.day = d; j = e2
            }
            return (v, j, "relative")
        }
        // Weekdays: 星期三, 周三, 礼拜天.
        if let k = matchWeekdayPrefix(b, at: i), k < n, let wd = TemporalTable.weekday(b[k]) {
            if k + 1 < n, b[k + 1] == 0x5E74 { return nil }     // 周年
            var v = TemporalValue(); v.weekday = wd
            return (v, k + 1, "weekday")
        }
        // Holidays with fixed dates.
        if lex.holidayFirsts.contains(c) {
            for (w, m, d) in lex.holidays where i + w.count <= n {
                var ok = true
                for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
                if ok { var v = TemporalValue(); v.month = m; v.day = d; return (v, i + w.count, "holiday") }
            }
        }
        // Era years: 民國111年 (2022), 康熙二十年 (1681), 神龙元年 (705).
        if lex.eraFirsts.contains(c) {
            for (w, first) in lex.eras where i + w.count + 1 < n {
                var ok = true
                for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
                guard ok else { continue }
                let k = i + w.count
                var year: Int? = nil, e = k
                if b[k] == 0x5143, b[k + 1] == TemporalRecognizer.nian { year = 1; e = k + 1 }     // 元年
                else if let p = NumeralParser.parse(b, at: k), p.value.isInteger, let y = p.value.intValue,
                        y >= 1, y < 200, p.end < n, b[p.end] == TemporalRecognizer.nian { year = y; e = p.end }
                if let y = year {
                    var v = TemporalValue(); v.year = first + y - 1; v.yearWritten = true
                    return completeYear(v, b, at: e + 1, rule: "era-year")
                }
            }
        }
        // 第48周, 2022年第十周: a week of the year (ISO). 第一周 alone is the first week of
        // anything (开学第一周), so a Chinese numeral needs a year right before it.
        if c == 0x7B2C, i + 2 < b.count, let (w, e) = readSmall(b, at: i + 1, max: 53), w >= 1, e < b.count,
           b[e] == 0x5468, !(e + 1 < b.count && (b[e + 1] == TemporalRecognizer.nian || b[e + 1] == 0x5C81)),
           QuantityRecognizer.isDigit(b[i + 1]) || (i > 0 && b[i - 1] == TemporalRecognizer.nian) {
            var v = TemporalValue(); v.week = w
            return (v, e + 1, "week-of-year")
        }
        // 第一季度, 第三季度; 前三季度 (the first three quarters, reported by their last: Q3)
        if c == 0x7B2C || c == 0x524D, let (q, h, e) = readQuarterOrHalf(b, at: i) {
            var v = TemporalValue(); v.quarter = q; v.half = h
            return (v, e, "quarter")
        }
        if let r = readNumericDate(b, at: i) { return r }
        return readChineseDate(b, at: i)
    }

    func matchRelative(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (TemporalTable.Relative, Int)? {
        let n = b.count
        guard let candidates = lex.relativesByFirst[b[i]] else { return nil }
        for idx in candidates {
            let w = lex.relatives[idx].0
            guard i + w.count <= n else { continue }
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok {
                // 出现在 is not 现在; 当晚上 is 当 + 晚上 (the clock after it is read with 晚上).
                if i > 0, lex.relativeLeftBlockers.contains(b[i - 1]), w.first == 0x73B0 || w.first == 0x73FE { return nil }
                let rel = lex.relatives[idx].1
                if rel.anaphoric, rel.partOfDay != nil, i + w.count < n, b[i + w.count] == 0x4E0A { return nil }
                return (rel, i + w.count)
            }
        }
        return nil
    }

    func matchWeekdayPrefix(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> Int? {
        let n = b.count
        for w in lex.weekdayPrefixes where i + w.count < n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok { return i + w.count }
        }
        return nil
    }

    /// YYYY-MM-DD, YYYY/M/D, YYYY.M.D (with an optional hh:mm[:ss] after a space or T),
    /// D-M-YYYY, M/D/YY, YY-M-D, and M/D when the day is smaller than the month (12/1).
    func readNumericDate(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        guard QuantityRecognizer.isDigit(b[i]) else { return nil }
        var groups: ((Int, Int), (Int, Int), (Int, Int)) = ((0, 0), (0, 0), (0, 0))   // (value, digits)
        var count = 0
        var k = i
        var sep: UInt32 = 0
        while k < n, count < 3 {
            var v = 0, d = 0
            while k < n, QuantityRecognizer.isDigit(b[k]), d < 5 { v = v * 10 + Int(b[k] - 0x30); k += 1; d += 1 }
            guard d > 0 else { return nil }
            switch count { case 0: groups.0 = (v, d); case 1: groups.1 = (v, d); default: groups.2 = (v, d) }
            count += 1
            guard count < 3, k + 1 < n, QuantityRecognizer.isDigit(b[k + 1]) else { break }
            let s = b[k]
            guard s == 0x2D || s == 0x2F || s == 0x2E else { break }
            if sep == 0 { sep = s } else if s != sep { break }
            k += 1
        }
        if k < n, UnitTable.isLatinOrDigit(b[k]) { return nil }
        var v = TemporalValue()
        if count == 3 {
            let (a, ad) = groups.0, (m, _) = groups.1, (c, cd) = groups.2
            // 3.2.1 is a version: dotted dates need a four-digit year.
            if sep == 0x2E && ad != 4 && cd != 4 { return nil }
            if ad == 4 { v.year = a; v.month = m; v.day = c }
            else if cd == 4 { v.year = c; if a > 12 || sep == 0x2D || sep == 0x2E { v.month = m; v.day = a } else if m > 12 { v.month = a; v.day = m } else { v.month = m; v.day = a } }
            else if a > 31 || (ad == 2 && a > 12 && c <= 31 && sep == 0x2D) {
                v.year = 2000 + a; v.month = m; v.day = c        // 27-7-3
            } else if sep == 0x2F && a <= 12 && m > 12 {
                v.year = twoDigitYear(c); v.month = a; v.day = m  // 10/31/74
            } else {
                v.year = twoDigitYear(c); v.month = m; v.day = a  // 3-7-07
            }
            if cd == 2 && ad != 4 && !(a > 31 || (ad == 2 && a > 12 && sep == 0x2D)) { v.year = twoDigitYear(c) }
        } else if count == 2, sep == 0x2F {
            let (a, _) = groups.0, (c, _) = groups.1
            guard a <= 12, c >= 1, c < a || c > 12 else { return nil }   // 12/1 is a date, 1/2 a fraction
            v.month = a; v.day = c
        } else {
            return nil
        }
        guard let m = v.month, (1...12).contains(m), let d = v.day, (1...31).contains(d) else { return nil }
        v.yearWritten = v.year != nil
        var j = k
        // A time after the date: "2023-08-04 13:07:33", "2010.01.29晚上六点" (part of day is read later).
        if j + 1 < n, b[j] == 0x20 || b[j] == 0x54, let (h, mi, s, e) = readColonClock(b, at: j + 1) {
            v.hour = h; v.minute = mi; v.second = s; j = e
        }
        return (v, j, "numeric-date")
    }

    func twoDigitYear(_ y: Int) -> Int { y >= 100 ? y : (y <= 40 ? 2000 + y : 1900 + y) }

    /// 2022年3月11日, 二〇二二年三月十一日, 两千零四年八月十五, 3月, 6月份, 11日, 12号, 2016年度, 一季度.
    func readChineseDate(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        // Year: a number followed by 年.
        if let (y, e) = readYear(b, at: i) {
            var v = TemporalValue(); v.year = y; v.yearWritten = true
            return completeYear(v, b, at: e, rule: "year")
        }
        if let (mv, e) = readMonthDay(b, at: i) {
            return (mv, e, mv.day != nil && mv.month == nil ? "day" : "month-day")
        }
        if let (q, h, e) = readQuarterOrHalf(b, at: i) {
            var v = TemporalValue(); v.quarter = q; v.half = h
            return (v, e, "quarter")
        }
        _ = n
        return nil
    }

    /// After a year: 度, a month and day, a quarter or half (2022年一季度, 今年上半年), 底/初.
    func completeYear(_ v0: TemporalValue, _ b: UnsafeBufferPointer<UInt32>, at e0: Int, rule: StaticString)
        -> (TemporalValue, Int, StaticString) {
        var v = v0, e = e0
        let n = b.count
        if e < n, b[e] == TemporalRecognizer.du { e += 1 }          // 2016年度
        if let (mv, e2) = readMonthDay(b, at: e), mv.month != nil {
            v.month = mv.month; v.day = mv.day; e = e2
        } else if let (q, h, e2) = readQuarterOrHalf(b, at: e) {
            v.quarter = q; v.half = h; e = e2
        } else {
            e = skipPeriodSuffix(b, at: e)
        }
        return (v, e, rule)
    }

    /// A year: four Arabic digits, two with a leading zero (08年), Chinese digits one by one
    /// (二〇二二, 零八), or a Chinese numeral from 1000 to 2999 (两千零四). Then 年.
    func readYear(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (Int, Int)? {
        let n = b.count
        guard let p = NumeralParser.parse(b, at: i), p.low == nil, p.value.isInteger,
              let y = p.value.intValue, p.end < n, b[p.end] == TemporalRecognizer.nian else { return nil }
        let e = p.end + 1
        // 年级, 年代, 年龄 are not years; 年底/年初 are.
        if e < n, [0x7EA7, 0x4EE3, 0x9F84, 0x8F7B].contains(b[e]) { return nil }
        if p.hasArabic && !p.hasChinese {
            if p.arabicIntegerDigits == 4 && (1000...2999).contains(y) { return (y, e) }
            // 08年: two digits with a leading zero, or any two digits before a month.
            if p.arabicIntegerDigits == 2 {
                if b[i] == 0x30 { return (2000 + y, e) }
                if let (mv, _) = readMonthDay(b, at: e), mv.month != nil { return (twoDigitYear(y), e) }
            }
            return nil
        }
        if p.isDigitSequence || p.isShortSequence {
            let digits = p.end - p.start
            if digits == 4 { return (y, e) }
            if digits == 2 { return (twoDigitYear(y), e) }
            return nil
        }
        if p.hasChinese && (1000...2999).contains(y) { return (y, e) }
        return nil
    }

    /// 3月, 三月, 6月份, 3月11日, 八月十五, 正月初一, 11日, 12号, 3月底.
    func readMonthDay(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (TemporalValue, Int)? {
        let n = b.count
        guard i < n else { return nil }
        var v = TemporalValue()
        var j = i
        // Lunar month names.
        if j + 1 < n, b[j + 1] == TemporalRecognizer.yue, [0x6B63, 0x814A, 0x81D8, 0x51AC].contains(b[j]) {
            v.month = b[j] == 0x6B63 ? 1 : (b[j] == 0x51AC ? 11 : 12)   // 正 腊 臘 冬
            j += 2
        } else if let (m, e) = readSmall(b, at: j, max: 12), m >= 1, e < n, b[e] == TemporalRecognizer.yue {
            if j > 0, b[j - 1] == TemporalRecognizer.ge || b[j - 1] == TemporalRecognizer.geT { return nil }
            if e + 1 < n, [0x5EA6, 0x5B63].contains(b[e + 1]) && false { return nil }
            v.month = m
            j = e + 1
        }
        if v.month != nil {
            if j < n, b[j] == 0x4EFD { j += 1 }                        // 6月份
            if let (d, e) = readDay(b, at: j) { v.day = d; j = e }
            else if let (d, e) = readLunarDay(b, at: j) { v.day = d; j = e }
            else if let (d, e) = readSmall(b, at: j, max: 31), d >= 1, NumeralTable.role(b[j]) != nil,
                    !(e < n && (lex.unit(b, at: e) != nil || b[e] == TemporalRecognizer.shi
                                || b[e] == TemporalRecognizer.dian || b[e] == TemporalRecognizer.fen
                                || NumeralTable.role(b[e]) != nil)) {
                v.day = d; j = e                                        // 八月十五
            } else {
                j = skipPeriodSuffix(b, at: j)
            }
            return (v, j)
        }
        if let (d, e) = readDay(b, at: i) {
            v.day = d
            return (v, e)
        }
        return nil
    }

    /// 11日, 12号 (not 12号线), 初一.
    func readDay(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (Int, Int)? {
        let n = b.count
        guard i < n, let (d, e) = readSmall(b, at: i, max: 31), d >= 1, e < n else { return nil }
        let c = b[e]
        if c == TemporalRecognizer.ri {
            // 持续 11 日 is a duration (the quantity recognizer reports it); 三日 after no month too.
            if !(i > 0 && b[i - 1] == TemporalRecognizer.yue) {
                if lex.hasDurationContext(b, before: i) { return nil }
                if NumeralTable.role(b[i]) != nil { return nil }
            }
            if e + 1 < n, [0x62A5, 0x672C, 0x5E38].contains(b[e + 1]) { return nil }   // 日报 日本 日常
            return (d, e + 1)
        }
        if c == TemporalRecognizer.hao || c == TemporalRecognizer.haoT {
            if e + 1 < n, lex.haoBlockers.contains(b[e + 1]) { return nil }
            // 6 号至 10 号泊位: the first of a range of numbered things.
            var k = e + 1
            if k < n, b[k] == 0x20 { k += 1 }
            if k < n, lex.rangeConnectors.contains(b[k]) || b[k] == 0x2014 {
                k += 1
                if k < n, b[k] == 0x2014 || b[k] == 0x20 { k += 1 }
                if let (_, e2) = readSmall(b, at: k, max: 9999) {
                    var m = e2
                    if m < n, b[m] == 0x20 { m += 1 }
                    if m + 1 < n, b[m] == TemporalRecognizer.hao || b[m] == TemporalRecognizer.haoT,
                       lex.haoBlockers.contains(b[m + 1]) { return nil }
                }
            }
            return (d, e + 1)
        }
        return nil
    }

    /// 初一 … 初十, and 廿X / 三十 after a lunar month are read by readSmall.
    func readLunarDay(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (Int, Int)? {
        guard i + 1 < b.count, b[i] == 0x521D, let (d, e) = readSmall(b, at: i + 1, max: 10), d >= 1 else { return nil }
        return (d, e)
    }

    /// 一季度, 第三季度, 前三季度 (as Q3 with the range start Q1 left to the writer), 上半年, 下半年.
    func readQuarterOrHalf(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (Int?, Int?, Int)? {
        let n = b.count
        var j = i
        guard j < n else { return nil }
        if j + 2 < n, b[j] == 0x4E0A || b[j] == 0x4E0B, b[j + 1] == TemporalRecognizer.ban, b[j + 2] == TemporalRecognizer.nian {
            return (nil, b[j] == 0x4E0A ? 1 : 2, j + 3)
        }
        if b[j] == 0x7B2C || b[j] == 0x524D { j += 1 }
        guard let (q, e) = readSmall(b, at: j, max: 4), q >= 1, e + 1 < n,
              b[e] == TemporalRecognizer.ji, b[e + 1] == 0x5EA6 else { return nil }
        if j > 0, b[j - 1] == TemporalRecognizer.ge || b[j - 1] == TemporalRecognizer.geT { return nil }
        return (q, nil, e + 2)
    }

    func skipPeriodSuffix(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> Int {
        let n = b.count
        for w in lex.periodSuffixes where i + w.count <= n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok {
                // 年中 / 月中 only as a period end, not 中国 etc.
                if w == [0x4E2D], i + 1 < n, SourceText.isHan(b[i + 1]) && !lex.boundaryAfterSuffix.contains(b[i + 1]) { continue }
                if w == [0x521D], i + 1 < n, NumeralTable.role(b[i + 1]) != nil { continue }   // 初一 is a day
                return i + w.count
            }
        }
        return i
    }

    // MARK: - Parts of day and clocks

    func readPartOfDay(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (PartOfDay, Int, Int)? {
        let n = b.count
        guard i < n, lex.partOfDayFirsts.contains(b[i]) else { return nil }
        for (w, pod, shift) in lex.partsOfDay where i + w.count <= n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok { return (pod, shift, i + w.count) }
        }
        return nil
    }

    /// 19时, 19 时 30 分, 7点半, 三点一刻, 8点15分, 十点整, 08:30, 24时. Not 24 小时, not 三点五 (3.5).
    func readClock(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (Int, Int?, Int?, Int)? {
        let n = b.count
        guard i < n else { return nil }
        if QuantityRecognizer.isDigit(b[i]), let r = readColonClock(b, at: i) { return r }
        guard let (h, e) = readSmall(b, at: i, max: 24), e < n else { return nil }
        let c = b[e]
        let isShi = c == TemporalRecognizer.shi || c == TemporalRecognizer.shiT
        let isDian = c == TemporalRecognizer.dian || c == TemporalRecognizer.dianT
        guard isShi || isDian else { return nil }
        var j = e + 1
        var minute: Int? = nil, second: Int? = nil
        if j < n, b[j] == TemporalRecognizer.ban { minute = 30; j += 1 }
        else if j < n, b[j] == TemporalRecognizer.zheng { minute = 0; j += 1 }
        else if j + 1 < n, let (q, e2) = readSmall(b, at: j, max: 3), e2 < n, b[e2] == TemporalRecognizer.ke { minute = q * 15; j = e2 + 1 }
        else if let (m, e2) = readSmall(b, at: j, max: 59) {
            let zeroLed = b[j] == 0x96F6 || b[j] == 0x3007     // 三点零五
            if e2 < n, b[e2] == TemporalRecognizer.fen, !(e2 + 1 < n && b[e2 + 1] == 0x949F) {
                minute = m; j = e2 + 1                          // 30 分 (not 30 分钟)
                if let (s, e3) = readSmall(b, at: j, max: 59), e3 < n, b[e3] == TemporalRecognizer.miao { second = s; j = e3 + 1 }
            } else if isDian && (zeroLed || m >= 10) && !(e2 < n && (lex.unit(b, at: e2) != nil)) {
                minute = m; j = e2                              // 三点十五, 三点零五
            } else if isDian && NumeralTable.role(b[j]) != nil && !QuantityRecognizer.isDigit(b[j]) {
                return nil                                      // 三点五: a decimal, not a clock
            }
        }
        if isDian && minute == nil && NumeralTable.role(b[i]) != nil && i + 1 < n && b[i + 1] == b[e] {
            // 一点: "a little" unless a part of day or 钟 makes it a clock.
            if h == 1 && !(i > 0 && lex.partOfDayFirsts.contains(b[i - 1])) && !(j < n && b[j] == 0x949F) { return nil }
        }
        if isShi && h == 0 && minute == nil && NumeralTable.role(b[i]) != nil { return nil }
        if j < n, b[j] == 0x949F { j += 1 }                      // 点钟
        return (h, minute, second, j)
    }

    /// 08:30, 13:07:33, 3:15PM, 3pm.
    func readColonClock(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (Int, Int?, Int?, Int)? {
        let n = b.count
        var k = i, h = 0, d = 0
        while k < n, QuantityRecognizer.isDigit(b[k]), d < 2 { h = h * 10 + Int(b[k] - 0x30); k += 1; d += 1 }
        guard d > 0, h <= 24 else { return nil }
        var minute: Int? = nil, second: Int? = nil
        if k + 2 < n, b[k] == 0x3A, QuantityRecognizer.isDigit(b[k + 1]), QuantityRecognizer.isDigit(b[k + 2]) {
            minute = Int(b[k + 1] - 0x30) * 10 + Int(b[k + 2] - 0x30)
            k += 3
            if k + 2 < n, b[k] == 0x3A, QuantityRecognizer.isDigit(b[k + 1]), QuantityRecognizer.isDigit(b[k + 2]) {
                second = Int(b[k + 1] - 0x30) * 10 + Int(b[k + 2] - 0x30)
                k += 3
            }
            guard let m = minute, m < 60 else { return nil }
        }
        // am / pm suffixes (3pm, 3:15PM, 11:30:10 p.m.)
        if minute != nil, k + 4 < n, b[k] == 0x20, b[k + 1] | 0x20 == 0x70 || b[k + 1] | 0x20 == 0x61,
           b[k + 2] == 0x2E, b[k + 3] | 0x20 == 0x6D, b[k + 4] == 0x2E {
            return (b[k + 1] | 0x20 == 0x70 && h < 12 ? h + 12 : h, minute, second, k + 5)
        }
        if k < n, b[k] | 0x20 == 0x70 || b[k] | 0x20 == 0x61 {
            let pm = b[k] | 0x20 == 0x70
            var e = k + 1
            if e < n, b[e] | 0x20 == 0x6D { e += 1 } else if minute == nil { return nil }   // 5A级 is no clock
            if e < n, UnitTable.isLatinOrDigit(b[e]) { return minute == nil ? nil : (h, minute, second, k) }
            return (pm && h < 12 ? h + 12 : h, minute, second, e)
        }
        guard minute != nil else { return nil }
        if k < n, QuantityRecognizer.isDigit(b[k]) { return nil }
        return (h, minute, second, k)
    }

    /// Up to `max`: Arabic (1–4 digits) or a small Chinese numeral (十五, 二十三, 廿七, 两, 〇八).
    func readSmall(_ b: UnsafeBufferPointer<UInt32>, at i: Int, max: Int) -> (Int, Int)? {
        let n = b.count
        guard i < n else { return nil }
        if QuantityRecognizer.isDigit(b[i]) {
            var k = i, v = 0, d = 0
            while k < n, QuantityRecognizer.isDigit(b[k]), d < 4 { v = v * 10 + Int(b[k] - 0x30); k += 1; d += 1 }
            if k < n, QuantityRecognizer.isDigit(b[k]) || (b[k] == 0x2E && k + 1 < n && QuantityRecognizer.isDigit(b[k + 1])) { return nil }
            return v <= max ? (v, k) : nil
        }
        var k = i, v = 0
        switch NumeralTable.role(b[k]) {
        case .tens(let t)?:
            v = t * 10; k += 1
            if k < n, case .digit(let d)? = NumeralTable.role(b[k]), d > 0 { v += d; k += 1 }
        case .smallUnit(1)?:
            v = 10; k += 1
            if k < n, case .digit(let d)? = NumeralTable.role(b[k]), d > 0 { v += d; k += 1 }
        case .digit(let d)?:
            v = d; k += 1
            if k < n, case .smallUnit(1)? = NumeralTable.role(b[k]) {
                v = d * 10; k += 1
                if k < n, case .digit(let e)? = NumeralTable.role(b[k]), e > 0 { v += e; k += 1 }
            } else if d == 0, k < n, case .digit(let e)? = NumeralTable.role(b[k]) {
                v = e; k += 1                                  // 〇八
            }
        default:
            return nil
        }
        if k < n, NumeralTable.isAmbiguousDigit(b[i]) && k == i + 1 { return nil }
        return v <= max ? (v, k) : nil
    }

    // MARK: - Ranges

    /// The second end of a range after a connector: 至 到 - — ~ (8时至16时, 11月3日-10日).
    func readRangeEnd(_ b: UnsafeBufferPointer<UInt32>, from j: Int, first f: TemporalValue)
        -> (TemporalMention, Int)? {
        let n = b.count
        guard j + 1 < n else { return nil }
        let c = b[j]
        guard c == 0x81F3 || c == 0x5230 || c == 0x2D || c == 0x2014 || c == 0x2013 || c == 0x7E || c == 0x301C else { return nil }
        var k = j + 1
        if c == 0x2014, k < n, b[k] == 0x2014 { k += 1 }
        var second = readExpression(b, at: k, inherit: f)
        if second == nil, f.day != nil, let (d, e2) = readSmall(b, at: k, max: 31), d >= 1, e2 < n,
           b[e2] == TemporalRecognizer.ri || b[e2] == TemporalRecognizer.hao || b[e2] == TemporalRecognizer.haoT {
            var dv = TemporalValue(); dv.day = d
            second = (dv, e2 + 1, "day")                     // 十日到十二日
        }
        guard k < n, let (v2, e, rule) = second else { return nil }
        // The second end must be of the same kind: a clock after a clock, a day after a day.
        let sameKind = (f.hour != nil && v2.hour != nil) || (f.day != nil && v2.day != nil && v2.hour == nil)
            || (f.month != nil && v2.month != nil) || (f.year != nil && v2.year != nil && v2.month == nil)
        guard sameKind else { return nil }
        return (TemporalMention(start: k, end: e, value: v2, inheritsFromPrevious: true, rule: rule), e)
    }

    /// 1-7月, 8至16时, 五到六点, 1995-1997年: a bare number, a connector, then a dated or clock end.
    func readBareRangeStart(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (TemporalMention, TemporalMention, Int)? {
        let n = b.count
        guard let (x, e) = readSmall(b, at: i, max: 9999), e < n else { return nil }
        var k = e
        if b[k] == 0x20 { k += 1 }
        guard k + 1 < n else { return nil }
        let c = b[k]
        guard c == 0x81F3 || c == 0x5230 || c == 0x2D || c == 0x2014 || c == 0x2013 || c == 0x7E || c == 0x301C else { return nil }
        k += 1
        if c == 0x2014, k < n, b[k] == 0x2014 { k += 1 }
        if k < n, b[k] == 0x20 { k += 1 }
        guard k < n, let (v2, end, rule) = readExpression(b, at: k, inherit: nil) else { return nil }
        var v1 = TemporalValue()
        if let m = v2.month, v2.day == nil, v2.year == nil, v2.hour == nil, (1...12).contains(x), x < m {
            v1.month = x                                        // 1-7月
        } else if let h = v2.hour, !v2.hasDate, x <= 24, x < h {
            v1.hour = x; v1.partOfDay = v2.partOfDay            // 8至16时, 五到六点
            if let p = v2.partOfDay, let entry = lex.partsOfDay.first(where: { $0.1 == p }) {
                v1.hour = adjust(x, shift: entry.2, pod: p)
            }
        } else if let y = v2.year, v2.month == nil, (1000...2999).contains(x), x < y {
            v1.year = x; v1.yearWritten = true                  // 1995-1997年
        } else if let d = v2.day, v2.month == nil, v2.hour == nil, (1...31).contains(x), x < d, !v2.hasRelative {
            v1.day = x                                          // 3-5日
        } else {
            return nil
        }
        let low = TemporalMention(start: i, end: e, value: v1, rule: "range-start")
        let high = TemporalMention(start: k, end: end, value: v2, rule: rule)
        return (low, high, end)
    }
}
