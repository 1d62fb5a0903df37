/// What the rules know about each character of a text, as one 64-bit word a
/// character for the organization model's templates: the span the rule
/// recognizer proposes, head words (局, 委员会, 有限公司) ending or starting here,
/// curated names covering this character, place names starting or ending here,
/// verbs and generic words that cannot start a name, and how far the next head
/// word is.
///
///     "深圳市医学会捐赠" → 深: rule B, place start; 会: rule E, head end (association) …
///
/// The tables are the rule recognizer's own (OrganizationTable, PlaceTable), read
/// into phrase tables once.
@_spi(Training) public struct OrganizationMarks: Sendable {
    // Bit fields of a mark.
    static let ruleTag = Field(0, 3)            // the rule recognizer's tag: 0 O, 1 B, 2 I, 3 E, 4 S
    static let ruleCategory = Field(3, 4)       // its category + 1
    static let headEnd = Field(7, 4)            // a head word ends here: category + 1
    static let headEndLength = Field(11, 2)     // its length: 1, 2, 3, 4+
    static let headStart = Field(13, 4)         // a head word starts here: category + 1
    static let known = Field(17, 3)             // a curated name covers this: 1 B, 2 I, 3 E, 4 S
    static let knownCategory = Field(20, 4)
    static let placeStart = Field(24, 1)
    static let placeEnd = Field(25, 1)
    static let leadingStart = Field(26, 1)      // a verb or generic lead word (召开, 组织) starts here
    static let leadingEnd = Field(27, 1)
    static let subunitStart = Field(28, 1)      // 党委, 分公司, 办公室 …
    static let subunitEnd = Field(29, 1)
    static let genericEnd = Field(30, 1)        // a generic name (有关部门, 定点医院) ends here
    static let stop = Field(31, 1)              // 的, 和, 在, punctuation: never inside a name
    static let headAhead = Field(32, 3)         // distance to the end of the next head word, bucketed
    static let headAheadCategory = Field(35, 4)
    static let placeBehind = Field(39, 3)       // distance from the start of the last place name, bucketed
    static let modifier = Field(42, 1)          // a generic modifier (定点, 综合, 民营) starts here

