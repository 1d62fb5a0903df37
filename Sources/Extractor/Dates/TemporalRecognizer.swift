import Normalizer

/// Finds dates, times, parts of day and relative time words in a cleaned buffer.
///
///     "截至 3 月 15 日 19 时" → month 3, day 15, hour 19
///     "3 月 13 日下午"        → month 3, day 13, part of day AF
///     "上午 10 点到晚 9 点"    → T10:00 and T21:00 (two mentions)
struct TemporalRecognizer {
    let source: SourceText
    /// The tables, read through one reference (see `Lexicon`).
    let lex = Lexicon.shared

    /// Characters that may begin a temporal expression (holidays aside: see `others`).
    static let triggers = ScalarSet(triggerList)
    static let triggerList: [Unicode.Scalar] = {
        var s = Array("0123456789".unicodeScalars)
        // Chinese numerals (〇, 一 … 亿, 廿) all lie between U+3000 and the end of the Han block.
        for v in UInt32(0x3000)..<0xA000 where NumeralTable.role(v) != nil {
            if let c = Unicode.Scalar(v) { s.append(c) }
        }
        s += TemporalTable.relatives.compactMap { $0.0.first }
        s += TemporalTable.partsOfDay.compactMap { $0.0.first }
        s += TemporalTable.eras.compactMap { $0.0.first }
        s += TemporalTable.weekdayPrefixes.compactMap { $0.first }
        s += "民农農阴陰旧舊正腊臘冬大上下前第".unicodeScalars
        return s
    }()

    /// Characters the scan looks at besides `triggers`: 《, 》 and line ends (titles name no
    /// date) and the first characters of holidays that begin no other temporal word (中秋, 端午).
    static let others: [Unicode.Scalar] = ["《", "》", "\n"] + HolidayTable.words.compactMap { w -> Unicode.Scalar? in
        guard let f = w.0.first, !triggers.contains(f) else { return nil }
        return f
    }
    /// `triggers` and `others`: every character the scan stops at.
    static let seen = ScalarSet(triggerList + others)

