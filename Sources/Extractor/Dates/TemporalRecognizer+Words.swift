import Normalizer

/// Dates named by words: relative words (今天, 上周三, 去年5月), weekday names, holidays,
/// era years (康熙二十年), and the period suffixes that narrow a month or year (月底, 上旬).
extension TemporalRecognizer {
    /// Relative words (今天, 上周三, 去年5月, 本月十日), with the weekday, month and day or
    /// quarter after them.
    func readRelative(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        guard let (rel, e) = matchRelative(b, at: i) else { return nil }
        var v = TemporalValue()
        v.relDays = rel.days; v.relYears = rel.years; v.relMonths = rel.months; v.relWeeks = rel.weeks
        v.anaphoric = rel.anaphoric; v.reference = rel.reference; v.partOfDay = rel.partOfDay
        v.weekend = rel.weekend
        var j = e
        if rel.weeks != nil, j < n, b[j] == "末" { v.weekend = true; j += 1 }          // 下周末
        else if rel.weeks != nil, j < n, let wd = TemporalTable.weekday(b[j]) { v.weekday = wd; j += 1 }
        else if rel.weeks != nil, j + 1 < n, matchWeekdayPrefix(b, at: j) != nil,
                let k = matchWeekdayPrefix(b, at: j), k < n, let wd = TemporalTable.weekday(b[k]) {
            v.weekday = wd; j = k + 1
        }
        if rel.years != nil, j + 1 < n, b[j] == "的", let (mv, e2) = readMonthDay(b, at: j + 1), mv.month != nil {
            v.month = mv.month; v.day = mv.day; v.lunar = mv.lunar; j = e2   // 今年的三月
            v.weekday = mv.weekday ?? v.weekday; v.weekdayOrdinal = mv.weekdayOrdinal
        } else if rel.years != nil, let (mv, e2) = readMonthDay(b, at: j) {
            v.month = mv.month; v.day = mv.day; v.lunar = mv.lunar; j = e2
            v.weekday = mv.weekday ?? v.weekday; v.weekdayOrdinal = mv.weekdayOrdinal
        } else if rel.years != nil, let p = readQuarterOrHalf(b, at: j) {
            v.quarter = p.quarter; v.quarterFrom = p.from; v.half = p.half; j = p.end
        } else if rel.years != nil, let (season, e2) = readSeason(b, at: j) {
            v.season = season; j = e2                                        // 今年夏天
        } else if rel.years != nil, mayBeginHoliday(b, at: j), let (hv, e2, _) = readHoliday(b, at: j) {
            v.holiday = hv.holiday; j = e2                                   // 今年春节, 去年国庆
        } else if rel.years != nil, j < n, let (r2, e2) = matchRelative(b, at: j), r2.months == 0 {
            v.relMonths = 0; j = e2                                          // 去年本月十日
            if let (d, e3) = readDay(b, at: j) { v.day = d; j = e3 }
        } else if rel.months != nil, let (d, e2) = readDay(b, at: j) {
            v.day = d; j = e2
        } else if rel.years != nil, j < n {
            // 本年度, 去年底, 今年初, 明年末, 去年年中: the year, as 2022年底 is (not 去年份额).
            if b[j] == "度", !(j + 1 < n && lex.isBlockedUnitWord("度", b[j + 1])) { j += 1 }   // not 今年度过
            if j + 1 < n, b[j] == "年", b[j + 1] != "份", skipPeriodSuffix(b, at: j + 1) > j + 1 { j += 1 }
            if j < n, b[j] != "份" { j = skipPeriodSuffix(b, at: j) }
        }
        return (v, j, "relative")
    }

    /// Holidays (国庆节, 中秋节, 清明节, 复活节; see `HolidayTable`): the calendar places them once
    /// the year is known. A context word (清明, 元宵, 五一) needs a holiday word after it (清明假期)
    /// or a year before it (`afterYear`: 2019年清明).
    func readHoliday(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, afterYear: Bool = false)
        -> (TemporalValue, Int, StaticString)? {
        guard let (entry, e) = matchHoliday(b, at: i, afterYear: afterYear) else { return nil }
        var v = TemporalValue(); v.holiday = entry
        return (v, e, "holiday")
    }

    /// The holiday word at `i`: (entry of `HolidayTable.entries`, end), longest first.
    func matchHoliday(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, afterYear: Bool = false) -> (Int, Int)? {
        let n = b.count
        guard mayBeginHoliday(b, at: i) else { return nil }
        let group = lex.holidayGroups[Int(lex.holidayGroupIndex[Int(b[i].value)])]
        let second = b[i + 1]
        for k in group {
            let span = lex.holidaySpans[k]
            let o = Int(span.offset), len = Int(span.length)
            guard lex.holidayFlat[o + 1] == second, i + len <= n else { continue }
            var ok = true
            var m = 2
            while m < len { if b[i + m] != lex.holidayFlat[o + m] { ok = false; break }; m += 1 }
            guard ok else { continue }
            let e = i + len, entry = Int(span.entry)
            if lex.holidayEntries[entry].needsContext && !afterYear
                && !(e < n && lex.holidayContextAfter.contains(b[e])) { continue }
            // 二十一日 holds no 十一, and 去冬至今 no 冬至 (至今 is "until now").
            if i > 0, NumeralTable.role(b[i]) != nil, isNumeralStart(b[i - 1]) { continue }
            if b[e - 1] == "至", e < n, b[e] == "今" { continue }
            // 圣诞树, 中秋节月饼: a thing of the holiday, and no shorter holiday word (圣诞) either.
            if lex.holidayThingsAfter.contains(where: { w in
                e + w.count <= n && w.indices.allSatisfy { b[e + $0] == w[$0] }
            }) { return nil }
            return (entry, e)
        }
        return nil
    }

