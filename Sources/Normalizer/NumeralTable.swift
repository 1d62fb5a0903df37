/// What one character means inside a numeral.
///
/// Facts: standard Chinese numerals (simplified and traditional), the
/// financial forms used on cheques and invoices (大写数字), the contractions
/// 廿 (20) and 卅 (30), and the magnitudes 万/萬 (10^4) and 亿/億 (10^8).
/// 兆 is left out on purpose: in mainland news it means 10^6 in units
/// (兆瓦) and 10^12 in older texts, so it is read as part of a unit.
///
///     NumeralTable.role("万")   // .bigUnit(4)
///     NumeralTable.role("两")   // .digit(2)
///     NumeralTable.role("人")   // nil
@frozen public enum NumeralRole: Equatable, Sendable {
    /// 0–9, Chinese or financial (零 〇 一 二 两 … 玖).
    case digit(Int)
    /// 十 百 千 and 拾 佰 仟: a power of ten within a section (1, 2 or 3).
    case smallUnit(Int32)
    /// 万 萬 亿 億: a section multiplier (power of ten: 4 or 8).
    case bigUnit(Int32)
    /// 廿 (20) and 卅 (30): a digit and 十 in one character.
    case tens(Int)
    /// 点 點 and the ASCII point (after folding): the decimal point.
    case point
}

/// The characters of Chinese numerals and what each means (`NumeralRole`), the digits that are
/// also ordinary words, and the folding of full-width forms, for `NumeralParser` and the scanners.
///
///     NumeralTable.role("廿")              // .tens(2)
///     NumeralTable.isAmbiguousDigit("伍")  // true: 队伍
///     NumeralTable.fold("５")              // "5"
public enum NumeralTable {
    /// Role of a character inside a Chinese numeral, or nil.
    ///
    ///     NumeralTable.role("億")   // .bigUnit(8)
    @inlinable @inline(__always)
    public static func role(_ c: Unicode.Scalar) -> NumeralRole? {
        switch c {
        case "〇", "零": return .digit(0)
        case "一", "壹", "弌": return .digit(1)
        case "二", "两", "兩", "贰", "貳", "弍", "倆", "俩": return .digit(2)
        case "三", "叁", "參", "弎": return .digit(3)
        case "四", "肆": return .digit(4)
        case "五", "伍": return .digit(5)
        case "六", "陆", "陸": return .digit(6)
        case "七", "柒": return .digit(7)
        case "八", "捌": return .digit(8)
        case "九", "玖": return .digit(9)
        case "十", "拾": return .smallUnit(1)
        case "百", "佰": return .smallUnit(2)
        case "千", "仟": return .smallUnit(3)
        case "万", "萬": return .bigUnit(4)
        case "亿", "億": return .bigUnit(8)
        case "兆": return .bigUnit(12)      // 10^12 in numerals; before 瓦, 字节… a unit prefix
        case "廿": return .tens(2)
        case "卅": return .tens(3)
        default: return nil
        }
    }

    /// Role of a Unicode scalar value inside a Chinese numeral, or nil (for buffers of
    /// `UInt32` such as `SourceText.scalars`; a value that is no scalar has no role).
    ///
    ///     NumeralTable.role(("廿" as Unicode.Scalar).value)   // .tens(2)
    @inlinable @inline(__always)
    public static func role(_ c: UInt32) -> NumeralRole? {
        role(unsafeBitCast(c, to: Unicode.Scalar.self))   // only compared, never decoded
    }

    /// Financial forms (壹 … 玖, 拾 佰 仟) and 两/兩: digits that are also
    /// ordinary words (陆 a surname, 伍 in 队伍, 两 a weight), so a lone one is
    /// read as a number only when a unit follows.
    ///
    ///     NumeralTable.isAmbiguousDigit("伍")   // true
    ///     NumeralTable.isAmbiguousDigit("五")   // false
    public static func isAmbiguousDigit(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "壹", "贰", "貳", "叁", "參", "肆", "伍", "陆", "陸",
             "柒", "捌", "玖", "拾", "佰", "仟", "倆", "俩": return true
        default: return false
        }
    }

    /// `isAmbiguousDigit` of a scalar value.
    ///
    ///     NumeralTable.isAmbiguousDigit(("陆" as Unicode.Scalar).value)   // true
    public static func isAmbiguousDigit(_ c: UInt32) -> Bool {
        isAmbiguousDigit(unsafeBitCast(c, to: Unicode.Scalar.self))
    }

    /// True for the scalar values of 0–9 (a full-width ７ only after folding).
    ///
    ///     NumeralTable.isASCIIDigit(("7" as Unicode.Scalar).value)   // true
    @inlinable @inline(__always) public static func isASCIIDigit(_ c: UInt32) -> Bool {
        c &- ("0" as Unicode.Scalar).value < 10
    }

    /// 0–9.
    ///
    ///     NumeralTable.isASCIIDigit("７")   // false: fold it first
    @inlinable @inline(__always) public static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { isASCIIDigit(c.value) }

    /// Full-width forms ！–～ fold to ASCII, except the full-width comma
    /// (，), which in Chinese text separates clauses and must never read as a
    /// thousands separator; the ideographic space and the no-break space fold to a space.
    ///
    ///     fold("５") == "5", fold("，") == "，", fold("￥") == "¥"
    @inlinable @inline(__always)
    public static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        unsafeBitCast(fold(c.value), to: Unicode.Scalar.self)   // a scalar folds to a scalar
    }

    /// `fold` of a scalar value (values that are no scalar are returned unchanged). Written on
    /// values: this runs on every character of the input, while cleaning.
    ///
    ///     NumeralTable.fold(("５" as Unicode.Scalar).value) == ("5" as Unicode.Scalar).value   // true
    @inlinable @inline(__always)
    public static func fold(_ c: UInt32) -> UInt32 {
        @inline(__always) func v(_ s: Unicode.Scalar) -> UInt32 { s.value }
        if c >= v("！") && c <= v("～") && c != v("，") { return c - (v("！") - v("!")) }   // ！ … ～ is ! … ~ shifted
        if c == v("\u{3000}") || c == v("\u{A0}") { return v(" ") }   // ideographic space, no-break space
        if c == v("￥") { return v("¥") }
        if c == v("−") { return v("-") }            // U+2212 minus sign
        return c
    }
}
