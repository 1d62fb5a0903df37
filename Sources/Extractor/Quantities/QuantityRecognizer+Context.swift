import Normalizer

/// The words around a figure that say what it is: a currency word before it (港币 3.14), the
/// object a classifier counts (5 万个口罩), and whether a bare numeral is a number at all (not a
/// date, a clock or a telephone number).
extension QuantityRecognizer {
    /// 港币 3.14: a currency word right before the numeral (a Latin code may stand one space
    /// before it: RMB 100). Returns the word, its code and where it starts.
    func currencyWordBefore(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i0: Int) -> ([Unicode.Scalar], String)? {
        var i = i0
        if i >= 4, b[i - 1] == " ", b[i - 2].isASCIILetter { i -= 1 }
        guard i > 0, lex.currencyPrefixLasts.contains(b[i - 1]) else { return nil }   // a quick test first
        for (w, code) in lex.currencyPrefixes where i >= w.count {
            var ok = true
            for (k, c) in w.enumerated() where b[i - w.count + k] != c { ok = false; break }
            // 5美元3: 美元 is the unit of the 5 before it, not a prefix of the 3.
            if ok, i - w.count > 0, QuantityRecognizer.isNumeralStart(b[i - w.count - 1]) { continue }
            // A Latin code is a word of its own (not the end of XRMB or of a model name).
            if ok, w[0].isASCIILetter, i - w.count > 0, b[i - w.count - 1].isASCIILetterOrDigit { continue }
            if ok { return (w, code) }
        }
        return nil
    }

    /// What a classifier counts: the noun right after it, up to a stop.
    func objectAfter(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Range<Int>? {
        let n = b.count
        var k = i
        let limit = min(n, i + 12)
        let joinedBreak = source.nextJoinedBreak(from: i + 1)
        while k < limit {
            let c = b[k]
            let han = c.isHan
            guard han || c.isASCIILetterOrDigit || (c == " " && k > i) || c == "-" || c == "." else { break }
            if han && lex.objectStopChars.contains(c) { break }
            if han && NumeralTable.role(c) != nil && k > i && QuantityRecognizer.isNumeralStart(c) {
                if case .digit? = NumeralTable.role(c) { break }
            }
            if c.isASCIIDigit && k == i { break }
            // Another figure (城市 78 家) or a joined line break (a headline's end) ends the object.
            if k > i && (k == joinedBreak || c.isASCIIDigit && b[k - 1].isHan) {
                if k - i == 1 && c.isASCIIDigit { return nil }   // 一份近 60 人: 近 is the next figure's
                break
            }
            var stop = false
            if lex.objectStopFirsts.contains(c), let words = lex.objectStopsByFirst[c.value] {
                for w in words where k + w.count <= n {
                    var ok = true
                    for (m, s) in w.enumerated() where b[k + m] != s { ok = false; break }
                    if ok { stop = true; break }
                }
            }
            if stop { break }
            k += 1
        }
        while k > i && b[k - 1] == " " { k -= 1 }
        guard k - i >= 1, b[k - 1].isHan || b[k - 1].isASCIILetterOrDigit else { return nil }
        guard k - i >= 2 || b[i].isHan else { return nil }
        return i..<k
    }

    /// A numeral with no unit is reported as a number unless it is part of a date,
    /// a clock, a phone number or a hotline.
    func isBareNumber(_ b: UnsafeBufferPointer<Unicode.Scalar>, pn: ParsedNumeral, numStart: Int, end: Int) -> Bool {
        let n = b.count
        if end < n {
            let c = b[end]
            // Calendar and clock.
            if ["年", "月", "日", "号", "號", "时", "時", "点", "點", "分", "秒"].contains(c) {
                return false
            }
        }
        if numStart > 0, b[numStart - 1] == "月" { return false }
        if pn.hasArabic && !pn.hasChinese && pn.value.isInteger {
            // Identifiers: after 编号/电话/热线… (any length); hotlines in brackets; mobile numbers.
            let from = max(0, numStart - 6)
            for w in lex.identifierWords where from + w.count <= numStart {
                for s in from...(numStart - w.count) {
                    var ok = true
                    for (k, c) in w.enumerated() where b[s + k] != c { ok = false; break }
                    if ok { return false }
                }
            }
            if pn.arabicIntegerDigits >= 5 && numStart > 0 && (b[numStart - 1] == "(" || b[numStart - 1] == "（") {
                return false
            }
            if pn.arabicIntegerDigits == 11 && b[numStart] == "1" { return false }   // mobile number
        }
        if pn.hasChinese && !pn.hasArabic && pn.length == 1 {
            // A lone Chinese numeral between Han characters is almost always part of a word.
            let leftHan = numStart > 0 && b[numStart - 1].isHan
            let rightHan = end < n && b[end].isHan
            // 一 and 两 are in countless words (一看, 一起, 两边); other digits alone are numbers.
            if (b[numStart] == "一" || b[numStart] == "两") && (leftHan || rightHan) { return false }
            if NumeralTable.isAmbiguousDigit(b[numStart]) && (leftHan || rightHan) { return false }
        }
        return true
    }
}