    func run() -> [TemporalMention] {
        var out: [TemporalMention] = []
        source.withScalars { b in
            let n = b.count
            var i = 0
            // Inside 《…》: a title (《明日之后》) names no date. A 《 left open ends with its line.
            var inTitle = false
            let triggers = lex.temporalTriggers
            let seen = lex.temporalSeen
            while i < n {
                let c = b[i]
                // One test for most characters; then triggers, or else 《, 》 and the first characters
                // of holidays (中秋, 国庆), tried only when the next character may continue a holiday.
                if !seen.contains(c) { i += 1; continue }
                if !triggers.contains(c) {
                    if c == "《" { inTitle = true } else if c == "》" || c == "\n" { inTitle = false }
                    else if !inTitle, mayBeginHoliday(b, at: i), matchHoliday(b, at: i) != nil,
                            let next = attempt(b, at: i, into: &out) {
                        i = max(next, i + 1); continue
                    }
                    i += 1; continue
                }
                if inTitle && !c.isASCIIDigit { i += 1; continue }
                if let next = attempt(b, at: i, into: &out) {
                    i = max(next, i + 1)
                } else if c.isASCIIDigit {
                    var k = i
                    while k < n && (b[k].isASCIIDigit || b[k] == "." || b[k] == ",") { k += 1 }
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
    func attempt(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, into out: inout [TemporalMention]) -> Int? {
        let n = b.count
        // A word start must begin a temporal word (two-character check), except 早/晚 before a clock.
        if !isNumeralStart(b[i]) {
            guard i + 1 < n else { return nil }
            let pair = UInt64(b[i].value) << 32 | UInt64(b[i + 1].value)
            let singlePartOfDay = (b[i] == "早" || b[i] == "晚") && isNumeralStart(b[i + 1])
            let firstQuarters = b[i] == "前" && isNumeralStart(b[i + 1])                 // 前三季度
            let weekOfYear = b[i] == "第" && (b[i + 1].isASCIIDigit                      // 第48周
                || (i > 0 && b[i - 1] == "年"))                                          // 2022年第十周
            let bracket = b[i + 1] == "("                                                // 今(3)日
            guard singlePartOfDay || firstQuarters || weekOfYear || bracket
                || (lex.bigramSeconds.contains(b[i + 1]) && lex.bigrams.contains(pair))
                || (mayBeginHoliday(b, at: i) && matchHoliday(b, at: i) != nil) else { return nil }
        }
        if b[i].isASCIIDigit, i > 0, b[i - 1] == "从" || b[i - 1] == "從" || b[i - 1] == "自",
           let (low, high, end) = readYearSpan(b, at: i) {
            out.append(low); out.append(high)                     // 从2016-2018
            return end
        }
        // A numeral is part of a date or time only if a date/time character follows it
        // (or it is a numeric date or clock: 2022-03-11, 12/1, 08:30), or it begins a holiday (五一假期).
        if isNumeralStart(b[i]) && !lex.eraFirsts.contains(b[i]) {
            if !numeralMayBeTemporal(b, at: i)
                && !(mayBeginHoliday(b, at: i) && matchHoliday(b, at: i) != nil) { return nil }
        }
        // Left context: codes, ordinals.
        if i > 0 {
            let p = b[i - 1]
            if b[i].isASCIIDigit && p.isASCIILetterOrDigit { return nil }
            if p == "第" && role(b[i]) != nil { return nil }   // 第三季度 is handled at 第
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
        if v.hasDate, v.hour == nil, v.partOfDay == nil, j < n, b[j].isASCIIDigit,
           let (low, high, end) = readBareRangeStart(b, at: j), let h = low.value.hour {
            var first = v
            first.hour = h
            out.append(TemporalMention(start: i, end: low.end, value: first, rule: rule))
            out.append(high)
            return end
        }
        // 11 点多: the 多 belongs to the mention.
        if v.hour != nil, j < n, b[j] == "多" || b[j] == "许" { j += 1 }
        out.append(TemporalMention(start: i, end: j, value: v, rule: rule))
        // A range: 8时至16时, 上午 10 点到晚 9 点, 11月3日-10日, 1-7月.
        if let (second, end) = readRangeEnd(b, from: j, first: v) {
            out.append(second)
            j = end
        }
        return j
    }

    /// True when the clock at `i` is written with 点/點 or am/pm-less 12-hour words (三点, 3点), not 时.
    func isTwelveHourClock(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        guard let (_, e) = readSmall(b, at: i, max: 24), e < b.count else { return false }
        return b[e] == "点" || b[e] == "點"
    }

    /// A cheap look-ahead over the numeral at `i`: does a date or time character follow it,
    /// directly or after a range connector and a second numeral (8至16时, 1-7月)?
    func numeralMayBeTemporal(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        let n = b.count
        var k = i, seps = 0, colon = false, slash = false
        func run() {
            while k < n && k - i < 32 {
                let c = b[k]
                if isNumeralStart(c) || c == " " { k += 1; continue }
                if (c == "-" || c == "/" || c == "." || c == ":") && k + 1 < n && b[k + 1].isASCIIDigit {
                    if c == ":" { colon = true }
                    if c == "/" { slash = true }
                    seps += 1; k += 1; continue
                }
                break
            }
        }
        run()
        if colon || seps >= 2 || slash { return true }
        guard k < n else { return false }
        if lex.dateCharacters.contains(b[k]) { return true }
        if b[i].isASCIIDigit, k - i <= 2, isLetter(b[k], "p") || isLetter(b[k], "a") { return true }   // 3pm
        if lex.rangeConnectors.contains(b[k]) {
            k += 1
            if k < n, b[k] == "—" { k += 1 }
            run()
            return k < n && lex.dateCharacters.contains(b[k])
        }
        return false
    }

    /// Date part, then part of day, then clock. `inherit` gives the first end of a range.
    func readExpression(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, inherit: TemporalValue?)
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
                let midnight = e - j == 2 && b[j + 1] == "夜" && (b[j] == "午" || b[j] == "子")   // 午夜, 子夜
                j = e
                if let (h, m, s, e2) = readClock(b, at: j, afterPartOfDay: true) {
                    v.hour = midnight && h == 12 ? 0 : adjust(h, shift: shift, pod: pod)
                    v.minute = m; v.second = s; j = e2
                } else if midnight {
                    // 午夜: 00:00, or the end of a day written before it (5月30日午夜 is 24:00 on the 30th).
                    v.hour = v.hasDate ? 24 : 0; v.minute = 0
                }
                if v.hasDate == false { rule = "part-of-day" }
            }
        } else if let (h, m, s, e) = readClock(b, at: j) {
            var shift = 0
            if let p = v.partOfDay, let entry = lex.partsOfDay.first(where: { $0.1 == p }) { shift = entry.2 }
            if let inh = inherit, let p = inh.partOfDay, v.partOfDay == nil, !v.hasDate,
               let entry = lex.partsOfDay.first(where: { $0.1 == p }) { shift = entry.2 }
            v.hour = adjust(h, shift: shift, pod: v.partOfDay ?? inherit?.partOfDay); v.minute = m; v.second = s
            // 三点 with no part of day: one to five o'clock is in the afternoon (the small hours are
            // always said: 凌晨三点). Only with 点, the twelve-hour clock (3时 is 03:00).
            if v.partOfDay == nil, inherit?.partOfDay == nil, (1...5).contains(h), isTwelveHourClock(b, at: j) {
                v.hour = h + 12
            }
            j = e
            if v.hasDate == false { rule = "clock" }
        }
        guard j > i else { return nil }
        // A part of day alone (下午, 晚上) is reported when written with two characters or more.
        if !v.hasDate && v.hour == nil && v.reference == nil && v.partOfDay == nil { return nil }
        return (v, j, rule)
    }

    // MARK: - Ranges

    /// The second end of a range after a connector: 至 到 - — ~ (8时至16时, 11月3日-10日).
    func readRangeEnd(_ b: UnsafeBufferPointer<Unicode.Scalar>, from j: Int, first f: TemporalValue)
        -> (TemporalMention, Int)? {
        let n = b.count
        guard j + 1 < n else { return nil }
        let c = b[j]
        guard isConnector(c) else { return nil }
        var k = j + 1
        if c == "—", k < n, b[k] == "—" { k += 1 }                       // ——
        var second = readExpression(b, at: k, inherit: f)
        if second == nil, f.day != nil, let (d, e2) = readSmall(b, at: k, max: 31), d >= 1, e2 < n,
           b[e2] == "日" || b[e2] == "号" || b[e2] == "號" {
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

    /// 从2016-2018, 自 2016 至 2018: two years after 从/自, without 年 (which readBareRangeStart reads).
    func readYearSpan(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalMention, TemporalMention, Int)? {
        let n = b.count
        guard let (x, e) = readSmall(b, at: i, max: 2999), e - i == 4, x >= 1000 else { return nil }
        var k = e
        if k < n, b[k] == " " { k += 1 }
        guard k < n, isConnector(b[k]) else { return nil }
        k += 1
        if k < n, b[k] == " " { k += 1 }
        guard let (y, e2) = readSmall(b, at: k, max: 2999), e2 - k == 4, y > x,
              !(e2 < n && (b[e2] == "年" || b[e2].isASCIILetterOrDigit || b[e2] == "-" || b[e2] == "."))
        else { return nil }
        var v1 = TemporalValue(); v1.year = x; v1.yearWritten = true
        var v2 = TemporalValue(); v2.year = y; v2.yearWritten = true
        return (TemporalMention(start: i, end: e, value: v1, rule: "year-span"),
                TemporalMention(start: k, end: e2, value: v2, rule: "year-span"), e2)
    }

    /// 1-7月, 8至16时, 五到六点, 1995-1997年: a bare number, a connector, then a dated or clock end.
    func readBareRangeStart(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int)
        -> (TemporalMention, TemporalMention, Int)? {
        let n = b.count
        guard let (x, e) = readSmall(b, at: i, max: 9999), e < n else { return nil }
        var k = e
        if b[k] == " " { k += 1 }
        guard k + 1 < n else { return nil }
        let c = b[k]
        guard isConnector(c) else { return nil }
        k += 1
        if c == "—", k < n, b[k] == "—" { k += 1 }
        if k < n, b[k] == " " { k += 1 }
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

// MARK: - Characters

extension TemporalRecognizer {
    /// The place of `c` in a Chinese numeral (一 a digit, 十 a small unit, 廿 tens), or nil.
    @inline(__always) func role(_ c: Unicode.Scalar) -> NumeralRole? { NumeralTable.role(c.value) }

    /// An Arabic digit or a Chinese numeral character: where a number may begin.
    @inline(__always) func isNumeralStart(_ c: Unicode.Scalar) -> Bool {
        c.isASCIIDigit || NumeralTable.role(c.value) != nil
    }

    /// The value of an ASCII digit ("7" → 7).
    @inline(__always) func digit(_ c: Unicode.Scalar) -> Int { Int(c.value - ("0" as Unicode.Scalar).value) }

    /// True when `c` is the ASCII letter `lower` or its capital: isLetter("P", "p").
    @inline(__always) func isLetter(_ c: Unicode.Scalar, _ lower: Unicode.Scalar) -> Bool {
        c == lower || c.value == lower.value - TemporalRecognizer.caseOffset
    }

    /// What separates an ASCII capital from its small letter.
    static let caseOffset = ("a" as Unicode.Scalar).value - ("A" as Unicode.Scalar).value

    /// 至 到 - — – ~ 〜: what joins the two ends of a range.
    @inline(__always) func isConnector(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "至", "到", "-", "—", "–", "~", "〜": return true
        default: return false
        }
    }
}
