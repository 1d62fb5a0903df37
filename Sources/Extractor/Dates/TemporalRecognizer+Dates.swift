import Normalizer

/// Dates: 年月日 in Arabic or Chinese numerals, numeric forms (2022-03-11, 12/1),
/// quarters and halves, and the small numbers they are written with.
extension TemporalRecognizer {
    /// A date at `i`: a relative word, a weekday, a holiday, an era year, a week or quarter of
    /// the year, a numeric date or a Chinese one (2022年3月11日).
    func readDate(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        let c = b[i]
        if i + 1 < n, b[i + 1] == "(", let r = readBracketedYear(b, at: i) ?? readBracketedDay(b, at: i) {
            return r                                             // 去(2021)年12月19日, 今(3)日
        }
        if lex.relativeFirsts.contains(c), let r = readRelative(b, at: i) { return r }
        // Weekdays: 星期三, 周三, 礼拜天.
        if let k = matchWeekdayPrefix(b, at: i), k < n, let wd = TemporalTable.weekday(b[k]) {
            if k + 1 < n, b[k + 1] == "年" { return nil }       // 周年
            var v = TemporalValue(); v.weekday = wd
            return (v, k + 1, "weekday")
        }
        if mayBeginHoliday(b, at: i), let r = readHoliday(b, at: i) { return r }
        if c == "农" || c == "農" || c == "阴" || c == "陰" || c == "旧" || c == "舊", let r = readLunarDate(b, at: i) {
            return r
        }
        if lex.eraFirsts.contains(c), let r = readEraYear(b, at: i) { return r }
        // 第48周, 2022年第十周: a week of the year (ISO). 第一周 alone is the first week of
        // anything (开学第一周), so a Chinese numeral needs a year right before it.
        if c == "第", i + 2 < b.count, let (w, e) = readSmall(b, at: i + 1, max: 53), w >= 1, e < b.count,
           b[e] == "周", !(e + 1 < b.count && (b[e + 1] == "年" || b[e + 1] == "岁")),
           b[i + 1].isASCIIDigit || (i > 0 && b[i - 1] == "年") {
            var v = TemporalValue(); v.week = w
            return (v, e + 1, "week-of-year")
        }
        // 第一季度, 第三季度; 前三季度 (the first three quarters: Q1 to Q3)
        if c == "第" || c == "前", let p = readQuarterOrHalf(b, at: i) {
            var v = TemporalValue(); v.quarter = p.quarter; v.quarterFrom = p.from; v.half = p.half
            return (v, p.end, "quarter")
        }
        if let r = readNumericDate(b, at: i) { return r }
        return readChineseDate(b, at: i)
    }

