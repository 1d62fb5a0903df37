/// The classes of characters the word segmenter's templates look at, and the
/// characters that separate tokens without being one.
///
/// Full-width forms are folded before (１ → 1, Ａ → A, ， stays ，), so a class
/// is asked of cleaned text. The Chinese numerals are those a number word is
/// written with (PKU joins 十三万 into one word, and 第 to its numeral in 第三).
///
///     TokenCharacterClass.of("三")   // .numeral
///     TokenCharacterClass.of("，")   // .punctuation
@_spi(Training) public enum TokenCharacterClass: UInt32, Sendable {
    case han = 1, digit, numeral, latin, punctuation, other

    /// Numerals and magnitudes of written Chinese numbers, with the 第 of ordinals and
    /// the 点 of decimals (as digits are to their figures).
    static let numeralSet = ScalarSet([
        "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿",
        "两", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟", "廿", "卅",
    ] as [Unicode.Scalar])

    /// Punctuation of Chinese and Western text, after folding (the full-width comma and
    /// full stop are their own characters; ！ ？ ； ： （ ） fold to ASCII).
    static let punctuationSet = ScalarSet([
        "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "《", "》", "〈", "〉", "（", "）",
        "【", "】", "〔", "〕", "「", "」", "『", "』", "—", "…", "·", "・", "～", "﹑",
        ",", ".", ";", ":", "?", "!", "\"", "'", "(", ")", "[", "]", "{", "}", "<", ">", "/", "\\",
        "-", "_", "+", "=", "*", "&", "#", "@", "~", "|", "`", "^", "%", "$",
    ] as [Unicode.Scalar])

    /// Characters that are space: they separate tokens and are never one (cleaning keeps
    /// those that do not stand next to a Han character).
    @inline(__always) public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2028}", "\u{2029}",
             "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{FEFF}":
            return true
        default:
            return c.value >= 0x2000 && c.value <= 0x200A   // the typographic spaces
        }
    }

    /// The class of a cleaned character. Scalars below U+3000 other than Latin letters and
    /// digits are looked up as punctuation, the rest by range.
    @inline(__always) public static func of(_ c: Unicode.Scalar) -> TokenCharacterClass {
        if c.isASCIIDigit { return .digit }
        if c.isASCIILetter { return .latin }
        if c.value >= 0x4E00 && c.value <= 0x9FFF {
            return numeralSet.contains(c) ? .numeral : .han
        }
        if c.isHan { return c == "〇" ? .numeral : .han }
        return punctuationSet.contains(c) ? .punctuation : .other
    }
}
