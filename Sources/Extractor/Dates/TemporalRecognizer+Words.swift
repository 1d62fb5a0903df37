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
        if rel.years != nil, let (mv, e2) = readMonthDay(b, at: j) {
            v.month = mv.month; v.day = mv.day; j = e2
        } else if rel.years != nil, let (q, h, e2) = readQuarterOrHalf(b, at: j) {
            v.quarter = q; v.half = h; j = e2
        } else if rel.months != nil, let (d, e2) = readDay(b, at: j) {
            v.day = d; j = e2
        }
        return (v, j, "relative")
    }

    /// Holidays with fixed dates (国庆节 → 10-01).
    func readHoliday(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        for (w, m, d) in lex.holidays where i + w.count <= n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok { var v = TemporalValue(); v.month = m; v.day = d; return (v, i + w.count, "holiday") }
        }
        return nil
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
                // 出现在 is not 现在; 当晚上 is 当 + 晚上 (the clock after it is read with 晚上).
                if i > 0, lex.relativeLeftBlockers.contains(b[i - 1]), w.first == "现" || w.first == "現" { return nil }
                let rel = lex.relatives[idx].1
                if rel.anaphoric, rel.partOfDay != nil, i + w.count < n, b[i + w.count] == "上" { return nil }
                return (rel, i + w.count)
            }
        }
        return nil
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