    /// YYYY-MM-DD, YYYY/M/D, YYYY.M.D (with an optional hh:mm[:ss] after a space or T),
    /// D-M-YYYY, M/D/YY, YY-M-D, and M/D when the day is smaller than the month (12/1).
    func readNumericDate(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        guard b[i].isASCIIDigit else { return nil }
        var groups: ((Int, Int), (Int, Int), (Int, Int)) = ((0, 0), (0, 0), (0, 0))   // (value, digits)
        var count = 0
        var k = i
        var sep: Unicode.Scalar = "\0"   // none yet
        while k < n, count < 3 {
            var v = 0, d = 0
            while k < n, b[k].isASCIIDigit, d < 5 { v = v * 10 + digit(b[k]); k += 1; d += 1 }
            guard d > 0 else { return nil }
            switch count { case 0: groups.0 = (v, d); case 1: groups.1 = (v, d); default: groups.2 = (v, d) }
            count += 1
            guard count < 3, k + 1 < n, b[k + 1].isASCIIDigit else { break }
            let s = b[k]
            guard s == "-" || s == "/" || s == "." else { break }
            if sep == "\0" { sep = s } else if s != sep { break }
            k += 1
        }
        if k < n, b[k].isASCIILetterOrDigit { return nil }
        var v = TemporalValue()
        if count == 3 {
            let (a, ad) = groups.0, (m, _) = groups.1, (c, cd) = groups.2
            // 3.2.1 is a version: dotted dates need a four-digit year.
            if sep == "." && ad != 4 && cd != 4 { return nil }
            if ad == 4 { v.year = a; v.month = m; v.day = c }
            else if cd == 4 {
                v.year = c
                if a > 12 || sep == "-" || sep == "." { v.month = m; v.day = a }
                else if m > 12 { v.month = a; v.day = m }
                else { v.month = m; v.day = a }
            }
            else if a > 31 || (ad == 2 && a > 12 && c <= 31 && sep == "-") {
                v.year = 2000 + a; v.month = m; v.day = c        // 27-7-3
            } else if sep == "/" && a <= 12 && m > 12 {
                v.year = twoDigitYear(c); v.month = a; v.day = m  // 10/31/74
            } else {
                v.year = twoDigitYear(c); v.month = m; v.day = a  // 3-7-07
            }
            if cd == 2 && ad != 4 && !(a > 31 || (ad == 2 && a > 12 && sep == "-")) { v.year = twoDigitYear(c) }
        } else if count == 2, sep == "/" {
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
        if j + 1 < n, b[j] == " " || b[j] == "T", let (h, mi, s, e) = readColonClock(b, at: j + 1) {
            v.hour = h; v.minute = mi; v.second = s; j = e
        }
        return (v, j, "numeric-date")
    }

    func twoDigitYear(_ y: Int) -> Int { y >= 100 ? y : (y <= 40 ? 2000 + y : 1900 + y) }

    /// 2022年3月11日, 二〇二二年三月十一日, 两千零四年八月十五, 3月, 6月份, 11日, 12号, 2016年度, 一季度.
    func readChineseDate(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int, StaticString)? {
        let n = b.count
        // Year: a number followed by 年.
        if let (y, e) = readYear(b, at: i) {
            var v = TemporalValue(); v.year = y; v.yearWritten = true
            v.twoDigitYear = e - i == 3 && b[i].isASCIIDigit && b[i + 1].isASCIIDigit    // 98年
            return completeYear(v, b, at: e, rule: "year")
        }
        if let (mv, e) = readMonthDay(b, at: i) {
            return (mv, e, mv.day != nil && mv.month == nil ? "day" : "month-day")
        }
        if let p = readQuarterOrHalf(b, at: i) {
            var v = TemporalValue(); v.quarter = p.quarter; v.quarterFrom = p.from; v.half = p.half
            return (v, p.end, "quarter")
        }
        _ = n
        return nil
    }

    /// After a year: 度, a month and day, a quarter or half (2022年一季度, 今年上半年), a holiday
    /// (2019年中秋节), a week or month counted in it (2021年的第一周, 2021年的第三个月), 底/初.
    func completeYear(_ v0: TemporalValue, _ b: UnsafeBufferPointer<Unicode.Scalar>, at e0: Int, rule: StaticString)
        -> (TemporalValue, Int, StaticString) {
        var v = v0, e = e0
        let n = b.count
        if e < n, b[e] == "度" { e += 1 }                           // 2016年度
        if e + 1 < n, b[e] == "的", let (mv, _) = readMonthDay(b, at: e + 1), mv.month != nil { e += 1 }  // 2016年的3月
        if let (mv, e2) = readMonthDay(b, at: e), mv.month != nil {
            v.month = mv.month; v.day = mv.day; v.lunar = mv.lunar; e = e2
            v.weekday = mv.weekday; v.weekdayOrdinal = mv.weekdayOrdinal
        } else if let p = readQuarterOrHalf(b, at: e) {
            v.quarter = p.quarter; v.quarterFrom = p.from; v.half = p.half; e = p.end
        } else if mayBeginHoliday(b, at: e), let (hv, e2, _) = readHoliday(b, at: e, afterYear: true) {
            v.holiday = hv.holiday; e = e2
        } else if e < n, let (lv, e2, _) = readLunarDate(b, at: e) {
            v.month = lv.month; v.day = lv.day; v.lunar = true; e = e2          // 2015年农历正月初一
        } else if let (season, e2) = readSeason(b, at: e) {
            v.season = season; e = e2                                          // 2016年夏天
        } else if let (unit, k, e2) = readNthOfYear(b, at: e) {
            if unit == "周" { v.week = k } else { v.month = k }
            e = e2
        } else {
            e = skipPeriodSuffix(b, at: e)
        }
        return (v, e, rule)
    }

    /// 春天/春季, 夏天, 秋季, 冬天 after a year (2016年夏天, 今年的冬季): 1 to 4.
    func readSeason(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, Int)? {
        let n = b.count
        var k = i
        if k < n, b[k] == "的" { k += 1 }
        guard k + 1 < n, b[k + 1] == "天" || b[k + 1] == "季" else { return nil }
        switch b[k] {
        case "春": return (1, k + 2)
        case "夏": return (2, k + 2)
        case "秋": return (3, k + 2)
        case "冬": return (4, k + 2)
        default: return nil
        }
    }

    /// 的第一周, 第三个月 after a year: the week of the year or its month.
    func readNthOfYear(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Unicode.Scalar, Int, Int)? {
        let n = b.count
        var k = i
        if k < n, b[k] == "的" { k += 1 }
        guard k + 2 < n, b[k] == "第", let (x, e) = readSmall(b, at: k + 1, max: 53), x >= 1, e < n else { return nil }
        if b[e] == "周" || b[e] == "週" { return ("周", x, e + 1) }
        if e + 1 < n, b[e] == "个" || b[e] == "個", b[e + 1] == "月", x <= 12 { return ("月", x, e + 2) }
        return nil
    }

    /// A year: four Arabic digits, two with a leading zero (08年), Chinese digits one by one
    /// (二〇二二, 零八), or a Chinese numeral from 1000 to 2999 (两千零四). Then 年.
    func readYear(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, Int)? {
        let n = b.count
        guard let p = NumeralParser.parse(b, at: i), p.low == nil, p.value.isInteger,
              let y = p.value.intValue, p.end < n, b[p.end] == "年" else { return nil }
        let e = p.end + 1
        // 年级, 年代, 年龄 are not years; 年底/年初 are.
        if e < n, ["级", "代", "龄", "轻"].contains(b[e]) { return nil }
        if p.hasArabic && !p.hasChinese {
            if p.arabicIntegerDigits == 4 && (1000...2999).contains(y) { return (y, e) }
            // 08年: two digits with a leading zero, or any two digits before a month.
            if p.arabicIntegerDigits == 2 {
                if b[i] == "0" { return (2000 + y, e) }
                if let (mv, _) = readMonthDay(b, at: e), mv.month != nil { return (twoDigitYear(y), e) }
            }
            // 111年1月: three digits from 100 to 199 before a month (or 年度) count the years of
            // the Republic (民國), as Taiwan writes them: 111 is 2022. No AD year is written so.
            if p.arabicIntegerDigits == 3, (100...199).contains(y), e < n,
               b[e] == "度" || readMonthDay(b, at: e)?.0.month != nil {
                return (1911 + y, e)
            }
            // 在789年: a year of the first millennium, after 在/于 and before the clause ends.
            if p.arabicIntegerDigits == 3, i > 0, b[i - 1] == "在" || b[i - 1] == "于" || b[i - 1] == "於",
               e >= n || !b[e].isHan || b[e] == "的" { return (y, e) }
            return nil
        }
        if p.isDigitSequence || p.isShortSequence {
            let digits = p.end - p.start
            if digits == 4 { return (y, e) }
            if digits == 2 { return (twoDigitYear(y), e) }
            // 三六七年一月一日: three digits one by one, before a month.
            if digits == 3, let (mv, _) = readMonthDay(b, at: e), mv.month != nil { return (y, e) }
            return nil
        }
        if p.hasChinese && (1000...2999).contains(y) { return (y, e) }
        return nil
    }

    /// 3月, 三月, 6月份, 3月11日, 八月十五, 正月初一, 11日, 12号, 3月底.
    func readMonthDay(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (TemporalValue, Int)? {
        let n = b.count
        guard i < n else { return nil }
        var v = TemporalValue()
        var j = i
        // Lunar month names.
        if j + 1 < n, b[j + 1] == "月", ["正", "腊", "臘", "冬"].contains(b[j]) {
            v.month = b[j] == "正" ? 1 : (b[j] == "冬" ? 11 : 12)
            v.lunar = true                                          // 正月十五 is a date of the Chinese calendar
            j += 2
        } else if let (m, e) = readSmall(b, at: j, max: 12), m >= 1, e < n, b[e] == "月" {
            if j > 0, b[j - 1] == "个" || b[j - 1] == "個" { return nil }
            if e + 1 < n, ["度", "季"].contains(b[e + 1]) && false { return nil }
            v.month = m
            j = e + 1
        }
        if v.month != nil {
            if j < n, b[j] == "份" { j += 1 }                           // 6月份
            if let (d, e) = readDay(b, at: j) { v.day = d; j = e }
            else if let (d, e) = readLunarDay(b, at: j) { v.day = d; j = e }
            else if let (d, e) = readSmall(b, at: j, max: 31), d >= 1, role(b[j]) != nil,
                    !(e < n && (lex.unit(b, at: e) != nil || b[e] == "时" || b[e] == "点" || b[e] == "分"
                                || role(b[e]) != nil)) {
                v.day = d; j = e                                        // 八月十五
            } else if let (nth, wd, e) = readNthWeekday(b, at: j) {
                v.weekdayOrdinal = nth; v.weekday = wd; j = e           // 十月的第一个星期一
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

    /// 的第一个星期一, 最后一个周五 after a month: (nth, ISO weekday, end); nth -1 is the last.
    func readNthWeekday(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, Int, Int)? {
        let n = b.count
        var k = i
        if k < n, b[k] == "的" { k += 1 }
        var nth: Int
        if k + 2 < n, b[k] == "最", b[k + 1] == "后" || b[k + 1] == "後" {
            nth = -1; k += 2
            if k < n, b[k] == "一" { k += 1 }
        } else if k + 1 < n, b[k] == "第", let (x, e) = readSmall(b, at: k + 1, max: 5), x >= 1 {
            nth = x; k = e
        } else { return nil }
        if k < n, b[k] == "个" || b[k] == "個" { k += 1 }
        guard let w = matchWeekdayPrefix(b, at: k), w < n, let wd = TemporalTable.weekday(b[w]) else { return nil }
        return (nth, wd, w + 1)
    }

    /// 11日, 12号 (not 12号线), 初一.
    func readDay(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, Int)? {
        let n = b.count
        guard i < n, let (d, e) = readSmall(b, at: i, max: 31), d >= 1, e < n else { return nil }
        let c = b[e]
        if c == "日" {
            // 持续 11 日 is a duration (the quantity recognizer reports it); 三日 after no month too.
            if !(i > 0 && b[i - 1] == "月") {
                if lex.hasDurationContext(b, before: i) { return nil }
                if role(b[i]) != nil { return nil }
            }
            if e + 1 < n, ["报", "本", "常"].contains(b[e + 1]) { return nil }   // 日报 日本 日常
            // 20日元 is 20 yen, unless a month stands before the day (1月1日元旦).
            if e + 1 < n, b[e + 1] == "元" || b[e + 1] == "圆" || b[e + 1] == "圓", !(i > 0 && b[i - 1] == "月") {
                return nil
            }
            return (d, e + 1)
        }
        if c == "号" || c == "號" {
            if e + 1 < n, lex.haoBlockers.contains(b[e + 1]) { return nil }
            // 6 号至 10 号泊位: the first of a range of numbered things.
            var k = e + 1
            if k < n, b[k] == " " { k += 1 }
            if k < n, lex.rangeConnectors.contains(b[k]) || b[k] == "—" {
                k += 1
                if k < n, b[k] == "—" || b[k] == " " { k += 1 }
                if let (_, e2) = readSmall(b, at: k, max: 9999) {
                    var m = e2
                    if m < n, b[m] == " " { m += 1 }
                    if m + 1 < n, b[m] == "号" || b[m] == "號",
                       lex.haoBlockers.contains(b[m + 1]) { return nil }
                }
            }
            return (d, e + 1)
        }
        return nil
    }

    /// 初一 … 初十, and 廿X / 三十 after a lunar month are read by readSmall.
    func readLunarDay(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, Int)? {
        guard i + 1 < b.count, b[i] == "初", let (d, e) = readSmall(b, at: i + 1, max: 10), d >= 1 else {
            return nil
        }
        return (d, e)
    }

    /// 一季度, 第三季度, 前三季度 (the span Q1 to Q3: `from` is 1), 上半年, 下半年.
    func readQuarterOrHalf(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int)
        -> (quarter: Int?, from: Int?, half: Int?, end: Int)? {
        let n = b.count
        var j = i
        guard j < n else { return nil }
        if j + 2 < n, b[j] == "上" || b[j] == "下", b[j + 1] == "半", b[j + 2] == "年" {
            return (nil, nil, b[j] == "上" ? 1 : 2, j + 3)
        }
        let first = b[j] == "前"
        if b[j] == "第" || first { j += 1 }
        if first, j < n, b[j] == "一" { return nil }                 // 前一季度 is the previous quarter
        guard let (q, e) = readSmall(b, at: j, max: 4), q >= 1, e + 1 < n,
              b[e] == "季", b[e + 1] == "度" else { return nil }
        if j > 0, b[j - 1] == "个" || b[j - 1] == "個" { return nil }
        return (q, first && q > 1 ? 1 : nil, nil, e + 2)
    }

    /// Up to `max`: Arabic (1–4 digits) or a small Chinese numeral (十五, 二十三, 廿七, 两, 〇八).
    func readSmall(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, max: Int) -> (Int, Int)? {
        let n = b.count
        guard i < n else { return nil }
        if b[i].isASCIIDigit {
            var k = i, v = 0, d = 0
            while k < n, b[k].isASCIIDigit, d < 4 { v = v * 10 + digit(b[k]); k += 1; d += 1 }
            if k < n, b[k].isASCIIDigit || (b[k] == "." && k + 1 < n && b[k + 1].isASCIIDigit) { return nil }
            return v <= max ? (v, k) : nil
        }
        var k = i, v = 0
        switch role(b[k]) {
        case .tens(let t)?:
            v = t * 10; k += 1
            if k < n, case .digit(let d)? = role(b[k]), d > 0 { v += d; k += 1 }
        case .smallUnit(1)?:
            v = 10; k += 1
            if k < n, case .digit(let d)? = role(b[k]), d > 0 { v += d; k += 1 }
        case .digit(let d)?:
            v = d; k += 1
            if k < n, case .smallUnit(1)? = role(b[k]) {
                v = d * 10; k += 1
                if k < n, case .digit(let e)? = role(b[k]), e > 0 { v += e; k += 1 }
            } else if d == 0, k < n, case .digit(let e)? = role(b[k]) {
                v = e; k += 1                                  // 〇八
            }
        default:
            return nil
        }
        if k < n, NumeralTable.isAmbiguousDigit(b[i].value) && k == i + 1 { return nil }
        return v <= max ? (v, k) : nil
    }
}
