import Normalizer

/// Units and measure words after a numeral: reading them (个 before a noun unit, rates such as
/// 元/吨) and rejecting them in context (2022 年 is a date, 元旦 a word).
extension QuantityRecognizer {
    /// After `i`: a unit (possibly after 个), meaning a numeral with 多/余/来 here is a figure.
    func isUnitAhead(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Bool {
        lex.unit(b, at: i) != nil || b[i] == "月"
    }

    /// The unit at `j`: handles 个 before a noun unit (50 多个小时 → 小时), 个月,
    /// and 个半 (一个半小时 = 1.5 小时). Returns (unit, end, half, over).
    func readUnit(_ b: UnsafeBufferPointer<Unicode.Scalar>, at j: Int) -> (UnitEntry?, Int, Bool, Bool) {
        let n = b.count
        guard j < n else { return (nil, j, false, false) }
        if b[j] == "个" || b[j] == "個" {
            var k = j + 1, half = false, over = false
            if k < n, b[k] == "半" { half = true; k += 1 }
            else if k < n, b[k] == "多" || b[k] == "余" { over = true; k += 1 }
            if k < n, b[k] == "月" {
                // 3 个月: 个 belongs to the number and the unit is 月 (a month as a span, not
                // a calendar month, which is why 月 alone after a number is a date).
                return (UnitEntry(surface: ["月"], unit: "月", dimension: "duration", currency: nil),
                        k + 1, half, over)
            }
            if let u = lex.unit(b, at: k), u.dimension != "count", u.dimension != "currency",
               !(k + u.surface.count < n && u.surface.count <= 2 && u.surface.last.map {
                   lex.isBlockedUnitWord($0, b[k + u.surface.count]) } == true) {
                return (u, k + u.surface.count, half, over)
            }
            if k < n, b[k] == "钟" || b[k] == "鐘" {   // 个钟 (an hour, colloquial)
                let name = b[k] == "钟" ? "钟" : "鐘"
                return (UnitEntry(surface: [b[k]], unit: name, dimension: "duration", currency: nil), k + 1, half, over)
            }
            let ge = lex.unit(b, at: j)
            if half { return (ge, k, true, false) }    // 五個半 = 5.5 个
            return (ge, j + 1, false, false)
        }
        if let u = lex.unit(b, at: j) {
            // 元/吨, 人/平方公里, 公里/小时: a rate of two units.
            let e = j + u.surface.count
            if e + 1 < n, b[e] == "/", let d = lex.unit(b, at: e + 1), d.dimension != "currency" {
                return (UnitEntry.rate(u, d), e + 1 + d.surface.count, false, false)
            }
            return (u, e, false, false)
        }
        // 1.6 km, 12.5 %, 4 ℃: a Latin unit or a sign after one space (spaces next to Han are
        // already gone).
        if b[j] == " ", j > 0, b[j - 1].isASCIIDigit, let u = lex.unit(b, at: j + 1),
           let f = u.surface.first, !f.isHan {
            return (u, j + 1 + u.surface.count, false, false)
        }
        return (nil, j, false, false)
    }

    /// Rules that reject a unit in context: calendar years and days, 季度 without 个,
    /// 成 and 折 words, unit+character words (元旦, 三年级).
    func acceptUnit(_ u: UnitEntry, _ b: UnsafeBufferPointer<Unicode.Scalar>, pn: ParsedNumeral,
                    numStart: Int, unitStart: Int, unitEnd: Int) -> Bool {
        let n = b.count
        // A unit that runs on into a different word.
        // 度电 and 星期/周年 are units in their own right and matched first; others are words.
        if unitEnd < n, let last = u.surface.last, u.surface.count <= 2,
           lex.isBlockedUnitWord(last, b[unitEnd]) {
            // 10 所以上 is 10 所 + 以上, not 所以 ("therefore").
            let yishang = b[unitEnd] == "以" && unitEnd + 1 < n && "上下内".unicodeScalars.contains(b[unitEnd + 1])
            if !yishang { return false }
        }
        switch u.rule {
        case .cohort:
            // 2023届毕业生: a graduating class, named by its year.
            if pn.hasArabic && !pn.hasChinese && pn.arabicIntegerDigits == 4, let y = pn.value.intValue,
               (1900...2099).contains(y) { return false }
        case .year:
            if pn.isDigitSequence { return false }                       // 二〇二二年
            if pn.hasArabic && !pn.hasChinese && pn.value.isInteger && pn.arabicIntegerDigits == 4 && pn.low == nil {
                return false                                             // 2022 年
            }
            if unitEnd < n, b[unitEnd] == "月" || b[unitEnd] == "代" { return false }  // 22年3月, 90年代
            if let m = NumeralParser.parse(b, at: unitEnd), m.end < n, b[m.end] == "月",
               m.value.isInteger, let mv = m.value.intValue, (1...12).contains(mv) { return false }       // 15年一月
            // 康熙二十年, 民国三十年: a year of an era, not a duration.
            if numStart >= 2, lex.eraFirsts.contains(b[numStart - 2]),
               lex.eras.contains(where: { $0.0.count == 2 && $0.0[0] == b[numStart - 2]
                                          && $0.0[1] == b[numStart - 1] }) {
                return false
            }
            if numStart >= 2, b[numStart - 2] == "公", b[numStart - 1] == "元" { return false }        // 公元
        case .day:
            if numStart > 0, b[numStart - 1] == "月" { return false }  // 3 月 11 日
            if pn.hasArabic && !lex.hasDurationContext(b, before: numStart) { return false }
        case .minuteOrScore:
            // 9 时 30 分, 7点15分: minutes of a clock time, not a score.
            if numStart > 0, ["时", "時", "点", "點"].contains(b[numStart - 1]) { return false }
            // 三点差五分, 三点过五分: minutes to or past the hour.
            if numStart > 1, ["差", "过", "過"].contains(b[numStart - 1]),
               ["点", "點"].contains(b[numStart - 2]) { return false }
        case .quarter:
            if unitStart < n, b[unitStart] != "个" && b[unitStart] != "個" { return false }
        case .cheng:
            if pn.value > ExactNumber(10) || pn.value.isNegative { return false }
        case .zhe:
            // 九折, 七五折, 8.5折; not 十折 or 三折叠.
            if pn.isShortSequence { return true }
            if pn.hasArabic && pn.value.isInteger && pn.arabicIntegerDigits == 2 && pn.value.exponent == 0 {
                return true                                              // 75折
            }
            if !(pn.value < ExactNumber(10)) || pn.value.isNegative || pn.value.isZero { return false }
        case .week:
            if unitEnd < n, NumeralTable.role(b[unitEnd]) != nil { return false }  // 3周一? a weekday
        default:
            break
        }
        return true
    }
}
