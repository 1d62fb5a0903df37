/// Where a long document can be cut into pieces that extract exactly as the whole does:
/// right after a line feed whose line ends a sentence (。！？!?, alone or before a closing
/// quote or bracket: 。” ！』), and only after the document's first three lines, where
/// the dateline is read. Nothing the recognizers read crosses such a point: cleaning
/// never joins the white space after a sentence end to the next line, every rule stops
/// at a sentence end or a line break, and the dates carry over through
/// `Extractor.DocumentState`.
///
///     "第一行。\n第二行。\n第三行。\n截至 3 月 11 日共 5 万元。\n另有 7 万元。"
///     cut after "截至 3 月 11 日共 5 万元。\n" (the fourth line) at the earliest
public enum DocumentChunker {
    /// Sentence ends, as the UTF-8 bytes a line's last character ends with.
    static let sentenceEnds: [[UInt8]] = ["。", "！", "？", "!", "?"].map { Array($0.utf8) }
    /// Closing quotes and brackets that may follow a sentence end.
    static let closers: [[UInt8]] = ["”", "’", "」", "』", "\"", "'"].map { Array($0.utf8) }

    /// The end of the next piece of `utf8` that starts at `from` and is at least `minimum`
    /// bytes long: the byte offset right after a line feed that may be cut, or nil when
    /// there is none before the end. `lineFeedsBefore` counts the line feeds of the
    /// document before `from` (the first three lines are never cut).
    ///
    ///     let bytes = Array("第一行。\n第二行。\n第三行。\n截至 3 月 11 日共 5 万元。\n另有 7 万元。".utf8)
    ///     bytes.withUnsafeBufferPointer { DocumentChunker.cut($0, from: 0, minimum: 1, lineFeedsBefore: 0) }
    ///     // 74: just after the fourth line; from there, nil (no line feed left)
    public static func cut(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, minimum: Int,
                           lineFeedsBefore: Int) -> Int? {
        let lineFeed = UInt8(ascii: "\n")
        var k = from + max(0, minimum - 1)
        if lineFeedsBefore < 3 {
            // Not before the fourth line: skip to just after the third line feed.
            var feeds = lineFeedsBefore, i = from
            while i < utf8.count && feeds < 3 {
                if utf8[i] == lineFeed { feeds += 1 }
                i += 1
            }
            guard feeds >= 3 else { return nil }
            k = max(k, i)
        }
        while k < utf8.count {
            if utf8[k] == lineFeed && endsSentence(utf8, before: k) { return k + 1 }
            k += 1
        }
        return nil
    }

    /// True when the line that ends at `lineFeed` ends a sentence (spaces and a carriage
    /// return aside).
    static func endsSentence(_ u: UnsafeBufferPointer<UInt8>, before lineFeed: Int) -> Bool {
        var e = lineFeed
        while e > 0, u[e - 1] == UInt8(ascii: "\r") || u[e - 1] == UInt8(ascii: " ") || u[e - 1] == UInt8(ascii: "\t") {
            e -= 1
        }
        for c in closers where ends(u, at: e, with: c) { e -= c.count; break }
        return sentenceEnds.contains { ends(u, at: e, with: $0) }
    }

    @inline(__always) static func ends(_ u: UnsafeBufferPointer<UInt8>, at e: Int, with bytes: [UInt8]) -> Bool {
        guard e >= bytes.count else { return false }
        for (k, b) in bytes.enumerated() where u[e - bytes.count + k] != b { return false }
        return true
    }
}
