/// A numeral read from text: its exact value and how it was written.
///
///     "367.18万" → value 3671800, mantissa 367.18, trailingMagnitude 4
///     "三四百"   → value 300, low 300, high 400 (an approximate range)
///
///     let n = Array("367.18万小时".unicodeScalars).withUnsafeBufferPointer { NumeralParser.parse($0, at: 0) }
///     n?.value, n?.end, n?.mantissa   // 3671800, 7 (小时 starts there), 367.18
public struct ParsedNumeral: Sendable, Equatable {
    /// The exact value, magnitudes applied (367.18万 → 3671800); for a range, its low end.
    public var value: ExactNumber
    /// Index just past the numeral in the scanned buffer.
    public var end: Int
    /// Bounds when the numeral itself is a range (三四百, 十七八).
    public var low: ExactNumber?
    /// The high bound of a range (三四百 → 400).
    public var high: ExactNumber?
    /// Power of ten of the run of units the numeral ends with (万 → 4, 千万 → 7), 0 if none.
    public var trailingMagnitude: Int32 = 0
    /// `value` without that trailing run (5万 → 5), used to spread a magnitude over a range (3至5万).
    public var mantissa: ExactNumber
    /// 余/多 written inside the numeral (十余万, 三千多万): the true value is above.
    public var innerOver = false
    /// Arabic digits were written (367.18万).
    public var hasArabic = false
    /// Chinese numerals were written (三千五百万, 3万4千).
    public var hasChinese = false
    /// Digits written one by one (二〇二二, 七二九．二).
    public var isDigitSequence = false
    /// Two digits one by one that are not a numeral alone (一一, 七五 in 七五折).
    public var isShortSequence = false
    /// Arabic digits before the point, when the numeral is plain Arabic (for years).
    public var arabicIntegerDigits = 0
    /// A fraction was rounded (三分之一).
    public var approximate = false
    /// 几 stood for a digit (二十几万): the value is a lower bound.
    public var unknownDigit = false
    /// A fraction written the Cantonese way, without 之 (四分一 = 1/4): the caller decides
    /// whether the unit after it allows that reading (四分一升, but not 十分一次).
    ///
    ///     // parseWithFraction over 四分一升: value 0.25, colloquialFraction true
    public var colloquialFraction = false
    /// Number of scalars in the numeral.
    public var length: Int { end - start }
    /// Index of the numeral's first scalar in the scanned buffer.
    public var start: Int

    /// A numeral of `value` spanning `start..<end` of a buffer, without flags (the parser sets them):
    /// `ParsedNumeral(value: ExactNumber(5), end: 1, mantissa: ExactNumber(5), start: 0).length` is 1.
    public init(value: ExactNumber, end: Int, mantissa: ExactNumber, start: Int) {
        self.value = value
        self.end = end
        self.mantissa = mantissa
        self.start = start
    }
}

/// Reads Chinese, Arabic and mixed numerals from a buffer of (folded) Unicode
/// scalars. Pure: no knowledge of units, spans or files.
///
/// Each reader takes the scalars as `Unicode.Scalar`s (and compares them with the
/// characters they mean); an overload takes the same buffer as `UInt32` values
/// (`SourceText.scalars`), viewed in place.
///
/// Composition follows Duckling's ZH rules: digits combine with 十/百/千 inside
/// a section, sections with 万/亿 (万亿 = 10^12), and a bare last digit after a
/// unit takes the next lower place (一万五 = 15000, 两百五 = 250) unless 零
/// came between (一万零五 = 10005).
///
///     NumeralParser.value(of: "两百五")       // 250
///     NumeralParser.value(of: "负3")          // -3
public enum NumeralParser {
    /// The decimal point: ASCII (full-width folded) or 点/點.
    @inline(__always) static func isPoint(_ c: Unicode.Scalar) -> Bool { c == "." || c == "点" || c == "點" }

    @inline(__always) static func digitValue(_ c: Unicode.Scalar) -> Int? {
        if case .digit(let d)? = NumeralTable.role(c) { return d }
        return nil
    }

    /// The value of an ASCII digit.
    @inline(__always) static func asciiValue(_ c: Unicode.Scalar) -> Int {
        Int(c.value &- ("0" as Unicode.Scalar).value)
    }

    /// 兆 before these is the SI prefix (兆瓦 = MW, 兆字节, 兆帕), not 10^12.
    static func isSIPrefixed(_ c: Unicode.Scalar) -> Bool { "瓦赫字焦帕欧位比克吨米升".unicodeScalars.contains(c) }

