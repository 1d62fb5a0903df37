import Foundation

/// An exact decimal number: `mantissa × 10^exponent`, never a binary double.
///
/// Every value that reaches a record is one of these, so `367.18万` is exactly
/// `36718 × 10^2` (3671800) and `0.07万` exactly 700. Arithmetic that would
/// overflow the 64-bit mantissa returns `nil` instead of rounding: a figure we
/// cannot represent exactly is not reported.
///
///     ExactNumber(mantissa: 36718, exponent: -2).multiplied(byPowerOfTen: 4)  // 3671800
public struct ExactNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Significant digits, with trailing zeros moved into `exponent`.
    public private(set) var mantissa: Int64
    /// The power of ten the mantissa is scaled by (negative for fractions).
    ///
    ///     ExactNumber(mantissa: 36718, exponent: -2).exponent   // -2 (367.18)
    public private(set) var exponent: Int32

    /// `mantissa × 10^exponent`, with trailing zeros of the mantissa moved into the exponent.
    ///
    ///     ExactNumber(mantissa: 31500, exponent: -2).description   // "315" (mantissa 315, exponent 0)
    public init(mantissa: Int64, exponent: Int32 = 0) {
        self.mantissa = mantissa
        self.exponent = exponent
        normalize()
    }

    /// An integer, exactly.
    ///
    ///     ExactNumber(45018).description   // "45018"
    public init(_ value: Int) { self.init(mantissa: Int64(value)) }

    /// 0, 1 and 0.5, the values the recognizers build on.
    ///
    ///     ExactNumber.half.description   // "0.5"
    public static let zero = ExactNumber(mantissa: 0)
    /// 1.
    public static let one = ExactNumber(mantissa: 1)
    /// 0.5 (一个半小时 is 1 + 0.5 hours).
    public static let half = ExactNumber(mantissa: 5, exponent: -1)

    private mutating func normalize() {
        if mantissa == 0 { exponent = 0; return }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
    }

    /// True for 0.
    public var isZero: Bool { mantissa == 0 }
    /// True below 0.
    ///
    ///     ExactNumber(-5).isNegative   // true
    public var isNegative: Bool { mantissa < 0 }
    /// True when the value has no fractional part.
    ///
    ///     ExactNumber(mantissa: 5, exponent: -1).isInteger   // false
    public var isInteger: Bool { exponent >= 0 }

    /// The value as an `Int`, when it is an integer that fits.
    ///
    ///     ExactNumber(mantissa: 315, exponent: 6).intValue   // 315000000
    public var intValue: Int? {
        guard exponent >= 0 else { return nil }
        var m = mantissa
        for _ in 0..<exponent {
            let (r, o) = m.multipliedReportingOverflow(by: 10)
            if o { return nil }
            m = r
        }
        return Int(m)
    }

    /// Foundation's `Decimal`, for library users; exact for every value here.
    ///
    ///     ExactNumber(mantissa: 36718, exponent: 2).decimal   // 3671800
    public var decimal: Decimal {
        Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: Int(exponent),
                significand: Decimal(mantissa.magnitude))
    }

    /// Multiplies by 10^k. Exponents are kept within ±10^6 (clamped): figures never come near.
    ///
    ///     ExactNumber(mantissa: 315, exponent: -2).multiplied(byPowerOfTen: 8)   // 315000000 (3.15 亿)
    public func multiplied(byPowerOfTen k: Int32) -> ExactNumber {
        let e = min(max(Int64(exponent) + Int64(k), -1_000_000), 1_000_000)
        return ExactNumber(mantissa: mantissa, exponent: Int32(e))
    }

    /// The value with the opposite sign (负 5, 零下 5 ℃).
    ///
    ///     ExactNumber(5).negated   // -5
    public var negated: ExactNumber { ExactNumber(mantissa: -mantissa, exponent: exponent) }

    /// Mantissas brought to a common exponent, or nil on overflow.
    private static func aligned(_ a: ExactNumber, _ b: ExactNumber) -> (Int64, Int64, Int32)? {
        if a.isZero { return (0, b.mantissa, b.exponent) }
        if b.isZero { return (a.mantissa, 0, a.exponent) }
        let e = min(a.exponent, b.exponent)
        guard let am = scale(a.mantissa, by: a.exponent - e),
              let bm = scale(b.mantissa, by: b.exponent - e) else { return nil }
        return (am, bm, e)
    }

    private static func scale(_ m: Int64, by k: Int32) -> Int64? {
        guard k < 19 else { return nil }
        var r = m
        for _ in 0..<k {
            let (x, o) = r.multipliedReportingOverflow(by: 10)
            if o { return nil }
            r = x
        }
        return r
    }

    /// The exact sum, or nil when it does not fit in the 64-bit mantissa.
    ///
    ///     ExactNumber(mantissa: 12, exponent: -1).adding(ExactNumber(3))   // 4.2
    ///     ExactNumber(mantissa: .max).adding(ExactNumber(1))               // nil
    public func adding(_ other: ExactNumber) -> ExactNumber? {
        guard let (a, b, e) = ExactNumber.aligned(self, other) else { return nil }
        let (s, o) = a.addingReportingOverflow(b)
        return o ? nil : ExactNumber(mantissa: s, exponent: e)
    }

    /// The exact difference, or nil on overflow.
    ///
    ///     ExactNumber(5).subtracting(.half)   // 4.5
    public func subtracting(_ other: ExactNumber) -> ExactNumber? {
        adding(other.negated)
    }

    /// The exact product, or nil on overflow.
    ///
    ///     ExactNumber(mantissa: 15, exponent: -1).multiplied(by: ExactNumber(3))   // 4.5
    public func multiplied(by other: ExactNumber) -> ExactNumber? {
        let (p, o) = mantissa.multipliedReportingOverflow(by: other.mantissa)
        let e = Int64(exponent) + Int64(other.exponent)
        return o || abs(e) > 1_000_000 ? nil : ExactNumber(mantissa: p, exponent: Int32(e))
    }

    /// Exact division when the quotient has a finite decimal expansion within
    /// 18 digits (unit conversions such as minutes → hours), else nil.
    ///
    ///     ExactNumber(90).divided(by: ExactNumber(60))   // 1.5 (90 minutes in hours)
    ///     ExactNumber(1).divided(by: ExactNumber(3))     // nil: no finite decimal form
    public func divided(by other: ExactNumber) -> ExactNumber? {
        guard !other.isZero else { return nil }
        var num = mantissa, exp = exponent - other.exponent
        let den = other.mantissa
        for _ in 0..<19 {
            if num % den == 0 { return ExactNumber(mantissa: num / den, exponent: exp) }
            let (x, o) = num.multipliedReportingOverflow(by: 10)
            if o { return nil }
            num = x
            exp -= 1
        }
        return nil
    }

    /// Division rounded half-up to `significantDigits` (for fractions such as 1/3).
    ///
    ///     ExactNumber(1).dividedRounded(by: ExactNumber(3), significantDigits: 15)   // 0.333333333333333
    public func dividedRounded(by other: ExactNumber, significantDigits: Int) -> ExactNumber? {
        guard !other.isZero else { return nil }
        if let exact = divided(by: other) { return exact }
        let negative = (mantissa < 0) != (other.mantissa < 0)
        var num = mantissa.magnitude, exp = exponent - other.exponent
        let den = other.mantissa.magnitude
        // Scale the numerator so the quotient has enough digits.
        while num / den < 1_000_000_000_000_000 && num <= UInt64.max / 10 {
            num *= 10; exp -= 1
        }
        var q = num / den
        let r = num % den
        if r * 2 >= den { q += 1 }
        var digits = 0, t = q
        while t > 0 { digits += 1; t /= 10 }
        while digits > significantDigits {
            let last = q % 10
            q /= 10; exp += 1; digits -= 1
            if last >= 5 { q += 1 }
        }
        guard q <= UInt64(Int64.max) else { return nil }
        return ExactNumber(mantissa: negative ? -Int64(q) : Int64(q), exponent: exp)
    }

    /// Compares the values exactly, whatever their exponents.
    ///
    ///     ExactNumber(mantissa: 45, exponent: 3) < ExactNumber(45018)   // true: 45000 < 45018
    public static func < (a: ExactNumber, b: ExactNumber) -> Bool {
        if let (x, y, _) = aligned(a, b) { return x < y }
        // Too far apart to align in 64 bits: compare by sign and magnitude.
        if (a.mantissa < 0) != (b.mantissa < 0) { return a.mantissa < 0 }
        let da = Int(a.exponent) + digitCount(a.mantissa), db = Int(b.exponent) + digitCount(b.mantissa)
        return a.mantissa < 0 ? da > db : da < db
    }

    private static func digitCount(_ m: Int64) -> Int {
        var n = m.magnitude, d = 1
        while n >= 10 { n /= 10; d += 1 }
        return d
    }

    /// Plain decimal notation, no exponent: `3671800`, `0.5`, `-12.75`.
    ///
    ///     ExactNumber(mantissa: 36718, exponent: 2).description   // "3671800"
    public var description: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the plain decimal notation to `out` (used by the JSON writer).
    ///
    ///     var s = ""
    ///     ExactNumber(mantissa: -1275, exponent: -2).write(to: &s)   // s == "-12.75"
    public func write(to out: inout String) {
        if mantissa < 0 { out.append("-") }
        let digits = String(mantissa.magnitude)
        if exponent >= 0 {
            out.append(digits)
            if mantissa != 0 { out.append(String(repeating: "0", count: Int(exponent))) }
            return
        }
        let fraction = Int(-exponent)
        if digits.count > fraction {
            let cut = digits.index(digits.endIndex, offsetBy: -fraction)
            out.append(contentsOf: digits[..<cut])
            out.append(".")
            out.append(contentsOf: digits[cut...])
        } else {
            out.append("0.")
            out.append(String(repeating: "0", count: fraction - digits.count))
            out.append(digits)
        }
    }

    /// Appends the plain decimal notation as UTF-8 bytes (no allocation).
    ///
    ///     var bytes: [UInt8] = []
    ///     ExactNumber(mantissa: 5, exponent: -3).write(to: &bytes)   // the bytes of "0.005"
    public func write(to out: inout [UInt8]) {
        if mantissa < 0 { out.append(UInt8(ascii: "-")) }
        var buf: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &buf) { t in
            var m = mantissa.magnitude, k = 24
            repeat { k -= 1; t[k] = UInt8(ascii: "0") + UInt8(m % 10); m /= 10 } while m > 0
            let digits = UnsafeRawBufferPointer(rebasing: t[k..<24])
            if exponent >= 0 {
                out.append(contentsOf: digits)
                if mantissa != 0 { for _ in 0..<exponent { out.append(UInt8(ascii: "0")) } }
                return
            }
            let fraction = Int(-exponent)
            if digits.count > fraction {
                out.append(contentsOf: digits[..<(digits.count - fraction)])
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[(digits.count - fraction)...])
            } else {
                out.append(UInt8(ascii: "0")); out.append(UInt8(ascii: "."))
                for _ in 0..<(fraction - digits.count) { out.append(UInt8(ascii: "0")) }
                out.append(contentsOf: digits)
            }
        }
    }

    /// Parses plain decimal notation (`-12.75`, `3671800`); nil for anything else. Trailing zeros of
    /// a whole number may run past the 18 digits of the mantissa (`202107211321363589000000`).
    ///
    ///     ExactNumber("367.18")?.multiplied(byPowerOfTen: 4)   // 3671800
    ///     ExactNumber("1e5")                                    // nil
    public init?(_ text: String) {
        var m: Int64 = 0, e: Int32 = 0, seenPoint = false, any = false, negative = false, overflowed = false
        for (i, u) in text.utf8.enumerated() {
            switch u {
            case UInt8(ascii: "-") where i == 0: negative = true
            case UInt8(ascii: "."): if seenPoint { return nil }; seenPoint = true
            case UInt8(ascii: "0") where overflowed && !seenPoint:
                e += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if overflowed { return nil }
                let (x, o1) = m.multipliedReportingOverflow(by: 10)
                if o1 && u == UInt8(ascii: "0") && !seenPoint { overflowed = true; e += 1; any = true; continue }
                let (y, o2) = x.addingReportingOverflow(Int64(u - UInt8(ascii: "0")))
                if o1 || o2 { return nil }
                m = y
                any = true
                if seenPoint { e -= 1 }
            default: return nil
            }
        }
        guard any else { return nil }
        self.init(mantissa: negative ? -m : m, exponent: e)
    }
}
