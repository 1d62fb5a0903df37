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
    /// Prefix hashes of the words (`PhraseTable`'s hashing) in an open-addressing table: a
    /// slot holds 32 bits of the hash (never 0; 0 is an empty slot) over the value, so that a
    /// look-up reads one word of memory. A value has `continues` when a longer word goes on
    /// from the prefix, and the bits of the folds that list the word it completes (none: no
    /// word ends there).
    let slots: [UInt64]
    let mask: Int
    let firsts: ScalarSet
    static let continues: UInt32 = 1 << 31
    /// Words are listed up to this length; longer ones add nothing the model uses.
    public static let longestWord = 6
    /// Lengths are capped here in the marks.
    static let lengthCap: UInt64 = 5

    /// A list of words (each a member of every fold).
    public init<S: Sequence>(words: S) where S.Element == String {
        self.init(folds: words.lazy.map { ($0, 1) })
    }

    /// Words with the set of training folds whose sentences may see them (bit k: fold k, 1 ..< 2^30).
    public init<S: Sequence>(folds words: S) where S.Element == (String, UInt32) {
        let list = words.filter { TokenDictionary.isListable($0.0) && $0.1 != 0 }
            .map { (Array($0.0.unicodeScalars), $0.1 & ~TokenDictionary.continues) }
        self.init(scalarCount: list.reduce(0) { $0 + $1.0.count }) { insert in
            for (word, value) in list { word.withUnsafeBufferPointer { insert($0, value) } }
        }
    }

    /// The words of a list as the generated source holds it (separated by spaces or line
    /// breaks), read straight from its UTF-8: the shipped list of 66,000 words is ready in a
    /// few milliseconds (`String.split` and a `Dictionary` of prefixes took 60).
    public init(wordList: String) {
        var text = wordList
        let bytes = text.utf8.count
        self = text.withUTF8 { u in
            TokenDictionary(scalarCount: bytes / 3 + 1) { insert in
                var word = [Unicode.Scalar](repeating: " ", count: TokenDictionary.longestWord + 1)
                var n = 0, i = 0, han = true
                func flush() {
                    if n >= 2 && n <= TokenDictionary.longestWord && han {
                        word.withUnsafeBufferPointer { insert(UnsafeBufferPointer(rebasing: $0[0 ..< n]), 1) }
                    }
                    n = 0; han = true
                }
                while i < u.count {
                    let b0 = u[i]
                    if b0 == UInt8(ascii: " ") || b0 == UInt8(ascii: "\n") { flush(); i += 1; continue }
                    // Han characters are three bytes (1110xxxx 10xxxxxx 10xxxxxx) or four; anything
                    // else makes the word unlistable.
                    var v: UInt32 = 0, length = 1
                    if b0 & 0xF0 == 0xE0, i + 2 < u.count {
                        v = UInt32(b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F)
                        length = 3
                    } else if b0 & 0xF8 == 0xF0, i + 3 < u.count {
                        v = UInt32(b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6
                            | UInt32(u[i + 3] & 0x3F)
                        length = 4
                    }
                    if let c = Unicode.Scalar(v), c.isHan, c != "〇", n < TokenDictionary.longestWord {
                        word[n] = c
                        n += 1
                    } else {
                        han = false
                    }
                    i += length
                }
                flush()
            }
        }
    }

    /// A table for words of at most `scalarCount` characters in all, filled by `fill`, which
    /// calls `insert(word, value)` for each word.
    init(scalarCount: Int, _ fill: ((UnsafeBufferPointer<Unicode.Scalar>, UInt32) -> Void) -> Void) {
        var capacity = 16
        while capacity < scalarCount * 5 / 4 { capacity <<= 1 }    // prefixes ≤ characters
        var slots = [UInt64](repeating: 0, count: capacity)
        var firsts: [UInt32] = []
        let mask = capacity - 1
        slots.withUnsafeMutableBufferPointer { s in
            fill { word, value in
                guard let f = word.first else { return }
                firsts.append(f.value)
                var h = PhraseTable.seed
                for (j, c) in word.enumerated() {
                    h = PhraseTable.step(h, c)
                    let tag = TokenDictionary.tag(h)
                    var slot = Int(truncatingIfNeeded: h >> 13) & mask   // bits apart from the tag's
                    while s[slot] != 0 && s[slot] & 0xFFFF_FFFF_0000_0000 != tag { slot = (slot + 1) & mask }
                    s[slot] |= tag | UInt64(j < word.count - 1 ? TokenDictionary.continues : value)
                }
            }
        }
        self.slots = slots
        self.mask = mask
        self.firsts = ScalarSet(firsts)
    }

    /// True when no word is listed.
    public var isEmpty: Bool { !slots.contains { $0 & 0x7FFF_FFFF != 0 } }

    /// The high half of a slot for hash `h`: 32 bits of it, never 0.
    @inline(__always) static func tag(_ h: UInt64) -> UInt64 { (h | 1 << 32) & 0xFFFF_FFFF_0000_0000 }

    /// The value of a prefix hash: nil when no word starts so.
    @inline(__always) func value(_ h: UInt64) -> UInt32? {
        let tag = TokenDictionary.tag(h)
        var slot = Int(truncatingIfNeeded: h >> 13) & mask   // bits apart from the tag's
        while true {
            let s = slots[slot]
            if s & 0xFFFF_FFFF_0000_0000 == tag { return UInt32(truncatingIfNeeded: s) }
            if s == 0 { return nil }
            slot = (slot + 1) & mask
        }
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
        let wanted: UInt32 = fold >= 0 ? 1 << UInt32(fold) : ~TokenDictionary.continues
        for i in range { marks[i] = 0 }
        let end = range.upperBound
        var i = range.lowerBound
        while i + 1 < end {
            defer { i += 1 }
            guard firsts.contains(text[i]) else { continue }
            // Words have two characters at least: the first look-up is of two.
            var h = PhraseTable.step(PhraseTable.step(PhraseTable.seed, text[i]), text[i + 1])
            var k = i + 1
            let stop = min(end, i + TokenDictionary.longestWord)
            while k < stop {
                if k > i + 1 { h = PhraseTable.step(h, text[k]) }
                guard let v = value(h) else { break }
                let length = k - i + 1
                // Shortest first: the word starting here is the longest so far.
                if v & wanted != 0 && length >= 2 {
                    let l = min(UInt64(length), cap)
                    marks[i] = marks[i] & ~0xF | l
                    if marks[k] >> 4 & 0xF < l { marks[k] = marks[k] & ~0xF0 | l << 4 }
                    var m = i + 1
                    while m < k {
                        if marks[m] >> 8 & 0xF < l { marks[m] = marks[m] & ~0xF00 | l << 8 }
                        m += 1
                    }
                }
                if v & TokenDictionary.continues == 0 { break }
                k += 1
            }
        }
    }
}