    /// A quick test before `readHoliday`: the first two characters could begin a holiday word.
    @inline(__always) func mayBeginHoliday(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        i + 1 < b.count && lex.holidayFirsts.contains(b[i]) && lex.holidaySeconds.contains(b[i + 1])
            && b[i].value < 0x10000
    }

    /// 农历八月十五, 阴历正月初一: a date of the Chinese calendar after 农历/阴历/旧历.
    func readLunarDate(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        guard i + 3 < b.count, b[i + 1] == "历" || b[i + 1] == "曆",
              ["农", "農", "阴", "陰", "旧", "舊"].contains(b[i]),
              let (date, e) = readMonthDay(b, at: i + 2), date.month != nil else { return nil }
        var v = date
        v.lunar = true
        return (v, e, "lunar-date")
    }

    /// 今(3)日, 昨（2）日: a relative day word with the day of the month in brackets, as press
    /// releases write it; the day is the date (the bracket is what the reader goes by).
    func readBracketedDay(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        guard i + 4 < n, ["今", "昨", "明", "前", "本", "当", "當"].contains(b[i]), b[i + 1] == "(",
              let (d, e) = readSmall(b, at: i + 2, max: 31), d >= 1, e + 1 < n, b[e] == ")",
              b[e + 1] == "日" || b[e + 1] == "号" || b[e + 1] == "號" else { return nil }
        var v = TemporalValue(); v.day = d
        return (v, e + 2, "bracketed-day")
    }

    /// 去(2021)年12月19日, 今（2022）年: a relative year word with the year in brackets.
    func readBracketedYear(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        guard i + 7 < n, ["今", "去", "明", "前", "本", "当", "當"].contains(b[i]), b[i + 1] == "(",
              let (y, e) = readSmall(b, at: i + 2, max: 9999), e - (i + 2) == 4, (1000...2999).contains(y),
              e + 1 < n, b[e] == ")", b[e + 1] == "年" else { return nil }
        var v = TemporalValue(); v.year = y; v.yearWritten = true
        return completeYear(v, b, at: e + 2, rule: "bracketed-year")
    }

    /// Era years: 民國111年 (2022), 康熙二十年 (1681), 神龙元年 (705).
    func readEraYear(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        for (w, first) in lex.eras where i + w.count + 1 < n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            guard ok else { continue }
            let k = i + w.count
            var year: Int? = nil, e = k
            if b[k] == "元", b[k + 1] == "年" { year = 1; e = k + 1 }                     // 元年
            else if let p = NumeralParser.parse(b, at: k), p.value.isInteger, let y = p.value.intValue,
                    y >= 1, y < 200, p.end < n, b[p.end] == "年" { year = y; e = p.end }
            if let y = year {
                var v = TemporalValue(); v.year = first + y - 1; v.yearWritten = true
                return completeYear(v, b, at: e + 1, rule: "era-year")
            }
        }
        return nil
    }

    func matchRelative(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalTable.Relative, Int)? {
        let n = b.count
        guard let candidates = lex.relativesByFirst[b[i].value] else { return nil }
        for idx in candidates {
            let w = lex.relatives[idx].0
            guard i + w.count <= n else { continue }
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok {
                // 出现在 is not 现在, 即将来临 not 将来, 探明天然气 not 明天; 当晚上 is 当 + 晚上
                // (the clock after it is read with 晚上).
                if i > 0, lex.relativeLeftBlockers.contains(where: {
                    $0.first.contains(w[0]) && $0.before.contains(b[i - 1])
                }) { return nil }
                let e = i + w.count
                if isBlockedOnTheRight(w, b, end: e) { return nil }
                let rel = lex.relatives[idx].1
                if rel.anaphoric, rel.partOfDay != nil, e < n, b[e] == "上" { return nil }
                return (rel, e)
            }
        }
        return nil
    }

    /// The relative word `w`, ending at `e`, begins another word with what follows
    /// (`TemporalTable.relativeRightBlockers`).
    private func isBlockedOnTheRight(_ w: [Unicode.Scalar], _ b: UnsafeBufferPointer<Unicode.Scalar>,
                                     end e: Int) -> Bool {
        guard e < b.count else { return false }
        for r in lex.relativeRightBlockers where w.count >= r.end.count && r.next.contains(b[e]) {
            guard zip(w.suffix(r.end.count), r.end).allSatisfy({ $0 == $1 }) else { continue }
            return !(e + 1 < b.count && r.unless.contains(b[e + 1]))
        }
        return false
    }

    func matchWeekdayPrefix(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Int? {
        let n = b.count
        for w in lex.weekdayPrefixes where i + w.count < n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok { return i + w.count }
        }
        return nil
    }

    func skipPeriodSuffix(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Int {
        let n = b.count
        for w in lex.periodSuffixes where i + w.count <= n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok {
                // 年中 / 月中 only as a period end, not 中国 etc.
                if w == ["中"], i + 1 < n, b[i + 1].isHan && !lex.boundaryAfterSuffix.contains(b[i + 1]) { continue }
                if w == ["初"], i + 1 < n, role(b[i + 1]) != nil { continue }   // 初一 is a day
                return i + w.count
            }
        }
        return i
    }
}
