import Normalizer

/// Numerals in context: what a numeral is read with (a lone 百 after 百分之, an exponent, an
/// Arabic fraction, a second numeral making a range) and what makes a run of digits a code
/// rather than a figure (2022-03-11, KN95).
extension QuantityRecognizer {
    /// 百分之百: the lone 百 after 百分之 is 100.
    func hundredAlone(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ percent: Bool, _ i: Int) -> ParsedNumeral? {
        guard percent, b[i] == "百" || b[i] == "佰" else { return nil }
        var p = ParsedNumeral(value: ExactNumber(100), end: i + 1, mantissa: ExactNumber(100), start: i)
        p.hasChinese = true
        return p
    }

    /// `+14`, `-1`, `3` after an `e`: a decimal exponent of at most two digits, ending the token.
    func exponentSuffix(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int32, Int)? {
        let n = b.count
        var k = i, sign: Int32 = 1
        if k < n, b[k] == "+" || b[k] == "-" { if b[k] == "-" { sign = -1 }; k += 1 }
        var e: Int32 = 0, digits = 0
        while k < n, b[k].isASCIIDigit, digits < 2 {
            e = e * 10 + QuantityRecognizer.asciiValue(b[k]); k += 1; digits += 1
        }
        guard digits > 0, e <= 30, !(k < n && b[k].isASCIILetterOrDigit) else { return nil }
        return (sign * e, k)
    }

    /// 1/2, 3/5: an Arabic fraction (not a date: no third group, no 月/日 after).
    func arabicFraction(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ pn: ParsedNumeral, at j: Int) -> ParsedNumeral? {
        let n = b.count
        guard pn.value.isInteger, pn.hasArabic, !pn.hasChinese, j + 1 < n, b[j + 1].isASCIIDigit,
              let (den, end, _) = NumeralParser.parseArabic(b, at: j + 1), den.isInteger, !den.isZero else {
            return nil
        }
        if end < n, b[end] == "/" || b[end] == "." || b[end] == "-" || b[end].isASCIIDigit { return nil }
        if end < n, ["月", "日", "号", "年"].contains(b[end]) { return nil }
        var r = pn
        if let q = pn.value.divided(by: den) { r.value = q } else {
            guard let q = pn.value.dividedRounded(by: den, significantDigits: 15) else { return nil }
            r.value = q; r.approximate = true
        }
        r.end = end; r.mantissa = r.value; r.trailingMagnitude = 0
        return r
    }

    /// `3 至 5 万元`, `10-20 人`, `3 万元至 5 万元`: a second numeral after a connector.
    func readRange(_ b: UnsafeBufferPointer<Unicode.Scalar>, from j: Int, first: ParsedNumeral, firstUnit: UnitEntry?,
                   negative: Bool) -> (low: ExactNumber, high: ExactNumber, unit: UnitEntry?, end: Int)? {
        let n = b.count
        guard j + 1 < n, !negative else { return nil }
        var j = j
        if b[j] == " ", j + 2 < n, b[j + 1] != " ", b[j + 2] == " " || !b[j + 2].isASCIIDigit { j += 1 }
        let c = b[j]
        let isConnector = c == "至" || c == "到" || c == "-" || c == "—" || c == "–"   // em dash, en dash
            || c == "~" || c == "〜"                                                         // tilde, wave dash
        // 在 100 和 200 之间: 和/与 join the ends only when 之间 closes the range.
        let isAnd = c == "和" || c == "与" || c == "與" || c == "及" || c == "跟"
        guard isConnector || isAnd else { return nil }
        var k = j + 1
        if c == "—", k < n, b[k] == "—" { k += 1 }    // a doubled dash: ——
        if k < n, b[k] == " " { k += 1 }
        // 百分之二十到(百分之)三十: a percentage written before the number holds for both ends.
        let percentBefore = firstUnit.map { $0.unit == "%" && $0.surface.isEmpty } ?? false
        if percentBefore, k + 3 < n, b[k] == "百", b[k + 1] == "分", b[k + 2] == "之" { k += 3 }
        guard k < n, QuantityRecognizer.isNumeralStart(b[k]) else { return nil }
        if c == "-" && (first.hasChinese || !b[k].isASCIIDigit) { return nil }
        guard let second = NumeralParser.parse(b, at: k), second.low == nil else { return nil }
        var end = second.end
        var unit = firstUnit
        if percentBefore {
            // the unit is said before the numbers
        } else if let fu = firstUnit {
            // 3 万元至 5 万元: the same unit again (or none: 3 万元至 5 万).
            if let (u2, e2, _, _) = Optional(readUnit(b, at: end)), let u = u2 {
                guard u.unit == fu.unit else { return nil }
                end = e2
            } else {
                return nil
            }
        } else {
            let (u2, e2, _, _) = readUnit(b, at: end)
            if let u = u2 {
                guard acceptUnit(u, b, pn: second, numStart: k, unitStart: end, unitEnd: e2) else { return nil }
                unit = u
                end = e2
            } else if !emitNumbers || (first.isShortSequence || second.isShortSequence) {
                return nil                 // 二十到三十: a range of bare numbers, only when numbers are asked for
            }
        }
        if isAnd && !QuantityRecognizer.closesBetween(b, at: end) { return nil }
        var low = first.value
        var high = second.value
        // 5元4角-6元5角: the second end may be a compound amount too.
        if let u = unit, second.trailingMagnitude == 0, let (delta, e3) = compoundTail(b, at: end, unit: u),
           let v = high.adding(delta) {
            high = v; end = e3
        }
        // 3 至 5 万: the magnitude of the second numeral applies to the first.
        if first.trailingMagnitude == 0 && second.trailingMagnitude > 0 && firstUnit == nil
            && first.value < second.mantissa {
            low = first.value.multiplied(byPowerOfTen: second.trailingMagnitude)
        }
        guard low < high else { return nil }
        // 2020-2022 年 is a span of years (a date), not a quantity.
        if unit?.rule == .year && first.arabicIntegerDigits == 4 { return nil }
        return (low, high, unit, end)
    }

