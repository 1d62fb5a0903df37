/// The word list of the segmenter: the words of two to six Han characters of the
/// training text, and what they say about each character of a text (the marks
/// the dictionary templates read): the longest listed word that starts at the
/// character, that ends there, and that runs through it.
///
/// In training, each sentence is marked with the words of the other folds of the
/// corpus only (a word is listed with the set of folds whose sentences may see it), so that
/// the weights learn how far a listed word can be trusted on text whose words
/// are not all listed: new names, new terms.
///
///     let d = TokenDictionary(words: ["中国", "人民", "人民银行"])
///     // marks of 中国人民银行: 中 starts a word of 2, 国 ends one of 2, 人 starts one of 4, 民 is
///     // inside one of 4 (and ends one of 2), 银 inside one of 4, 行 ends one of 4
@_spi(Training) public struct TokenDictionary: Sendable {
    let table: PhraseTable
    /// Words are listed up to this length; longer ones add nothing the model uses.
    public static let longestWord = 6
    /// Lengths are capped here in the marks.
    static let lengthCap: UInt64 = 5

    /// A list of words (each a member of every fold).
    public init<S: Sequence>(words: S) where S.Element == String {
        table = PhraseTable(values: words.lazy.filter(TokenDictionary.isListable).map { ($0, 1) })
    }

    /// Words with the set of training folds whose sentences may see them (bit k: fold k, 1 ..< 2^30).
    public init<S: Sequence>(folds words: S) where S.Element == (String, UInt32) {
        table = PhraseTable(values: words.lazy.filter { TokenDictionary.isListable($0.0) })
    }

    /// Two to six characters, all Han: numbers and Latin words are the classes' to describe.
    public static func isListable(_ word: String) -> Bool {
        var n = 0
        for c in word.unicodeScalars {
            guard c.isHan, c != "〇" else { return false }
            n += 1
        }
        return n >= 2 && n <= longestWord
    }

    @inline(__always) static func startLength(_ m: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: m & 0xF) }
    @inline(__always) static func endLength(_ m: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: m >> 4 & 0xF) }
    @inline(__always) static func throughLength(_ m: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: m >> 8 & 0xF)
    }

    /// The marks of `range` of `text` into `marks` (same indices as `text`): for each
    /// character the lengths of the longest listed words starting, ending and running
    /// through it, within the range. In training, only the words listed for fold `fold`
    /// (the words of the other folds); -1 lists every word.
    public func mark(_ text: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>,
                     into marks: UnsafeMutableBufferPointer<UInt64>, fold: Int = -1) {
        let cap = TokenDictionary.lengthCap
        let wanted: UInt32 = fold >= 0 ? 1 << UInt32(fold) : ~0
        for i in range { marks[i] = 0 }
        let slice = UnsafeBufferPointer(rebasing: text[..<range.upperBound])
        for i in range where table.mayStart(text[i]) {
            table.values(slice, at: i) { length, folds in
                guard folds & wanted != 0, length >= 2 else { return }
                let l = min(UInt64(length), cap), end = i + length - 1
                // Shortest first: the word starting here is the longest so far.
                marks[i] = marks[i] & ~0xF | l
                if marks[end] >> 4 & 0xF < l { marks[end] = marks[end] & ~0xF0 | l << 4 }
                var k = i + 1
                while k < end {
                    if marks[k] >> 8 & 0xF < l { marks[k] = marks[k] & ~0xF00 | l << 8 }
                    k += 1
                }
            }
        }
    }
}