    @inline(__always) static func isUnit(_ c: Unicode.Scalar) -> Bool {
        switch NumeralTable.role(c) {
        case .smallUnit?, .bigUnit?: return true
        default: return false
        }
    }

    /// Parses a whole string as one numeral (with an optional leading - or 负);
    /// nil unless every character is part of it.
    ///
    ///     NumeralParser.value(of: "三千五百万")   // 35000000
    ///     NumeralParser.value(of: "三千五百万元") // nil: 元 is not part of the numeral
    public static func value(of text: String) -> ExactNumber? {
        var scalars = text.unicodeScalars.map { NumeralTable.fold($0) }
        var negative = false
        if let f = scalars.first, f == "-" || f == "负" {
            negative = true
            scalars.removeFirst()
        }
        return scalars.withUnsafeBufferPointer { b -> ExactNumber? in
            guard let p = parse(b, at: 0), p.end == b.count, p.low == nil, !p.isShortSequence else { return nil }
            return negative ? p.value.negated : p.value
        }
    }

    /// Arabic digits at `i`: `1,302`, `18,806,608,102.09`, `3.15`. Nil on
    /// overflow (an identifier, not a figure).
    ///
    ///     Array("共 1,302 支".unicodeScalars).withUnsafeBufferPointer { NumeralParser.parseArabic($0, at: 2) }
    ///     // (value: 1302, end: 7, integerDigits: 4)
    public static func parseArabic(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int)
        -> (value: ExactNumber, end: Int, integerDigits: Int)? {
        let n = b.count
        var m: Int64 = 0, e: Int32 = 0, j = i, intDigits = 0
        func push(_ c: Unicode.Scalar) -> Bool {
            let (x, o1) = m.multipliedReportingOverflow(by: 10)
            let (y, o2) = x.addingReportingOverflow(Int64(c.value - ("0" as Unicode.Scalar).value))
            if o1 || o2 { return false }
            m = y
            return true
        }
        while j < n, NumeralTable.isASCIIDigit(b[j]) {
            if !push(b[j]) { return nil }
            j += 1; intDigits += 1
        }
        guard intDigits > 0 else { return nil }
        // Thousands separators: ASCII comma followed by exactly three digits.
        if intDigits <= 3 {
            while j + 3 < n, b[j] == ",",
                  NumeralTable.isASCIIDigit(b[j + 1]), NumeralTable.isASCIIDigit(b[j + 2]),
                  NumeralTable.isASCIIDigit(b[j + 3]),
                  !(j + 4 < n && NumeralTable.isASCIIDigit(b[j + 4])) {
                for k in 1...3 { if !push(b[j + k]) { return nil } }
                intDigits += 3
                j += 4
            }
        }
        if j + 1 < n, b[j] == ".", NumeralTable.isASCIIDigit(b[j + 1]) {
            j += 1
            while j < n, NumeralTable.isASCIIDigit(b[j]) {
                if !push(b[j]) { return nil }
                e -= 1; j += 1
            }
        }
        return (ExactNumber(mantissa: m, exponent: e), j, intDigits)
    }

    private enum Last { case none, number, small, big, zero }

