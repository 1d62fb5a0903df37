/// The feature templates of the organization-name model: which facts describe
/// a character for BIOES tagging of names.
///
/// The shipped set (`Set.standard`):
/// - the characters at -2 … +2 and the bigrams from -2 to +2;
/// - the rules' knowledge from `OrganizationMarks`: the rule recognizer's tag
///   and category, and dictionary facts in three keys (head words ending or
///   starting here; curated names and place names; verbs, sub-units, generic
///   words and stop characters).
/// Measured alternatives, kept so that `extract-train` can compare them:
/// trigrams, a class pattern (Han, digit, Latin, other at -2 … +2), distances
/// to the next head word and from the last place, the skip bigram, unigrams at
/// ±3, rule keys that also score their neighbours, dictionary facts in six keys.
/// None of them moved the dev F1 beyond run-to-run noise (docs/organization-model.md).
///
/// ASCII digits read as one character (0) and Latin letters as lower case, so
/// 2022年 and 1998年 share features. The shipped model names its set in its
/// signature and is never read with another.
@_spi(Training) public struct OrganizationFeatures: SequenceFeatures {
    public struct Set: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Characters and bigrams.
        public static let characters = Set(rawValue: 1)
        /// The rule recognizer's proposed span.
        public static let ruleSpans = Set(rawValue: 2)
        /// Dictionary hits: head words, curated names, places, verbs, generic words.
        public static let dictionary = Set(rawValue: 4)
        /// Distances to the next head word and from the last place name.
        public static let distances = Set(rawValue: 8)
        /// Unigrams at -3 and +3 too.
        public static let wideUnigrams = Set(rawValue: 16)
        /// Rule and dictionary keys also score the characters before and after them.
        public static let ruleContext = Set(rawValue: 32)
        /// The characters on either side, together (C[-1]C[+1]).
        public static let skipGram = Set(rawValue: 64)
        /// The classes of the five characters around.
        public static let classPattern = Set(rawValue: 128)
        /// Trigrams.
        public static let trigrams = Set(rawValue: 256)
        /// Dictionary facts in 3 keys and distances in 1 (else 6 and 2): fewer rows to add up.
        public static let compactDictionary = Set(rawValue: 512)
        /// Unigrams at -1 … +1 only.
        public static let narrowUnigrams = Set(rawValue: 1024)
        /// What the shipped model uses.
        /// (Trigrams, the class pattern and the distances scored the same on the dev set and
        /// cost a quarter of the speed: README.)
        public static let standard: Set = [.characters, .ruleSpans, .dictionary, .compactDictionary]
    }

    public let templates: Set
    public var tagSet: TagSet { .bioes }
    public var signature: String { "org-v3:\(templates.rawValue)" }

    /// Key at j: c[j]; c[j]c[j+1]; c[j]c[j+1]c[j+2]; c[j-1]c[j+1]; the classes of c[j-2] … c[j+2];
    /// the rule recognizer's tag at j; dictionary facts at j (6 keys); distances (2 keys) —
    /// each group only when its templates are on, in this order.
    public let groups: [TemplateGroup]
    /// Where each group's keys start among a position's keys (-1: off), and their count.
    let unigramSlot: Int, bigramSlot: Int, trigramSlot: Int, skipSlot: Int, classSlot: Int
    let ruleSlot: Int, dictionarySlot: Int, distanceSlot: Int
    let keyCount: Int
    let compact: Bool

    public init(templates: Set = .standard) {
        self.templates = templates
        let context = templates.contains(.ruleContext) ? [-1, 0, 1] : [0]
        var layout = TemplateLayout()
        let chars = templates.contains(.characters)
        let unigrams = templates.contains(.wideUnigrams) ? [-3, -2, -1, 0, 1, 2, 3]
            : templates.contains(.narrowUnigrams) ? [-1, 0, 1] : [-2, -1, 0, 1, 2]
        unigramSlot = layout.add(chars, TemplateGroup(name: "unigram", reach: unigrams))
        bigramSlot = layout.add(chars, TemplateGroup(name: "bigram", reach: [-1, 0, 1, 2]))
        trigramSlot = layout.add(templates.contains(.trigrams), TemplateGroup(name: "trigram", reach: [0, 1, 2]))
        skipSlot = layout.add(templates.contains(.skipGram), TemplateGroup(name: "skip", reach: [0]))
        classSlot = layout.add(templates.contains(.classPattern), TemplateGroup(name: "classes", reach: [0]))
        ruleSlot = layout.add(templates.contains(.ruleSpans), TemplateGroup(name: "rules", reach: context))
        compact = templates.contains(.compactDictionary)
        dictionarySlot = layout.add(templates.contains(.dictionary),
                                    TemplateGroup(name: "dictionary", reach: context, keys: compact ? 3 : 6))
        distanceSlot = layout.add(templates.contains(.distances),
                                  TemplateGroup(name: "distance", reach: [0], keys: compact ? 1 : 2))
        groups = layout.groups
        keyCount = groups.reduce(0) { $0 + $1.keys }
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
                     range: Range<Int>, pad: Int, into out: inout KeySink) {
        if templates == .standard && out.slots == 6 && unigramSlot == 0 && bigramSlot == 1 && ruleSlot == 2
            && dictionarySlot == 3 {
            return standardKeys(text, marks: marks, range: range, pad: pad, into: &out)
        }
        // A local copy: its pointers stay in registers (stores through `rows` could alias `out`).
        var sink = out
        defer { out = sink }
        let lo = range.lowerBound, hi = range.upperBound
        @inline(__always) func ch(_ k: Int) -> UInt32 {
            k < lo ? CharacterKey.before : k >= hi ? CharacterKey.after : CharacterKey.of(text[k])
        }
        @inline(__always) func cls(_ k: Int) -> UInt32 {
            k < lo || k >= hi ? 0 : OrganizationFeatures.characterClass(text[k])
        }
        let hasMarks = !marks.isEmpty
        let uni = unigramSlot, bi = bigramSlot, tri = trigramSlot, skip = skipSlot, classes = classSlot
        let rule = ruleSlot, dict = dictionarySlot, dist = distanceSlot
        let dictKeys = compact ? 3 : 6, distKeys = compact ? 1 : 2
        let h1 = FeatureHash.start(1), h2 = FeatureHash.start(2), h3 = FeatureHash.start(3)
        let h4 = FeatureHash.start(4), h5 = FeatureHash.start(5)
        // The window c[j-1] … c[j+2] and classes c[j-2] … c[j+2], slid along.
        var cm1 = ch(lo - pad - 1), c0 = ch(lo - pad), c1 = ch(lo - pad + 1), c2 = ch(lo - pad + 2)
        var pattern: UInt32 = 0
        for k in lo - pad - 2 ... lo - pad + 2 { pattern = (pattern << 3 | cls(k)) & 0x7FFF }
        for j in lo - pad ..< hi + pad {
            if uni >= 0 { sink.put(uni, FeatureHash.finish(FeatureHash.add(h1, c0))) }
            if bi >= 0 { sink.put(bi, FeatureHash.finish(FeatureHash.add(FeatureHash.add(h2, c0), c1))) }
            if tri >= 0 {
                sink.put(tri, FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.add(h3, c0), c1), c2)))
            }
            if skip >= 0 { sink.put(skip, FeatureHash.finish(FeatureHash.add(FeatureHash.add(h4, cm1), c1))) }
            if classes >= 0 { sink.put(classes, FeatureHash.finish(FeatureHash.add(h5, pattern))) }
            let m: UInt64 = hasMarks && j >= lo && j < hi ? marks[j] : 0
            if rule >= 0 { rules(m, rule, &sink) }
            if compact {
                if dict >= 0 { compactDictionary(m, dict, &sink) }
                if dist >= 0 { compactDistances(m, dist, &sink) }
            } else {
                if dict >= 0 { sink.absent(dict, count: dictKeys); dictionary(m, dict, &sink) }
                if dist >= 0 { sink.absent(dist, count: distKeys); distances(m, dist, &sink) }
            }
            sink.next()
            cm1 = c0; c0 = c1; c1 = c2; c2 = ch(j + 3)
            pattern = (pattern << 3 | cls(j + 3)) & 0x7FFF
        }
    }

    /// `keys` for the shipped set (`Set.standard`: unigram, bigram, rules, compact dictionary),
    /// the same rows with the groups' layout read once: the general loop asked every position
    /// which groups are on and computed the class pattern that no shipped group reads (a third
    /// of the organization model's instructions).
    func standardKeys(_ text: UnsafeBufferPointer<Unicode.Scalar>, marks: UnsafeBufferPointer<UInt64>,
                      range: Range<Int>, pad: Int, into out: inout KeySink) {
        typealias M = OrganizationMarks
        let lo = range.lowerBound, hi = range.upperBound
        guard hi + pad > lo - pad else { return }
        // The set's layout as constants (`keys` checks it): six slots a position, so that the
        // stores take fixed offsets and the slot numbers take no registers.
        let uni = 0, bi = 1, rule = 2, dict = 3, slots = 6
        let sink = out
        let zero = sink.zero
        let uStart = sink.starts[uni], uShift = sink.shifts[uni], uWidth = sink.widths[uni]
        let bStart = sink.starts[bi], bShift = sink.shifts[bi], bWidth = sink.widths[bi]
        let rStart = sink.starts[rule], rShift = sink.shifts[rule], rWidth = sink.widths[rule]
        let dStart = sink.starts[dict], dShift = sink.shifts[dict], dWidth = sink.widths[dict]
        @inline(__always) func row(_ start: Int, _ shift: UInt64, _ width: Int, _ hash: UInt64) -> Int32 {
            Int32(truncatingIfNeeded: start &+ Int(truncatingIfNeeded: hash &>> shift) &* width)
        }
        @inline(__always) func ch(_ k: Int) -> UInt32 {
            k < lo ? CharacterKey.before : k >= hi ? CharacterKey.after : CharacterKey.of(text[k])
        }
        let h1 = FeatureHash.start(1), h2 = FeatureHash.start(2)
        let h6 = FeatureHash.start(6), h15 = FeatureHash.start(15), h16 = FeatureHash.start(16)
        let h17 = FeatureHash.start(17)
        let hasMarks = !marks.isEmpty, span = UInt(bitPattern: hi &- lo)
        var r = sink.rows + sink.base
        var c0 = ch(lo - pad), c1 = ch(lo - pad + 1)
        for j in lo - pad ..< hi + pad {
            r[uni] = row(uStart, uShift, uWidth, FeatureHash.finish(FeatureHash.add(h1, c0)))
            r[bi] = row(bStart, bShift, bWidth, FeatureHash.finish(FeatureHash.add(FeatureHash.add(h2, c0), c1)))
            let m: UInt64 = hasMarks && UInt(bitPattern: j &- lo) < span ? marks[j] : 0
            // Most characters have no rule or dictionary fact the shipped keys read.
            if m & OrganizationFeatures.standardMarks == 0 {
                r[rule] = zero; r[dict] = zero; r[dict &+ 1] = zero; r[dict &+ 2] = zero
                r += slots
                c0 = c1; c1 = ch(j &+ 2)
                continue
            }
            let tag = M.ruleTag.get(m)
            r[rule] = tag != 0
                ? row(rStart, rShift, rWidth,
                      FeatureHash.finish(FeatureHash.add(FeatureHash.add(h6, tag), M.ruleCategory.get(m))))
                : zero
            let headEnd = M.headEnd.get(m), headStart = M.headStart.get(m)
            r[dict] = headEnd | headStart != 0
                ? row(dStart, dShift, dWidth, FeatureHash.finish(FeatureHash.add(
                    FeatureHash.add(h15, headEnd << 2 | M.headEndLength.get(m)), headStart)))
                : zero
            let known = M.known.get(m), place = M.placeStart.get(m) | M.placeEnd.get(m) << 1
            r[dict &+ 1] = known | place != 0
                ? row(dStart, dShift, dWidth, FeatureHash.finish(FeatureHash.add(
                    FeatureHash.add(h16, known << 4 | M.knownCategory.get(m)), place)))
                : zero
            let other = M.subunitStart.get(m) | M.subunitEnd.get(m) << 1 | M.genericEnd.get(m) << 2
                | M.modifier.get(m) << 3 | M.stop.get(m) << 4 | M.leadingStart.get(m) << 5 | M.leadingEnd.get(m) << 6
            r[dict &+ 2] = other != 0
                ? row(dStart, dShift, dWidth, FeatureHash.finish(FeatureHash.add(h17, other))) : zero
            r += slots
            c0 = c1; c1 = ch(j &+ 2)
        }
        out.base &+= (hi - lo + 2 * pad) &* slots
    }

    /// The bits of a mark that `standardKeys` reads: the rule tag and category, head words,
    /// curated names, places, lead words, sub-units, generic words, stops and modifiers
    /// (bits 0–31 and 42), not the distances.
    static let standardMarks: UInt64 = 0xFFFF_FFFF | 1 << 42

    /// The rule recognizer's tag and category (absent outside its spans).
    @inline(__always) func rules(_ m: UInt64, _ slot: Int, _ sink: inout KeySink) {
        typealias M = OrganizationMarks
        let tag = M.ruleTag.get(m)
        if tag != 0 { sink.put(slot, FeatureHash.hash(6, tag, M.ruleCategory.get(m))) } else { sink.absent(slot) }
    }

    /// Dictionary facts at a character: head words, curated names, places, verbs, sub-units.
    @inline(__always) func dictionary(_ m: UInt64, _ slot: Int, _ sink: inout KeySink) {
        typealias M = OrganizationMarks
        let headEnd = M.headEnd.get(m)
        if headEnd != 0 { sink.put(slot + 0, FeatureHash.hash(7, headEnd, M.headEndLength.get(m))) }
        let headStart = M.headStart.get(m)
        if headStart != 0 { sink.put(slot + 1, FeatureHash.hash(8, headStart)) }
        let known = M.known.get(m)
        if known != 0 { sink.put(slot + 2, FeatureHash.hash(9, known, M.knownCategory.get(m))) }
        let place = M.placeStart.get(m) | M.placeEnd.get(m) << 1
        if place != 0 { sink.put(slot + 3, FeatureHash.hash(10, place)) }
        let lead = M.leadingStart.get(m) | M.leadingEnd.get(m) << 1
        if lead != 0 { sink.put(slot + 4, FeatureHash.hash(11, lead)) }
        let other = M.subunitStart.get(m) | M.subunitEnd.get(m) << 1 | M.genericEnd.get(m) << 2
            | M.modifier.get(m) << 3 | M.stop.get(m) << 4
        if other != 0 { sink.put(slot + 5, FeatureHash.hash(12, other)) }
    }

    /// How far the next head word ends, and how far back the last place name started.
    @inline(__always) func distances(_ m: UInt64, _ slot: Int, _ sink: inout KeySink) {
        typealias M = OrganizationMarks
        let ahead = M.headAhead.get(m)
        if ahead != 0 { sink.put(slot + 0, FeatureHash.hash(13, ahead, M.headAheadCategory.get(m))) }
        let behind = M.placeBehind.get(m)
        if behind != 0 { sink.put(slot + 1, FeatureHash.hash(14, behind, ahead)) }
    }

    /// Dictionary facts in three keys: head words; curated names and places; verbs,
    /// sub-units, generic words and stops.
    @inline(__always) func compactDictionary(_ m: UInt64, _ slot: Int, _ sink: inout KeySink) {
        typealias M = OrganizationMarks
        let headEnd = M.headEnd.get(m), headStart = M.headStart.get(m)
        if headEnd | headStart != 0 {
            sink.put(slot, FeatureHash.hash(15, headEnd << 2 | M.headEndLength.get(m), headStart))
        } else {
            sink.absent(slot)
        }
        let known = M.known.get(m), place = M.placeStart.get(m) | M.placeEnd.get(m) << 1
        if known | place != 0 {
            sink.put(slot + 1, FeatureHash.hash(16, known << 4 | M.knownCategory.get(m), place))
        } else {
            sink.absent(slot + 1)
        }
        let other = M.subunitStart.get(m) | M.subunitEnd.get(m) << 1 | M.genericEnd.get(m) << 2
            | M.modifier.get(m) << 3 | M.stop.get(m) << 4 | M.leadingStart.get(m) << 5 | M.leadingEnd.get(m) << 6
        if other != 0 { sink.put(slot + 2, FeatureHash.hash(17, other)) } else { sink.absent(slot + 2) }
    }

    /// Both distances in one key.
    @inline(__always) func compactDistances(_ m: UInt64, _ slot: Int, _ sink: inout KeySink) {
        typealias M = OrganizationMarks
        let ahead = M.headAhead.get(m), behind = M.placeBehind.get(m)
        if ahead | behind != 0 {
            sink.put(slot, FeatureHash.hash(18, ahead << 4 | M.headAheadCategory.get(m), behind))
        } else {
            sink.absent(slot)
        }
    }
}