    public struct Field: Sendable {
        let shift: UInt64, mask: UInt64
        init(_ shift: UInt64, _ width: UInt64) { self.shift = shift; mask = (1 << width) - 1 }
        @inline(__always) func get(_ m: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (m >> shift) & mask) }
        @inline(__always) func set(_ m: inout UInt64, _ v: Int) {
            m = (m & ~(mask << shift)) | ((UInt64(v) & mask) << shift)
        }
    }

    static let categories = ["government", "party", "association", "company", "hospital", "school", "research",
                             "media", "team", "military", "group", "other", "international"]

    static func categoryNumber(_ name: String) -> Int { (categories.firstIndex(of: name) ?? 11) + 1 }

    /// 0: none; then 0, 1, 2–3, 4–6, 7–10 characters away.
    @inline(__always) static func distanceBucket(_ d: Int) -> Int {
        d < 0 ? 0 : d == 0 ? 1 : d == 1 ? 2 : d <= 3 ? 3 : d <= 6 ? 4 : d <= 10 ? 5 : 0
    }

    /// All the lists in one table: a word's value says which lists hold it (see `Lists`),
    /// so one walk a position answers for all of them.
    let lexicon: PhraseTable
    let stops: ScalarSet
    /// Whether `marks` works out the distances (`headAhead`, `placeBehind`): only the
    /// `distances` templates read them, and the shipped model has none (`OrganizationModel`
    /// turns them off for such a model: 14 M instructions on 1.5 MB of text).
    var withDistances = true

    /// Bits of a lexicon value: the head word's and curated name's category + 1, and one bit
    /// for each plain list.
    enum Lists {
        static let headShift: UInt32 = 0, knownShift: UInt32 = 4
        static let subunit: UInt32 = 1 << 8, leading: UInt32 = 1 << 9, generic: UInt32 = 1 << 10
        static let modifier: UInt32 = 1 << 11, place: UInt32 = 1 << 12
    }

    public static let shared = OrganizationMarks()

    init() {
        // The lists as scalars (WordLists): splitting them as Characters cost more than the
        // rest of the start-up.
        var entries: [([Unicode.Scalar], UInt32)] = []
        func categorized(_ source: String, shift: UInt32) {
            for (word, category) in WordLists.lines(source) {
                entries.append((word, UInt32(OrganizationMarks.categoryNumber(category)) << shift))
            }
        }
        func plain(_ source: String, _ bit: UInt32) {
            for w in WordLists.words(source) { entries.append((w, bit)) }
        }
        categorized(OrganizationTable.headSource, shift: Lists.headShift)
        categorized(OrganizationTable.knownSource, shift: Lists.knownShift)
        plain(OrganizationTable.subunitSource, Lists.subunit)
        plain(OrganizationTable.leadingWordSource, Lists.leading)
        plain(OrganizationTable.genericSource, Lists.generic)
        plain(OrganizationTable.genericModifiers, Lists.modifier)
        for w in WordLists.places { entries.append((w, Lists.place)) }
        // A word in two lines of one categorized list keeps its first category (as the rules do).
        var seen: [[Unicode.Scalar]: UInt32] = [:]
        entries = entries.filter { word, value in
            let categories = value & 0xFF
            guard categories != 0 else { return true }
            let mask: UInt32 = value & 0x0F != 0 ? 0x0F : 0xF0
            if let had = seen[word], had & mask != 0 { return false }
            seen[word, default: 0] |= categories
            return true
        }
        lexicon = PhraseTable(scalarValues: entries)
        stops = ScalarSet(OrganizationTable.stopCharacters)
    }

    /// One mark a cleaned character of `source`.
    public func marks(_ source: SourceText) -> [UInt64] { analyze(source).marks }

    /// Marks for `text`, given the rule recognizer's spans `[start, end)` with categories.
    func marks(_ b: UnsafeBufferPointer<Unicode.Scalar>, rules: [(Int, Int, String)]) -> [UInt64] {
        let n = b.count
        var marks = [UInt64](repeating: 0, count: n)
        marks.withUnsafeMutableBufferPointer { m in
            for (s, e, category) in rules where s < e && e <= n {
                let c = OrganizationMarks.categoryNumber(category)
                for k in s ..< e {
                    OrganizationMarks.ruleTag.set(&m[k], e - s == 1 ? 4 : k == s ? 1 : k == e - 1 ? 3 : 2)
                    OrganizationMarks.ruleCategory.set(&m[k], c)
                }
            }
            mark(b, m)
            if withDistances { distances(m) }
        }
        return marks
    }

    /// Dictionary marks: one walk of the lexicon a position, the longest word of each list kept.
    private func mark(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ m: UnsafeMutableBufferPointer<UInt64>) {
        typealias M = OrganizationMarks
        var knownUntil = 0
        for i in 0 ..< b.count {
            // The stop bit set without a branch (a stop character is a coin toss on running text),
            // and one combined test for a word starting here.
            m[i] |= stops.bit(b[i].value) << M.stop.shift
            guard lexicon.mayStart(b, at: i) else { continue }
            var head = (0, 0), known = (0, 0), place = 0, leading = 0, subunit = 0, generic = 0, modifier = false
            lexicon.values(b, at: i) { len, v in
                let h = Int((v >> Lists.headShift) & 0xF), k = Int((v >> Lists.knownShift) & 0xF)
                if h != 0 { head = (len, h) }
                if k != 0 { known = (len, k) }
                if v & Lists.place != 0 { place = len }
                if v & Lists.leading != 0 { leading = len }
                if v & Lists.subunit != 0 { subunit = len }
                if v & Lists.generic != 0 { generic = len }
                if v & Lists.modifier != 0 { modifier = true }
            }
            if head.0 > 0 {
                M.headStart.set(&m[i], head.1)
                let e = i + head.0 - 1, lengthClass = min(head.0, 4) - 1
                // The longest head word ending at e wins.
                if M.headEnd.get(m[e]) == 0 || Int(M.headEndLength.get(m[e])) < lengthClass {
                    M.headEnd.set(&m[e], head.1)
                    M.headEndLength.set(&m[e], lengthClass)
                }
            }
            if i >= knownUntil && known.0 > 0 {
                let len = known.0
                for k in i ..< i + len {
                    M.known.set(&m[k], len == 1 ? 4 : k == i ? 1 : k == i + len - 1 ? 3 : 2)
                    M.knownCategory.set(&m[k], known.1)
                }
                knownUntil = i + len
            }
            if place > 0 { M.placeStart.set(&m[i], 1); M.placeEnd.set(&m[i + place - 1], 1) }
            if leading > 0 { M.leadingStart.set(&m[i], 1); M.leadingEnd.set(&m[i + leading - 1], 1) }
            if subunit > 0 { M.subunitStart.set(&m[i], 1); M.subunitEnd.set(&m[i + subunit - 1], 1) }
            if generic > 0 { M.genericEnd.set(&m[i + generic - 1], 1) }
            if modifier { M.modifier.set(&m[i], 1) }
        }
    }

    /// How far the end of the next head word is, and how far back the last place name
    /// started, within the clause (a stop character ends both).
    private func distances(_ m: UnsafeMutableBufferPointer<UInt64>) {
        let n = m.count
        // Right to left: how far the end of the next head word is, within the clause.
        var nextHeadEnd = -1, nextCategory = 0
        for i in stride(from: n - 1, through: 0, by: -1) {
            if OrganizationMarks.stop.get(m[i]) != 0 { nextHeadEnd = -1 }
            let h = OrganizationMarks.headEnd.get(m[i])
            if h != 0 { nextHeadEnd = i; nextCategory = Int(h) }
            if nextHeadEnd >= 0 {
                let d = OrganizationMarks.distanceBucket(nextHeadEnd - i)
                OrganizationMarks.headAhead.set(&m[i], d)
                OrganizationMarks.headAheadCategory.set(&m[i], d == 0 ? 0 : nextCategory)
            }
        }
        // Left to right: how far back the last place name started, within the clause.
        var lastPlace = -1
        for i in 0 ..< n {
            if OrganizationMarks.stop.get(m[i]) != 0 { lastPlace = -1 }
            if OrganizationMarks.placeStart.get(m[i]) != 0 { lastPlace = i }
            if lastPlace >= 0 {
                OrganizationMarks.placeBehind.set(&m[i], OrganizationMarks.distanceBucket(i - lastPlace))
            }
        }
    }
}

