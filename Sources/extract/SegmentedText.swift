import Extractor

/// `--format segmented`: a document's text with its words separated by single spaces,
/// line for line, as the segmentation bakeoffs write it (`中国 人民 银行 今天 宣布`), for
/// tools that read words from text.
///
/// Each line break of the original is one line break of the output, and white space is
/// not written (not even inside a word: `１３ 万` is the word １３万); a word cut by a line
/// break (PDF text) is written whole on the line where it starts, and the break follows
/// it. A document that does not end with a line break gets one, so documents of a JSON
/// Lines input come out a line each.
///
///     SegmentedText.render("共 １３ 万\n个口罩。", base: 0, records: tokens, last: true)
///     // "共 １３万\n个 口罩 。\n": the tokens 共, "１３ 万", 个, 口罩, 。 of a run with --types token
enum SegmentedText {
    /// The text of `text` (a document, or a piece of one starting at scalar `base` of it)
    /// with the tokens among `records` (offsets in the document) separated by spaces.
    /// `last`: the end of the document (a final line break is added if it has none).
    static func render(_ text: String, base: Int, records: [Record], last: Bool) -> [UInt8] {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var pos = 0, lineHasWord = false
        /// Line breaks in `scalars[a ..< b]`: \r\n, \n and \r each count once.
        func breaks(_ a: Int, _ b: Int) -> Int {
            var n = 0, k = a
            while k < b {
                if scalars[k] == "\n" {
                    n += 1
                } else if scalars[k] == "\r" {
                    n += 1
                    if k + 1 < b, scalars[k + 1] == "\n" { k += 1 }
                }
                k += 1
            }
            return n
        }
        /// White space that cleaning removes next to Han characters (after folding: U+3000 and
        /// U+00A0 are spaces too).
        func isRemovedSpace(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{3000}": return true
            default: return false
            }
        }
        func newlines(_ n: Int) {
            guard n > 0 else { return }
            for _ in 0 ..< n { out.append("\n") }
            lineHasWord = false
        }
        for r in records where r.type == .token {
            let a = max(pos, min(scalars.count, r.start - base)), b = max(a, min(scalars.count, r.end - base))
            newlines(breaks(pos, a))
            if lineHasWord { out.append(" ") }
            // The word as read: without the white space cleaning removed from it (１３ 万 → １３万).
            for c in r.text.unicodeScalars where !isRemovedSpace(c) { out.append(c) }
            lineHasWord = true
            newlines(breaks(a, b))          // a word cut by a line break: the break after it
            pos = b
        }
        newlines(breaks(pos, scalars.count))
        if last && out.last != "\n" { out.append("\n") }
        return Array(String(out).utf8)
    }
}
