import Normalizer

/// Arabic numerals in forms the numeral parser leaves to context: a leading point (.5, -.5),
/// powers (2^-1), mixed numbers (1 3/5), and amounts too long for an exact value
/// (202107211321363588510367 美元).
extension QuantityRecognizer {
    /// .5, .23456: a decimal written without its leading zero, not inside a code (v1.5, a.b).
    func pointFirst(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> ParsedNumeral? {
        let n = b.count
        guard b[i] == ".", i + 1 < n, b[i + 1].isASCIIDigit,
              i == 0 || !(b[i - 1].isASCIILetterOrDigit || b[i - 1] == "." || b[i - 1] == "/") else { return nil }
        var k = i + 1, m: Int64 = 0, digits: Int32 = 0
        while k < n, b[k].isASCIIDigit, digits < 18 {
            m = m * 10 + Int64(QuantityRecognizer.asciiValue(b[k])); k += 1; digits += 1
        }
        guard !(k < n && (b[k].isASCIIDigit || b[k] == ".")) else { return nil }
        let v = ExactNumber(mantissa: m, exponent: -digits)
        var p = ParsedNumeral(value: v, end: k, mantissa: v, start: i)
        p.hasArabic = true
        return p
    }

    /// 2^-1 (0.5), 2.5^-1 (0.4), 10^3: a power with a small integer exponent, exact when its
    /// value is (else rounded to 15 significant digits and marked approximate).
    func power(_ pn: ParsedNumeral, _ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> ParsedNumeral? {
        let n = b.count
        var k = i, negativeExponent = false
        if k < n, b[k] == "+" || b[k] == "-" { negativeExponent = b[k] == "-"; k += 1 }
        var e = 0, digits = 0
        while k < n, b[k].isASCIIDigit, digits < 2 {
            e = e * 10 + Int(QuantityRecognizer.asciiValue(b[k])); k += 1; digits += 1
        }
        guard digits > 0, e <= 30, !(k < n && (b[k].isASCIILetterOrDigit || b[k] == "^" || b[k] == ".")),
              !pn.value.isZero || !negativeExponent else { return nil }
        var v = ExactNumber.one
        for _ in 0..<e {
            guard let x = v.multiplied(by: pn.value) else { return nil }
            v = x
        }
        var r = pn
        if negativeExponent {
            if let q = ExactNumber.one.divided(by: v) { v = q } else {
                guard let q = ExactNumber.one.dividedRounded(by: v, significantDigits: 15) else { return nil }
                v = q; r.approximate = true
            }
        }
        r.value = v; r.mantissa = v; r.end = k; r.trailingMagnitude = 0
        return r
    }

    /// 1 3/5 (1.6), 4 6/3 (6): a whole number, one space, and an Arabic fraction.
    func mixedNumber(_ pn: ParsedNumeral, _ b: UnsafeBufferPointer<Unicode.Scalar>, at j: Int) -> ParsedNumeral? {
        let n = b.count
        guard pn.value.isInteger, !pn.value.isNegative, pn.arabicIntegerDigits <= 3, j + 3 < n, b[j] == " ",
              b[j + 1].isASCIIDigit, let (num, slash, _) = NumeralParser.parseArabic(b, at: j + 1), slash < n,
              b[slash] == "/", num.isInteger else { return nil }
        var whole = pn
        whole.value = num; whole.end = slash; whole.start = j + 1
        guard let frac = arabicFraction(b, whole, at: slash), let v = pn.value.adding(frac.value) else { return nil }
        var r = frac
        r.start = pn.start; r.value = v; r.mantissa = v
        return r
    }

    /// 202107211321363588510367 美元: more digits than an exact value holds (18 significant),
    /// before a unit. The value is rounded to 18 significant digits and marked approximate; a
    /// run of digits with no unit stays an identifier.
    func longArabic(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> ParsedNumeral? {
        let n = b.count
        var k = i
        while k < n, b[k].isASCIIDigit { k += 1 }
        let count = k - i
        guard count > 18, count <= 36, !(k < n && (b[k].isASCIILetter || b[k] == "." || b[k] == ",")) else {
            return nil
        }
        let unitAt = k < n && b[k] == " " ? k + 1 : k
        guard lex.unit(b, at: unitAt) != nil else { return nil }
        var m: Int64 = 0
        for p in i..<(i + 18) { m = m * 10 + Int64(QuantityRecognizer.asciiValue(b[p])) }
        if QuantityRecognizer.asciiValue(b[i + 18]) >= 5 { m += 1 }          // round half up
        let v = ExactNumber(mantissa: m, exponent: Int32(count - 18))
        var p = ParsedNumeral(value: v, end: k, mantissa: v, start: i)
        p.hasArabic = true; p.approximate = true; p.arabicIntegerDigits = count
        return p
    }
}