extension OrganizationMarks {
    /// The rule recognizer's spans (cleaned offsets) and the marks of `source`, for the
    /// trainer and for hybrid decisions.
    public func analyze(_ source: SourceText) -> (marks: [UInt64], rules: [(start: Int, end: Int)]) {
        let rules = OrganizationRecognizer(source: source).run()
        let m = source.withScalars { marks($0, rules: rules.map { ($0.start, $0.end, $0.category) }) }
        return (m, rules.map { (start: $0.start, end: $0.end) })
    }
}

extension OrganizationMarks {
    /// The rule recognizer's category at a mark ("none" outside its spans).
    public static func ruleCategoryName(_ m: UInt64) -> String {
        let c = Int(ruleCategory.get(m))
        return c == 0 ? "none" : categories[c - 1]
    }

    /// True when a curated name covers the character.
    public static func isKnown(_ m: UInt64) -> Bool { known.get(m) != 0 }
}

extension OrganizationMarks {
    /// The place names of PlaceTable (深圳市, 普陀区, 中国 …), for the trainer.
    public static var placeNames: [String] {
        PlaceTable.source.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
}

extension OrganizationMarks {
    /// True when `[s, e)` is a generic group of OrganizationTable's list (社会组织, 有关部门),
    /// alone or after a place name (深圳市社会组织), and that word is no head word (银行).
    func isGeneric(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ s: Int, _ e: Int) -> Bool {
        @inline(__always) func genericFrom(_ k: Int) -> Bool {
            var generic = false, head = false
            lexicon.values(b, at: k) { len, v in
                guard k + len == e else { return }
                if v & Lists.generic != 0 { generic = true }
                if (v >> Lists.headShift) & 0xF != 0 { head = true }
            }
            return generic && !head
        }
        if genericFrom(s) { return true }
        var place = 0
        lexicon.values(b, at: s) { len, v in if v & Lists.place != 0 && s + len < e { place = len } }
        return place > 0 && genericFrom(s + place)
    }
}

extension OrganizationMarks {
    /// A head word ends here or a curated name covers this character.
    public static func isCue(_ m: UInt64) -> Bool {
        headEnd.get(m) != 0 || known.get(m) != 0 || placeStart.get(m) != 0 || ruleTag.get(m) != 0
    }
}

extension OrganizationMarks {
    /// The rule recognizer's names alone (for timing).
    public static func ruleSpans(_ source: SourceText) -> [(start: Int, end: Int)] {
        OrganizationRecognizer(source: source).run().map { (start: $0.start, end: $0.end) }
    }
}
