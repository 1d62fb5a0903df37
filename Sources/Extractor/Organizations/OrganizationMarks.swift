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

    let heads: PhraseTable
    let subunits: PhraseTable
    let known: PhraseTable
    let leading: PhraseTable
    let generic: PhraseTable
    let modifiers: PhraseTable
    let places: PhraseTable
    let stops: ScalarSet

    public static let shared = OrganizationMarks()

    init() {
        func table(_ source: String) -> PhraseTable {
            PhraseTable(OrganizationLexicon.lines(source).map { ($0.0, OrganizationMarks.categoryNumber($0.1) - 1) })
        }
        func words(_ source: String) -> PhraseTable {
            PhraseTable(source.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { (String($0), 0) })
        }
        heads = table(OrganizationTable.headSource)
        subunits = words(OrganizationTable.subunitSource)
        known = table(OrganizationTable.knownSource)
        leading = words(OrganizationTable.leadingWordSource)
        generic = words(OrganizationTable.genericSource)
        modifiers = words(OrganizationTable.genericModifiers)
        places = words(PlaceTable.source)
        stops = ScalarSet(OrganizationTable.stopCharacters)
    }

    /// One mark a cleaned character of `source`.
    public func marks(_ source: SourceText) -> [UInt64] { analyze(source).marks }

    /// Marks for `text`, given the rule recognizer's spans `[start, end)` with categories.
    func marks(_ b: UnsafeBufferPointer<Unicode.Scalar>, rules: [(Int, Int, String)]) -> [UInt64] {
        let n = b.count
        var m = [UInt64](repeating: 0, count: n)
        for (s, e, category) in rules where s < e && e <= n {
            let c = OrganizationMarks.categoryNumber(category)
            for k in s ..< e {
                OrganizationMarks.ruleTag.set(&m[k], e - s == 1 ? 4 : k == s ? 1 : k == e - 1 ? 3 : 2)
                OrganizationMarks.ruleCategory.set(&m[k], c)
            }
        }
        var knownUntil = 0
        for i in 0 ..< n {
            let c = b[i]
            if stops.contains(c) { OrganizationMarks.stop.set(&m[i], 1) }
            if heads.mayStart(c), let (len, cat) = heads.longest(b, at: i) {
                OrganizationMarks.headStart.set(&m[i], cat + 1)
                let e = i + len - 1
                // The longest head word ending at e wins.
                if OrganizationMarks.headEnd.get(m[e]) == 0
                    || Int(OrganizationMarks.headEndLength.get(m[e])) < min(len, 4) - 1 {
                    OrganizationMarks.headEnd.set(&m[e], cat + 1)
                    OrganizationMarks.headEndLength.set(&m[e], min(len, 4) - 1)
                }
            }
            if i >= knownUntil, known.mayStart(c), let (len, cat) = known.longest(b, at: i) {
                for k in i ..< i + len {
                    OrganizationMarks.known.set(&m[k], len == 1 ? 4 : k == i ? 1 : k == i + len - 1 ? 3 : 2)
                    OrganizationMarks.knownCategory.set(&m[k], cat + 1)
                }
                knownUntil = i + len
            }
            if places.mayStart(c), let (len, _) = places.longest(b, at: i) {
                OrganizationMarks.placeStart.set(&m[i], 1)
                OrganizationMarks.placeEnd.set(&m[i + len - 1], 1)
            }
            if leading.mayStart(c), let (len, _) = leading.longest(b, at: i) {
                OrganizationMarks.leadingStart.set(&m[i], 1)
                OrganizationMarks.leadingEnd.set(&m[i + len - 1], 1)
            }
            if subunits.mayStart(c), let (len, _) = subunits.longest(b, at: i) {
                OrganizationMarks.subunitStart.set(&m[i], 1)
                OrganizationMarks.subunitEnd.set(&m[i + len - 1], 1)
            }
            if generic.mayStart(c), let (len, _) = generic.longest(b, at: i) {
                OrganizationMarks.genericEnd.set(&m[i + len - 1], 1)
            }
            if modifiers.mayStart(c), modifiers.longest(b, at: i) != nil { OrganizationMarks.modifier.set(&m[i], 1) }
        }
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
        return m
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
        var starts = [s]
        if let (len, _) = places.longest(b, at: s, limit: e), s + len < e { starts.append(s + len) }
        for k in starts {
            guard let (len, _) = generic.longest(b, at: k, limit: e), k + len == e else { continue }
            if let (h, _) = heads.longest(b, at: k, limit: e), k + h == e { continue }
            return true
        }
        return false
    }
}
