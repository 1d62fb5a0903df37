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