    /// Reads the longest numeral starting at `i`, or nil if none starts there.
    ///
    ///     let n = Array("三四百人".unicodeScalars).withUnsafeBufferPointer { NumeralParser.parse($0, at: 0) }
    ///     n?.value, n?.low, n?.high, n?.end   // 300, 300, 400 (a range), 3
    public static func parse(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> ParsedNumeral? {
        let n = b.count
        guard i < n else { return nil }
        if NumeralTable.isASCIIDigit(b[i]), let fast = parseArabicFast(b, at: i) { return fast }
        if let seq = parseDigitSequence(b, at: i) { return seq }
        if let short = parseLeadingUnit(b, at: i) { return short }

        var total = ExactNumber.zero, section = ExactNumber.zero
        var pending: ExactNumber? = nil
        var pendingDigit = -1                 // the single digit pending, if it is one
        var lastUnitExp: Int32 = 0
        var lastSmall: Int32 = 99
        var lastBig: Int32 = 0
        var afterZero = false
        var last = Last.none
        var beforePending = Last.none
        var trailing: Int32 = 0
        var j = i, end = i
        var result = ParsedNumeral(value: .zero, end: i, mantissa: .zero, start: i)
        var rangeHighDigit = -1

        scan: while j < n {
            let c = b[j]
            if NumeralTable.isASCIIDigit(c) {
                if pending != nil || last == .number { break }
                guard let (v, k, digits) = parseArabic(b, at: j) else { break }
                if last == .none { result.arabicIntegerDigits = digits }
                pending = v
                pendingDigit = (k - j == 1) ? asciiValue(c) : -1
                beforePending = last
                last = .number; result.hasArabic = true
                j = k; end = j; trailing = 0
                continue
            }
            // 二十几万, 一千五百零几万: 几 stands for an unknown last digit.
            if c == "几" || c == "幾", pending == nil, last == .small || last == .zero || last == .big {
                pending = .zero; pendingDigit = -1; beforePending = last
                last = .number; result.unknownDigit = true
                j += 1; end = j
                continue
            }
            guard let role = NumeralTable.role(c) else {
                // 十余万, 三千多万: 余/多 between a unit and a larger unit.
                if c == "余" || c == "多", last == .small || last == .big || last == .number,
                   j + 1 < n, isUnit(b[j + 1]) {
                    result.innerOver = true
                    j += 1
                    continue
                }
                break
            }
            switch role {
            case .digit(let d):
                if d == 0 && last != .none && last != .number {
                    afterZero = true
                    last = .zero
                    j += 1
                    continue
                }
                if c == "两" || c == "兩", last == .small || last == .big,
                   !(j + 1 < n && isUnit(b[j + 1])) {
                    break scan   // 两万两: a final 两 is the weight unit (liang), not 2000
                }
                if pending != nil || last == .number {
                    // 十七八, 三十五六: a second, next digit makes an approximate range.
                    if pendingDigit >= 0, d == pendingDigit + 1, rangeHighDigit < 0,
                       beforePending == .small || beforePending == .big {
                        rangeHighDigit = d
                        j += 1; end = j
                    }
                    break scan
                }
                pending = ExactNumber(d)
                pendingDigit = d
                beforePending = last
                last = .number; result.hasChinese = true
                j += 1; end = j; trailing = 0
            case .tens(let t):
                if pending != nil || last == .number || lastSmall <= 1 { break scan }
                guard let s = section.adding(ExactNumber(t * 10)) else { break scan }
                section = s
                lastSmall = 1; lastUnitExp = 1; last = .small; result.hasChinese = true
                j += 1; end = j; trailing = 0
            case .smallUnit(let e):
                var p = pending
                if p == nil {
                    if e == 1 && (last == .none || last == .big || last == .zero) { p = .one } else { break scan }
                }
                if e >= lastSmall { break scan }
                guard let pv = p, let s = section.adding(pv.multiplied(byPowerOfTen: e)) else { break scan }
                section = s
                trailing = (last == .small || last == .big) ? trailing + e : e
                pending = nil; pendingDigit = -1
                lastSmall = e; lastUnitExp = e; last = .small; result.hasChinese = true
                j += 1; end = j
            case .bigUnit(let e):
                // 兆 before a unit is the SI prefix (兆瓦 = MW), not 10^12.
                if c == "兆", j + 1 < n, isSIPrefixed(b[j + 1]) { break scan }
                if pending == nil && section.isZero {
                    // 万亿: a magnitude on a magnitude.
                    guard last == .big, !total.isZero, lastBig + e <= 24 else { break scan }
                    total = total.multiplied(byPowerOfTen: e)
                    lastBig += e; lastUnitExp = lastBig; trailing += e
                    j += 1; end = j
                    continue
                }
                if lastBig != 0 && e == lastBig { break scan }
                guard let s = section.adding(pending ?? .zero) else { break scan }
                if lastBig != 0 && e > lastBig {
                    guard let t = total.adding(s) else { break scan }
                    total = t.multiplied(byPowerOfTen: e)
                } else {
                    guard let t = total.adding(s.multiplied(byPowerOfTen: e)) else { break scan }
                    total = t
                }
                trailing = (last == .small || last == .big) ? trailing + e : e
                section = .zero; pending = nil; pendingDigit = -1
                lastSmall = 99; lastBig = e; lastUnitExp = e; last = .big; result.hasChinese = true
                j += 1; end = j
            case .point:
                break scan
            }
        }
        guard end > i else { return nil }

        // The last digit after a unit takes the next lower place (一万五), unless 零 came between.
        var tail = ExactNumber.zero
        var tailHigh: ExactNumber? = nil
        if let p = pending {
            let shortened = pendingDigit >= 0 && !afterZero && (beforePending == .small || beforePending == .big)
            let place = shortened ? lastUnitExp - 1 : 0
            tail = p.multiplied(byPowerOfTen: place)
            if rangeHighDigit >= 0 { tailHigh = ExactNumber(rangeHighDigit).multiplied(byPowerOfTen: place) }
        }
        guard let base = total.adding(section), var value = base.adding(tail) else { return nil }
        // 三点五, 两千三点一 (2300.1), 四百亿点零五: a point and digits after the integer,
        // unless a clock (三点五分, 三点一刻); 三点五万: magnitudes after the fraction.
        if rangeHighDigit < 0, result.hasChinese, !result.hasArabic || pending == nil,
           end + 1 < n, isPoint(b[end]),
           digitValue(b[end + 1]) != nil || (b[end] != "." && NumeralTable.isASCIIDigit(b[end + 1])) {
            var k = end + 1, frac: Int64 = 0, e: Int32 = 0
            while k < n, let dd = digitValue(b[k]) ?? (NumeralTable.isASCIIDigit(b[k]) ? asciiValue(b[k]) : nil),
                  e > -17 {
                frac = frac * 10 + Int64(dd); e -= 1; k += 1
            }
            // 三点五分, 三點三個字 (the Cantonese clock counts fives of minutes).
            let clock = b[end] != "." && k < n && (b[k] == "分" || b[k] == "刻" || b[k] == "整"
                || k + 1 < n && (b[k] == "個" || b[k] == "个") && b[k + 1] == "字")
            if !clock, let v = value.adding(ExactNumber(mantissa: frac, exponent: e)) {
                value = v
                end = k
                var mag: Int32 = 0
                while end < n, case .bigUnit(let be)? = NumeralTable.role(b[end]), lastBig == 0 || be > lastBig {
                    mag += be; end += 1
                }
                if mag > 0 {
                    value = value.multiplied(byPowerOfTen: mag)
                    trailing = mag
                    pending = nil
                }
            }
        }
        result.value = value
        result.end = end
        if let th = tailHigh, let high = base.adding(th) {
            result.low = value
            result.high = high
        }
        result.trailingMagnitude = pending == nil ? trailing : 0
        result.mantissa = value.multiplied(byPowerOfTen: -result.trailingMagnitude)
        return result
    }

    /// A numeral, a fraction (三分之一, 25分之144) or a mixed number (三百五又三分之一).
    /// Fractions without a finite decimal expansion are rounded to 15 significant
    /// digits and marked `approximate`.
    ///
    ///     let n = Array("三分之一".unicodeScalars).withUnsafeBufferPointer { NumeralParser.parseWithFraction($0, at: 0) }
    ///     n?.value, n?.approximate   // 0.333333333333333, true
    public static func parseWithFraction(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> ParsedNumeral? {
        guard var a = parse(b, at: i) else { return nil }
        let n = b.count
        // A 分之 B
        var numAt = a.end + 2
        var numNegative = false
        if numAt < n, b[numAt] == "负" || b[numAt] == "負" { numNegative = true; numAt += 1 }
        if a.low == nil, a.end + 2 < n, b[a.end] == "分", b[a.end + 1] == "之",
           var num = parse(b, at: numAt), num.low == nil, !a.value.isZero {
            if numNegative { num.value = num.value.negated }
            var r = a
            r.start = i
            r.end = num.end
            if let q = num.value.divided(by: a.value) { r.value = q } else {
                guard let q = num.value.dividedRounded(by: a.value, significantDigits: 15) else { return a }
                r.value = q
                r.approximate = true
            }
            r.mantissa = r.value; r.trailingMagnitude = 0; r.hasArabic = a.hasArabic || num.hasArabic
            r.hasChinese = true; r.isDigitSequence = false; r.isShortSequence = false
            return r
        }
        if a.end + 1 < n, b[a.end] == "分" || b[a.end] == "份", let r = colloquialFraction(b, a) { return r }
        // A 又 B 分之 C (or B 分 C): the part after 又 must itself be a fraction (read without recursion).
        if a.low == nil, a.end + 1 < n, b[a.end] == "又", let den = parse(b, at: a.end + 1), den.low == nil,
           den.end + 1 < n, b[den.end] == "分",
           let frac = parseWithFraction(b, at: a.end + 1),
           frac.end > a.end + 1, frac.value < .one, !frac.value.isNegative,
           frac.start == a.end + 1, hasFractionMark(b, frac) || frac.colloquialFraction {
            guard let v = a.value.adding(frac.value) else { return a }
            a.value = v; a.end = frac.end; a.mantissa = v; a.trailingMagnitude = 0
            a.approximate = a.approximate || frac.approximate
        }
        return a
    }

    /// 四分一 (1/4), 十分一 (1/10), 十份十一 (11/10): A 分 B (or A 份 B), both in Chinese
    /// numerals, read as B/A the Cantonese way. Not a clock or a score (三点四分一, 五分一秒),
    /// and 份 only before a boundary (三份一样 is "three identical portions").
    static func colloquialFraction(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ a: ParsedNumeral) -> ParsedNumeral? {
        let n = b.count
        guard a.low == nil, a.hasChinese, !a.hasArabic, !a.isDigitSequence, !a.isShortSequence, a.value.isInteger,
              ExactNumber(1) < a.value, a.end + 1 < n, b[a.end] == "分" || b[a.end] == "份",
              NumeralTable.role(b[a.end + 1]) != nil, let z = parse(b, at: a.end + 1), z.low == nil, z.hasChinese,
              !z.hasArabic, !z.isDigitSequence, !z.isShortSequence, z.value.isInteger, !z.value.isZero
        else { return nil }
        if z.end < n {
            let c = b[z.end]
            if NumeralTable.role(c) != nil || "分秒钟鐘点點之刻时時".unicodeScalars.contains(c) { return nil }
            if b[a.end] == "份", (0x3400...0x9FFF).contains(c.value) { return nil }
        }
        var r = a
        if let q = z.value.divided(by: a.value) { r.value = q } else {
            guard let q = z.value.dividedRounded(by: a.value, significantDigits: 15) else { return nil }
            r.value = q
            r.approximate = true
        }
        r.end = z.end; r.mantissa = r.value; r.trailingMagnitude = 0; r.colloquialFraction = true
        return r
    }

    static func hasFractionMark(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ p: ParsedNumeral) -> Bool {
        var k = p.start
        while k + 1 < p.end { if b[k] == "分" && b[k + 1] == "之" { return true }; k += 1 }
        return false
    }

    /// 千一 (1100), 萬九 (19000), 百五 (150): a unit with an implied 一 and one digit after it.
    static func parseLeadingUnit(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> ParsedNumeral? {
        let n = b.count
        guard i + 1 < n, let r = NumeralTable.role(b[i]) else { return nil }
        let e: Int32
        switch r {
        case .smallUnit(let s) where s >= 2: e = s
        case .bigUnit(let s) where s == 4: e = s
        default: return nil
        }
        guard let d = digitValue(b[i + 1]), d > 0, b[i + 1] != "两", b[i + 1] != "兩" else { return nil }
        if e == 4 && d == 1 { return nil }   // 万一 means "in case"
        if i + 2 < n, NumeralTable.role(b[i + 2]) != nil || NumeralTable.isASCIIDigit(b[i + 2]) { return nil }
        let v = ExactNumber.one.multiplied(byPowerOfTen: e)
            .adding(ExactNumber(d).multiplied(byPowerOfTen: e - 1)) ?? .zero
        var p = ParsedNumeral(value: v, end: i + 2, mantissa: v, start: i)
        p.hasChinese = true
        return p
    }

    /// The common case in one step: Arabic digits, optionally one 万 or 亿 (13, 3.15亿, 45018),
    /// with nothing numeral after them. Anything else (3万4000, 5千万, 十余万) takes the full path.
    @inline(__always)
    static func parseArabicFast(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> ParsedNumeral? {
        let n = b.count
        guard let (v, j, digits) = parseArabic(b, at: i) else { return nil }
        var end = j, e: Int32 = 0
        if j < n, case .bigUnit(let be)? = NumeralTable.role(b[j]) { e = be; end = j + 1 }
        if end < n {
            let c = b[end]
            if NumeralTable.isASCIIDigit(c) || NumeralTable.role(c) != nil || isPoint(c) || c == "余" || c == "多"
                || c == "几" || c == "幾" || c == "分" || c == "又" { return nil }
        }
        if j < n && e == 0, NumeralTable.role(b[j]) != nil { return nil }
        var p = ParsedNumeral(value: e == 0 ? v : v.multiplied(byPowerOfTen: e), end: end, mantissa: v, start: i)
        p.trailingMagnitude = e
        p.hasArabic = true
        p.arabicIntegerDigits = digits
        return p
    }

    /// Chinese digits written one by one (二〇二二, 七二九．二), or two
    /// consecutive digits as an approximate range (三四百, 七八个, 两三万).
    static func parseDigitSequence(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> ParsedNumeral? {
        let n = b.count
        guard let d0 = digitValue(b[i]), i + 1 < n, let d1 = digitValue(b[i + 1]) else { return nil }
        var j = i, digits: [Int] = []
        while j < n, let d = digitValue(b[j]), digits.count < 18 {
            // 两 is never read digit by digit; only 一两 (one or two) pairs it.
            if (b[j] == "两" || b[j] == "兩") && !(digits == [1] && j == i + 1) && !digits.isEmpty { break }
            digits.append(d); j += 1
        }
        if digits.count < 2 { return nil }
        var result = ParsedNumeral(value: .zero, end: j, mantissa: .zero, start: i)
        result.hasChinese = true
        let pointFollows = j + 1 < n && isPoint(b[j]) && digitValue(b[j + 1]) != nil
        // 三四百, 七八个, 三五天 (three to five): a pair read as an approximate range.
        if digits.count == 2 && !pointFollows && ((d1 == d0 + 1 && d0 > 0) || (d0 == 3 && d1 == 5)) {
            // 三四百: spread the following run of units over both digits.
            var e: Int32 = 0, k = j
            var lastSmall: Int32 = 99
            while k < n, let r = NumeralTable.role(b[k]) {
                if case .smallUnit(let s) = r, s < lastSmall, e < 4 { e += s; lastSmall = s; k += 1; continue }
                if case .bigUnit(let s) = r, e + s <= 16 { e += s; lastSmall = 99; k += 1; continue }
                break
            }
            result.low = ExactNumber(d0).multiplied(byPowerOfTen: e)
            result.high = ExactNumber(d1).multiplied(byPowerOfTen: e)
            result.value = result.low ?? .zero
            result.end = k
            result.trailingMagnitude = e
            result.mantissa = ExactNumber(d0)
            return result
        }
        var m: Int64 = 0
        for d in digits { m = m * 10 + Int64(d) }
        var e: Int32 = 0
        if j + 1 < n, isPoint(b[j]), digitValue(b[j + 1]) != nil {
            j += 1
            while j < n, let d = digitValue(b[j]), e > -17, m < 100_000_000_000_000_000 / 10 {
                m = m * 10 + Int64(d); e -= 1; j += 1
            }
        } else if digits.count < 3 {
            // 一一, 二〇: not a numeral on its own (七五折 is read by the unit layer).
            result.value = ExactNumber(mantissa: m)
            result.mantissa = result.value
            result.isDigitSequence = true
            result.end = j
            result.isShortSequence = true
            return result
        }
        result.value = ExactNumber(mantissa: m, exponent: e)
        result.mantissa = result.value
        result.isDigitSequence = true
        result.end = j
        return result
    }
}

extension NumeralParser {
    // The same readers over a buffer of scalar values (`SourceText.scalars`): viewed in
    // place as `Unicode.Scalar`s (same size and layout; values are only compared).

    /// `parseArabic` over scalar values.
    /// `"3.15亿元".unicodeScalars.map(\.value)` gives (value: 3.15, end: 4, integerDigits: 1) at 0.
    public static func parseArabic(_ b: UnsafeBufferPointer<UInt32>, at i: Int)
        -> (value: ExactNumber, end: Int, integerDigits: Int)? {
        b.withMemoryRebound(to: Unicode.Scalar.self) { parseArabic($0, at: i) }
    }

    /// `parse` over scalar values.
    /// `"3.15亿元".unicodeScalars.map(\.value)` gives 315000000 at 0.
    public static func parse(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> ParsedNumeral? {
        b.withMemoryRebound(to: Unicode.Scalar.self) { parse($0, at: i) }
    }

    /// `parseWithFraction` over scalar values.
    /// `"25分之144".unicodeScalars.map(\.value)` gives 5.76 at 0.
    public static func parseWithFraction(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> ParsedNumeral? {
        b.withMemoryRebound(to: Unicode.Scalar.self) { parseWithFraction($0, at: i) }
    }
}