    /// 之间 (or 间) at `i`, after an optional space: the end of 在 A 和 B 之间.
    static func closesBetween(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        var k = i
        if k < b.count, b[k] == " " { k += 1 }
        if k < b.count, b[k] == "之" { k += 1 }
        return k < b.count && (b[k] == "间" || b[k] == "間")
    }

    /// 在第十和第十五之间, 排名在第 3 至第 5 之间: ordinals between two ranks are a range of
    /// numbers (the numeral after 第 is otherwise an ordinal, not a figure). `i` is the first
    /// numeral, right after 第.
    func ordinalRange(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Figure? {
        let n = b.count
        guard emitNumbers, i >= 2, b[i - 2] == "在" || b[i - 2] == "于" || b[i - 2] == "於",
              let a = NumeralParser.parse(b, at: i), a.low == nil, a.end + 2 < n else { return nil }
        let c = b[a.end]
        guard c == "和" || c == "与" || c == "與" || c == "到" || c == "至" || c == "-" || c == "~",
              b[a.end + 1] == "第", let z = NumeralParser.parse(b, at: a.end + 2), z.low == nil,
              a.value < z.value, QuantityRecognizer.closesBetween(b, at: z.end) else { return nil }
        var f = Figure(start: i - 1, end: z.end, value: a.value, rule: "ordinal-range")
        f.low = a.value; f.high = z.value
        return f
    }

    /// 2022-03-11, 0755-88888888: digit groups joined by hyphens that are not a range.
    func isDashedCode(_ b: UnsafeBufferPointer<Unicode.Scalar>, from i: Int) -> Bool {
        var k = i, groups = 0, firstLen = 0, lens: [Int] = []
        let n = b.count
        while k < n {
            var len = 0
            while k < n, b[k].isASCIIDigit { k += 1; len += 1 }
            if len == 0 { break }
            groups += 1; lens.append(len)
            if groups == 1 { firstLen = len }
            if k < n, b[k] == "-" { k += 1 } else { break }
        }
        if groups >= 3 { return true }
        if groups == 2 && (firstLen >= 3 && lens[0] != lens[1] || b[i] == "0" || lens[1] >= 5) { return true }
        return false
    }

    /// Skips the numeral at `i` (第十五: not 五 of it either), or one character.
    func skipNumeral(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Int {
        if let p = NumeralParser.parse(b, at: i) { return p.end }
        return i + 1
    }

    /// Skips a run of Latin letters, digits and joiners (KN95, COVID-19, 2022-03-11).
    func skipCode(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Int {
        var k = i
        let n = b.count
        while k < n, b[k].isASCIILetterOrDigit || ((b[k] == "-" || b[k] == "." || b[k] == "/" || b[k] == ":")
                                                      && k + 1 < n && b[k + 1].isASCIILetterOrDigit) {
            k += 1
        }
        return max(k, i + 1)
    }
}
