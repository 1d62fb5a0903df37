/// The feature templates of the word segmenter: which facts describe a character
/// for BMES tagging (Begin, Middle, End of a word, or a Single-character word).
///
/// - the characters at -2 … +2, the bigrams C[-2]C[-1] … C[+1]C[+2] and the skip
///   bigram C[-1]C[+1];
/// - the classes of the five characters around (`TokenCharacterClass`: Han,
///   digit, Chinese numeral, Latin, punctuation, other);
/// - dictionary facts from the word list of the training text (`TokenDictionary`):
///   the longest listed word that starts here, ends here, or runs through here.
///
/// Measured alternatives, kept so that `extract-train segment train --templates N`
/// can compare them on the held-out slice (F1, OOV recall; shipped 0.9677, 0.629):
/// trigrams (0.9677, 0.626), dictionary keys that also score the neighbours (0.9671,
/// 0.581, with ten folds), dictionary keys with the character as well (0.9679, 0.627;
/// instead of the plain ones, 0.9651, 0.665), no dictionary at all (0.9550, 0.691).
/// Accessor-variety buckets of raw text (counted without the sentence's fold: 0.9657, 0.617)
/// were measured and removed (template bit 64; the code is in commit a91b8fa). All before
/// the single-character penalty of `SegmenterRecipe`,
/// which moves F1 and OOV recall along one curve (6 points: 0.9668, 0.653).
///
/// ASCII digits read as one character (0) and Latin letters as lower case, so 1998年
/// and 2022年 share their features. The shipped model names its set in its signature
/// and is never read with another.
///
///     TokenFeatures().groups.map(\.name)   // ["unigram", "bigram", "skip", "classes", "dictionary"]
@_spi(Training) public struct TokenFeatures: SequenceFeatures {
    public struct Set: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Characters, bigrams and the skip bigram.
        public static let characters = Set(rawValue: 1)
        /// The class pattern of the five characters around.
        public static let classes = Set(rawValue: 2)
        /// Word-list facts: longest word starting, ending, running through here.
        public static let dictionary = Set(rawValue: 4)
        /// Dictionary facts also score the characters on either side of them.
        public static let dictionaryContext = Set(rawValue: 8)
        /// Trigrams C[-1]C[0]C[+1].
        public static let trigrams = Set(rawValue: 16)
        /// Dictionary facts together with the character they are about, as more keys.
        public static let dictionaryCharacters = Set(rawValue: 32)
        /// What the shipped model uses.
        public static let standard: Set = [.characters, .classes, .dictionary]
    }

    public let templates: Set
    public var tagSet: TagSet { .bmes }
    public var signature: String { "cws-v1:\(templates.rawValue)" }
    public let groups: [TemplateGroup]
    /// Where each group's keys start among a position's keys (-1: off).
    let unigramSlot: Int, bigramSlot: Int, skipSlot: Int, classSlot: Int, dictionarySlot: Int, trigramSlot: Int
    let dictionaryCharacterSlot: Int

    public init(templates: Set = .standard) {
        self.templates = templates
        var layout = TemplateLayout()
        let chars = templates.contains(.characters)
        unigramSlot = layout.add(chars, TemplateGroup(name: "unigram", reach: [-2, -1, 0, 1, 2]))
        bigramSlot = layout.add(chars, TemplateGroup(name: "bigram", reach: [-2, -1, 0, 1]))
        skipSlot = layout.add(chars, TemplateGroup(name: "skip", reach: [0]))
        classSlot = layout.add(templates.contains(.classes), TemplateGroup(name: "classes", reach: [0]))
        let dictionaryReach = templates.contains(.dictionaryContext) ? [-1, 0, 1] : [0]
        dictionarySlot = layout.add(templates.contains(.dictionary),
                                    TemplateGroup(name: "dictionary", reach: dictionaryReach, keys: 3))
        trigramSlot = layout.add(templates.contains(.trigrams), TemplateGroup(name: "trigram", reach: [0]))
        dictionaryCharacterSlot = layout.add(templates.contains(.dictionaryCharacters),
                                             TemplateGroup(name: "dictchar", reach: [0], keys: 3))
        groups = layout.groups
    }

    /// The three dictionary keys of marks `m` at `slot`: the longest listed word starting
    /// here, ending here, running through here (each with `character`; 0: none).
    @inline(__always)
    static func dictionary(_ m: UInt64, character: UInt32, slot: Int, _ sink: inout KeySink) {
        guard m != 0 else { sink.absent(slot, count: 3); return }
        let s = TokenDictionary.startLength(m), e = TokenDictionary.endLength(m)
        let through = TokenDictionary.throughLength(m)
        if s != 0 {
            sink.put(slot, FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.start(5), character), s)))
        } else {
            sink.absent(slot)
        }
        if e != 0 {
            sink.put(slot + 1, FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.start(6), character), e)))
        } else {
            sink.absent(slot + 1)
        }
        if through != 0 {
            sink.put(slot + 2,
                     FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.start(7), character), through)))
        } else {
            sink.absent(slot + 2)
        }
    }

    public func keys(_ text: UnsafeBufferPointer<Unicode.Scalar>, marks: UnsafeBufferPointer<UInt64>,
                     range: Range<Int>, pad: Int, into out: inout KeySink) {
        var sink = out
        defer { out = sink }
        let lo = range.lowerBound, hi = range.upperBound
        @inline(__always) func ch(_ k: Int) -> UInt32 {
            k < lo ? CharacterKey.before : k >= hi ? CharacterKey.after : CharacterKey.of(text[k])
        }
        @inline(__always) func cls(_ k: Int) -> UInt32 {
            k < lo || k >= hi ? 0 : TokenCharacterClass.of(text[k]).rawValue
        }
        let hasMarks = !marks.isEmpty
        let uni = unigramSlot, bi = bigramSlot, skip = skipSlot, classes = classSlot, dict = dictionarySlot
        let tri = trigramSlot, dictChar = dictionaryCharacterSlot
        let h1 = FeatureHash.start(1), h2 = FeatureHash.start(2), h3 = FeatureHash.start(3)
        let h4 = FeatureHash.start(4)
        let h8 = FeatureHash.start(8)
        // The window c[j-1] … c[j+1] and the classes of c[j-2] … c[j+2], slid along.
        var cm1 = ch(lo - pad - 1), c0 = ch(lo - pad), c1 = ch(lo - pad + 1)
        var pattern: UInt32 = 0
        for k in lo - pad - 2 ... lo - pad + 2 { pattern = (pattern << 3 | cls(k)) & 0x7FFF }
        for j in lo - pad ..< hi + pad {
            if uni >= 0 {
                sink.put(uni, FeatureHash.finish(FeatureHash.add(h1, c0)))
                sink.put(bi, FeatureHash.finish(FeatureHash.add(FeatureHash.add(h2, c0), c1)))
                sink.put(skip, FeatureHash.finish(FeatureHash.add(FeatureHash.add(h3, cm1), c1)))
            }
            if classes >= 0 { sink.put(classes, FeatureHash.finish(FeatureHash.add(h4, pattern))) }
            if dict >= 0 || dictChar >= 0 {
                let m: UInt64 = hasMarks && j >= lo && j < hi ? marks[j] : 0
                if dict >= 0 { TokenFeatures.dictionary(m, character: 0, slot: dict, &sink) }
                // With the character: how far a listed word is trusted may depend on it.
                if dictChar >= 0 { TokenFeatures.dictionary(m, character: c0, slot: dictChar, &sink) }
            }
            if tri >= 0 {
                sink.put(tri, FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.add(h8, cm1), c0), c1)))
            }
            sink.next()
            cm1 = c0; c0 = c1; c1 = ch(j + 2)
            pattern = (pattern << 3 | cls(j + 3)) & 0x7FFF
        }
    }
}
