/// What one character means inside a numeral.
///
/// Facts: standard Chinese numerals (simplified and traditional), the
/// financial forms used on cheques and invoices (大写数字), the contractions
/// 廿 (20) and 卅 (30), and the magnitudes 万/萬 (10^4) and 亿/億 (10^8).
/// 兆 is left out on purpose: in mainland news it means 10^6 in units
/// (兆瓦) and 10^12 in older texts, so it is read as part of a unit.
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

public enum NumeralTable {
    /// Role of a Unicode scalar value inside a Chinese numeral, or nil.
    @inlinable @inline(__always)
    public static func role(_ c: UInt32) -> NumeralRole? {
        switch c {
        case 0x3007, 0x96F6: return .digit(0)            // 〇 零
        case 0x4E00, 0x58F9, 0x5F0C: return .digit(1)    // 一 壹 弌
        case 0x4E8C, 0x4E24, 0x5169, 0x8D30, 0x8CB3, 0x5F0D, 0x5006, 0x4FE9: return .digit(2)  // 二 两 兩 贰 貳 弍 倆 俩
        case 0x4E09, 0x53C1, 0x53C3, 0x5F0E: return .digit(3)  // 三 叁 參 弎
        case 0x56DB, 0x8086: return .digit(4)            // 四 肆
        case 0x4E94, 0x4F0D: return .digit(5)            // 五 伍
        case 0x516D, 0x9646, 0x9678: return .digit(6)    // 六 陆 陸
        case 0x4E03, 0x67D2: return .digit(7)            // 七 柒
        case 0x516B, 0x634C: return .digit(8)            // 八 捌
        case 0x4E5D, 0x7396: return .digit(9)            // 九 玖
        case 0x5341, 0x62FE: return .smallUnit(1)        // 十 拾
        case 0x767E, 0x4F70: return .smallUnit(2)        // 百 佰
        case 0x5343, 0x4EDF: return .smallUnit(3)        // 千 仟
        case 0x4E07, 0x842C: return .bigUnit(4)          // 万 萬
        case 0x4EBF, 0x5104: return .bigUnit(8)          // 亿 億
        case 0x5146: return .bigUnit(12)                 // 兆 (10^12 in numerals; before 瓦, 字节… a unit prefix)
        case 0x5EFF: return .tens(2)                     // 廿
        case 0x5345: return .tens(3)                     // 卅
        default: return nil
        }
    }

    /// Financial forms (壹 … 玖, 拾 佰 仟) and 两/兩: digits that are also
    /// ordinary words (陆 a surname, 伍 in 队伍, 两 a weight), so a lone one is
    /// read as a number only when a unit follows.
    public static func isAmbiguousDigit(_ c: UInt32) -> Bool {
        switch c {
        case 0x58F9, 0x8D30, 0x8CB3, 0x53C1, 0x53C3, 0x8086, 0x4F0D, 0x9646, 0x9678,
             0x67D2, 0x634C, 0x7396, 0x62FE, 0x4F70, 0x4EDF, 0x5006, 0x4FE9: return true
        default: return false
        }
    }

    @inlinable @inline(__always) public static func isASCIIDigit(_ c: UInt32) -> Bool { c &- 0x30 < 10 }

    /// Full-width forms U+FF01–FF5E fold to ASCII, except the full-width comma
    /// (，), which in Chinese text separates clauses and must never read as a
    /// thousands separator; U+3000 (ideographic space) and U+00A0 fold to a space.
    @inlinable @inline(__always)
    public static func fold(_ c: UInt32) -> UInt32 {
        if c >= 0xFF01 && c <= 0xFF5E && c != 0xFF0C { return c - 0xFEE0 }
        if c == 0x3000 || c == 0x00A0 { return 0x20 }
        if c == 0xFFE5 { return 0xA5 }           // ￥ → ¥
        if c == 0x2212 { return 0x2D }           // − → -
        return c
    }
}
