/// The feature templates of the organization-name model: which facts describe
/// a character for BIOES tagging of names.
///
/// - characters at -3 … +3, bigrams from -2 to +2, the pair around the
///   character, trigrams centred at -1, 0, +1;
/// - a pattern of character classes (Han, digit, Latin, punctuation) at -2 … +2;
/// - the rules' knowledge from `OrganizationMarks`: the rule recognizer's tag,
///   head words ending here or starting next, curated names, place names,
///   verbs and generic words, and the distance to the next head word.
///
/// ASCII digits read as one character (0) and Latin letters as lower case, so
/// 2022年 and 1998年 share features. Which templates are on is `Set`, so that the
/// trainer can measure them one against another; the shipped model names its set
/// in its signature.
@_spi(Training) public struct OrganizationFeatures: SequenceFeatures {
    public struct Set: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Characters, bigrams, trigrams and the class pattern.
        public static let characters = Set(rawValue: 1)
        /// The rule recognizer's proposed span.
        public static let ruleSpans = Set(rawValue: 2)
        /// Dictionary hits: head words, curated names, places, verbs, generic words.
        public static let dictionary = Set(rawValue: 4)
        /// Distances to the next head word and from the last place name.
        public static let distances = Set(rawValue: 8)
        public static let all: Set = [.characters, .ruleSpans, .dictionary, .distances]
    }

    public let templates: Set
    public var tagSet: TagSet { .bioes }
    public var signature: String { "org-v2:\(templates.rawValue)" }

    /// Key at j: c[j] (C[-3] … C[+3]); c[j]c[j+1] (C[-2]C[-1] … C[+1]C[+2]); c[j]c[j+1]c[j+2]
    /// (trigrams ending at 0, +1, +2); c[j-1]c[j+1]; the classes of c[j-2] … c[j+2]; the rule
    /// recognizer's tag at j (seen from j-1 … j+1); dictionary facts at j (likewise); distances.
    public let groups: [TemplateGroup] = [
        TemplateGroup(name: "unigram", reach: [-3, -2, -1, 0, 1, 2, 3]),
        TemplateGroup(name: "bigram", reach: [-1, 0, 1, 2]),
        TemplateGroup(name: "trigram", reach: [0, 1, 2]),
        TemplateGroup(name: "skip", reach: [0]),
        TemplateGroup(name: "classes", reach: [0]),
        TemplateGroup(name: "rules", reach: [-1, 0, 1]),
        TemplateGroup(name: "dictionary", reach: [-1, 0, 1], keys: 6),
        TemplateGroup(name: "distance", reach: [0], keys: 2),
    ]
    static let keyCount = 14

    public init(templates: Set = .all) { self.templates = templates }

    static let before: UInt32 = 0x11_0001, after: UInt32 = 0x11_0002

    /// The character as features see it: digits as 0, Latin letters in lower case.
    @inline(__always) static func key(_ c: Unicode.Scalar) -> UInt32 {
        if c.isASCIIDigit { return ("0" as Unicode.Scalar).value }
        if c.value >= ("A" as Unicode.Scalar).value && c.value <= ("Z" as Unicode.Scalar).value { return c.value | 0x20 }
        return c.value
    }

    /// 1 Han, 2 digit (ASCII or Chinese numeral), 3 Latin, 4 punctuation or other, 0 outside the range.
    @inline(__always) static func characterClass(_ c: Unicode.Scalar) -> UInt32 {
        if c.isASCIIDigit { return 2 }
        switch c {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿", "零", "〇", "两":
            return 2
        default: break
        }
        if c.isHan { return 1 }
        if c.isASCIILetter { return 3 }
        return 4
    }

    public func keys(_ text: UnsafeBufferPointer<Unicode.Scalar>, marks: UnsafeBufferPointer<UInt64>,
                     range: Range<Int>, pad: Int, into out: UnsafeMutablePointer<UInt64>) {
        let lo = range.lowerBound, hi = range.upperBound
        let useCharacters = templates.contains(.characters), useRules = templates.contains(.ruleSpans)
        let useDictionary = templates.contains(.dictionary), useDistances = templates.contains(.distances)
        let hasMarks = !marks.isEmpty
        @inline(__always) func ch(_ k: Int) -> UInt32 {
            k < lo ? OrganizationFeatures.before : k >= hi ? OrganizationFeatures.after : OrganizationFeatures.key(text[k])
        }
        @inline(__always) func cls(_ k: Int) -> UInt32 {
            k < lo || k >= hi ? 0 : OrganizationFeatures.characterClass(text[k])
        }
        typealias M = OrganizationMarks
        let h1 = FeatureHash.start(1), h2 = FeatureHash.start(2), h3 = FeatureHash.start(3)
        let h4 = FeatureHash.start(4), h5 = FeatureHash.start(5)
        var o = out
        // The window c[j-1] … c[j+2] and classes c[j-2] … c[j+2], slid along.
        var cm1 = ch(lo - pad - 1), c0 = ch(lo - pad), c1 = ch(lo - pad + 1), c2 = ch(lo - pad + 2)
        var pattern: UInt32 = 0
        for k in lo - pad - 2 ... lo - pad + 2 { pattern = (pattern << 3 | cls(k)) & 0x7FFF }
        for j in lo - pad ..< hi + pad {
            o.update(repeating: FeatureHash.absent, count: OrganizationFeatures.keyCount)
            if useCharacters {
                o[0] = FeatureHash.finish(FeatureHash.add(h1, c0))
                o[1] = FeatureHash.finish(FeatureHash.add(FeatureHash.add(h2, c0), c1))
                o[2] = FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.add(h3, c0), c1), c2))
                o[3] = FeatureHash.finish(FeatureHash.add(FeatureHash.add(h4, cm1), c1))
                o[4] = FeatureHash.finish(FeatureHash.add(h5, pattern))
            }
            if hasMarks && j >= lo && j < hi {
                let m = marks[j]
                if useRules { rules(m, o + 5) }
                if useDictionary { dictionary(m, j > lo ? marks[j - 1] : 0, o + 6) }
                if useDistances { distances(m, o + 12) }
            }
            o += OrganizationFeatures.keyCount
            cm1 = c0; c0 = c1; c1 = c2; c2 = ch(j + 3)
            pattern = (pattern << 3 | cls(j + 3)) & 0x7FFF
        }
    }

    /// The rule recognizer's tag and category (absent outside its spans).
    @inline(__always) func rules(_ m: UInt64, _ o: UnsafeMutablePointer<UInt64>) {
        typealias M = OrganizationMarks
        let tag = M.ruleTag.get(m)
        if tag != 0 { o[0] = FeatureHash.hash(6, tag, M.ruleCategory.get(m)) }
    }

    /// Dictionary facts at a character: head words, curated names, places, verbs, sub-units.
    @inline(__always) func dictionary(_ m: UInt64, _ previous: UInt64, _ o: UnsafeMutablePointer<UInt64>) {
        typealias M = OrganizationMarks
        let headEnd = M.headEnd.get(m)
        if headEnd != 0 { o[0] = FeatureHash.hash(7, headEnd, M.headEndLength.get(m)) }
        let headStart = M.headStart.get(m)
        if headStart != 0 { o[1] = FeatureHash.hash(8, headStart) }
        let known = M.known.get(m)
        if known != 0 { o[2] = FeatureHash.hash(9, known, M.knownCategory.get(m)) }
        let place = M.placeStart.get(m) | M.placeEnd.get(m) << 1
        if place != 0 { o[3] = FeatureHash.hash(10, place) }
        let lead = M.leadingStart.get(m) | M.leadingEnd.get(m) << 1
        if lead != 0 { o[4] = FeatureHash.hash(11, lead) }
        let other = M.subunitStart.get(m) | M.subunitEnd.get(m) << 1 | M.genericEnd.get(m) << 2
            | M.modifier.get(m) << 3 | M.stop.get(m) << 4
        if other != 0 { o[5] = FeatureHash.hash(12, other) }
    }

    /// How far the next head word ends, and how far back the last place name started.
    @inline(__always) func distances(_ m: UInt64, _ o: UnsafeMutablePointer<UInt64>) {
        typealias M = OrganizationMarks
        let ahead = M.headAhead.get(m)
        if ahead != 0 { o[0] = FeatureHash.hash(13, ahead, M.headAheadCategory.get(m)) }
        let behind = M.placeBehind.get(m)
        if behind != 0 { o[1] = FeatureHash.hash(14, behind, ahead) }
    }
}
