/// The language tables the recognizers read on every candidate, gathered once.
///
/// The tables themselves live in their own files (UnitTable, QualifierTable,
/// NonFigureTable, ContextTable, TemporalTable), with their sources. On Linux
/// every read of a computed `static let` calls into the runtime (`swift_once`)
/// and retains the table, which measured 3% of the benchmark plus
/// reference counting; the recognizers hold this one object instead and read
/// plain stored properties. Sets of character pairs are read as `PairSet`s (no hashing per
/// lookup).
final class Lexicon: Sendable {
    static let shared = Lexicon()

    // Units
    let units = UnitIndex(UnitTable.byFirst)
    let unitFirsts = UnitTable.firstCharacters
    // Words that are not figures
    let numeralsInWords = NonFigureTable.numeralsInWords
    let wordsAroundNumerals = NumeralWords(NonFigureTable.byNumeral)
    let leftBlockers = NonFigureTable.leftBlockers
    let leftBlockerWords = NonFigureTable.leftBlockerWords
    let shangXiaWordFirsts = NonFigureTable.shangXiaWordFirsts
    // Qualifiers
    let prefixes = QualifierTable.prefixes
    let suffixes = QualifierTable.suffixes
    let suffixFirstCharacters = QualifierTable.suffixFirstCharacters
    let falsePrefixWords = QualifierTable.falsePrefixWords
    let prefixLastCharacters = QualifierTable.prefixLastCharacters
    let gapCharacters = QualifierTable.gapCharacters
    // Context
    let boundaryAfterSuffix = ContextTable.boundaryAfterSuffix
    let objectStopChars = ContextTable.objectStopChars
    let objectStopFirsts = ContextTable.objectStopFirsts
    let objectStopsByFirst = ContextTable.objectStopsByFirst
    let unitWordBlockerFirsts = ContextTable.unitWordBlockerFirsts
    let unitWordBlockerPairs = PairSet(ContextTable.unitWordBlockerPairs)
    let durationContext = ContextTable.durationContext
    let currencyPrefixes = ContextTable.currencyPrefixes
    let currencyPrefixLasts = ContextTable.currencyPrefixLasts
    let currencySymbols = ContextTable.currencySymbols
    let identifierWords = ContextTable.identifierWords
    let halfWordSeconds = QuantityRecognizer.halfWordSeconds
    let quantityTriggers = QuantityRecognizer.triggers
    // Dates and times
    let temporalTriggers = TemporalRecognizer.triggers
    let temporalSeen = TemporalRecognizer.seen
    let relativeFirsts = TemporalTable.relativeFirsts
    let relativesByFirst = TemporalTable.relativesByFirst
    let relatives = TemporalTable.relatives
    let relativeLeftBlockers = TemporalTable.relativeLeftBlockers
    let relativeRightBlockers = TemporalTable.relativeRightBlockers
    let holidayThingsAfter = HolidayTable.thingsAfter
    let partOfDayFirsts = TemporalTable.partOfDayFirsts
    let partsOfDay = TemporalTable.partsOfDay
    let holidayFirsts = HolidayTable.firsts
    let holidayFlat = HolidayTable.flat
    let holidaySpans = HolidayTable.spans
    let holidayGroups = HolidayTable.groups
    let holidayGroupIndex = HolidayTable.groupIndex
    let holidaySeconds = HolidayTable.seconds
    let holidayEntries = HolidayTable.entries
    let holidayContextAfter = HolidayTable.contextAfter
    let eraFirsts = TemporalTable.eraFirsts
    let eras = TemporalTable.eras
    let weekdayPrefixes = TemporalTable.weekdayPrefixes
    let bigrams = PairSet(TemporalTable.bigrams)
    let bigramSeconds = TemporalTable.bigramSeconds
    let dateCharacters = TemporalTable.dateCharacters
    let rangeConnectors = TemporalTable.rangeConnectors
    let periodSuffixes = TemporalTable.periodSuffixes
    let haoBlockers = TemporalTable.haoBlockers
    // Figure context
    let sentenceEnds = FigureContext.sentenceEnds
    let clauseEnds = FigureContext.clauseEnds
    let cumulativeFirsts = FigureContext.cumulativeFirsts
    let cumulativeWords = FigureContext.cumulativeWords
    let gongBlockersAfter = FigureContext.gongBlockersAfter
    let gongBlockersBefore = FigureContext.gongBlockersBefore
    let asOfMarkers = FigureContext.asOfMarkers

    /// The longest unit at `i` (see `UnitTable`).
    func unit(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UnitEntry? {
        // `unitFirsts` holds the Basic Multilingual Plane only: look up any character beyond it (> U+FFFF).
        guard i < b.count, unitFirsts.contains(b[i]) || b[i].value > 0xFFFF else { return nil }
        return units.longest(b, at: i)
    }

    /// True when the numeral character at `i` sits inside a word of `NonFigureTable.words`.
    func isInsideWord(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        let c = b[i]
        guard numeralsInWords.contains(c) else { return false }
        // NUL stands for "no neighbour" at either end of the text.
        let next: Unicode.Scalar = i + 1 < b.count ? b[i + 1] : "\0", prev: Unicode.Scalar = i > 0 ? b[i - 1] : "\0"
        return wordsAroundNumerals.matches(b, at: i, c, next: next, prev: prev)
    }

    @inline(__always) func isBlockedUnitWord(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        unitWordBlockerFirsts.contains(a) && unitWordBlockerPairs.contains(NonFigureTable.pair(a, b))
    }

    /// True when a duration word (连续, 为期, 共…) stands right before `i`.
    func hasDurationContext(_ b: UnsafeBufferPointer<Unicode.Scalar>, before i: Int) -> Bool {
        for w in durationContext where i >= w.count {
            var ok = true
            for (k, c) in w.enumerated() where b[i - w.count + k] != c { ok = false; break }
            if ok { return true }
        }
        return false
    }
}

/// The words of `NonFigureTable.byNumeral` by a numeral and one neighbour: a word that holds
/// the numeral at `k` is listed under (numeral, its next character) and under (its previous
/// character, numeral), so the text around a numeral picks out the few words that may stand
/// there (of the dozens that hold 一) before any is compared.
struct NumeralWords: Sendable {
    /// Tagged with the offset of their numeral.
    private let words: WordGroups
    /// Numerals that are a word by themselves.
    private let singles: ScalarSet

    init(_ byNumeral: [Unicode.Scalar: [([Unicode.Scalar], Int)]]) {
        var lists: [UInt64: [([Unicode.Scalar], Int)]] = [:]
        var singles: [Unicode.Scalar] = []
        for (c, list) in byNumeral.sorted(by: { $0.key < $1.key }) {
            for (w, k) in list {
                if w.count == 1 { singles.append(c) }
                if k + 1 < w.count { lists[NonFigureTable.pair(c, w[k + 1]), default: []].append((w, k)) }
                if k > 0 { lists[NonFigureTable.pair(w[k - 1], c), default: []].append((w, k)) }
            }
        }
        words = WordGroups(lists.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) })
        self.singles = ScalarSet(singles)
    }

    /// True when a word holding the numeral `c` at `i` stands around it (`NonFigureTable.matches`).
    @inline(__always)
    func matches(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, _ c: Unicode.Scalar,
                 next: Unicode.Scalar, prev: Unicode.Scalar) -> Bool {
        if singles.contains(c) { return true }
        return matches(group: NonFigureTable.pair(c, next), b, at: i)
            || matches(group: NonFigureTable.pair(prev, c), b, at: i)
    }

    private func matches(group key: UInt64, _ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        words.first(key, b, from: { k in i - Int(k) }, where: { _, _ in true }) != nil
    }
}

/// `UnitTable.byFirst` laid out flat for `UnitTable.longest`: the entries of a first
/// character, their surfaces compared in the table's order.
struct UnitIndex: Sendable {
    /// Surfaces under their first character, tagged with the entry's index in `units`.
    private let surfaces: WordGroups
    private let units: [UnitEntry]

    init(_ byFirst: [UInt32: [UnitEntry]]) {
        var lists: [(UInt64, [([Unicode.Scalar], Int)])] = [], units: [UnitEntry] = []
        for (first, list) in byFirst.sorted(by: { $0.key < $1.key }) {
            lists.append((UInt64(first), list.enumerated().map { ($1.surface, units.count + $0) }))
            units += list
        }
        surfaces = WordGroups(lists)
        self.units = units
    }

    /// `UnitTable.longest(byFirst[b[i]], b, at: i)`: the first entry, in the table's order,
    /// whose surface stands at `i` and does not run on into an ASCII word.
    func longest(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UnitEntry? {
        let n = b.count
        let unit = surfaces.first(UInt64(b[i].value), b, from: { _ in i }) { _, end in
            !(end > i && b[end - 1].isASCIILetterOrDigit && end < n && b[end].isASCIILetterOrDigit)
        }
        return unit.map { units[Int($0)] }
    }
}

/// Words in groups under a key (a character or a pair of them), laid out flat for the hot
/// loops: a group found through a `PairMap` (no hashing), its words compared in one array
/// (no reference counting per comparison), in the order given. Each word carries a tag
/// (`NumeralWords`: where its numeral stands; `UnitIndex`: its entry).
struct WordGroups: @unchecked Sendable {
    private let groups: PairMap
    /// Group g is `entries[starts[g]..<starts[g + 1]]`: a word in `scalars` (start, length)
    /// and its tag.
    private let starts: UnsafeMutablePointer<Int32>
    private let entries: UnsafeMutablePointer<(start: Int32, length: Int32, tag: Int32)>
    private let scalars: UnsafeMutablePointer<Unicode.Scalar>

    /// `lists`: the groups under their keys (distinct, not 0), each with its words (and their
    /// tags) in order.
    init(_ lists: [(UInt64, [([Unicode.Scalar], Int)])]) {
        var map: [UInt64: Int32] = [:], flat: [Unicode.Scalar] = [], starts: [Int32] = [0]
        var entries: [(start: Int32, length: Int32, tag: Int32)] = []
        for (key, words) in lists {
            map[key] = Int32(starts.count - 1)
            for (w, tag) in words {
                entries.append((Int32(flat.count), Int32(w.count), Int32(tag)))
                flat += w
            }
            starts.append(Int32(entries.count))
        }
        groups = PairMap(map)
        self.starts = .allocate(capacity: starts.count)
        self.starts.initialize(from: starts, count: starts.count)
        self.entries = .allocate(capacity: max(1, entries.count))
        self.entries.initialize(from: entries, count: entries.count)
        scalars = .allocate(capacity: max(1, flat.count))
        scalars.initialize(from: flat, count: flat.count)
    }

    /// The tag of the first word of group `key`, in order, that stands in `b` from
    /// `start(tag)` and that `accept(tag, end)` takes (`end`: where the word ends in `b`);
    /// nil if none.
    @inline(__always)
    func first(_ key: UInt64, _ b: UnsafeBufferPointer<Unicode.Scalar>, from start: (Int32) -> Int,
               where accept: (_ tag: Int32, _ end: Int) -> Bool) -> Int32? {
        let g = Int(groups.value(key))
        guard g >= 0 else { return nil }
        var e = Int(starts[g])
        let last = Int(starts[g + 1])
        outer: while e < last {
            let (at, length, tag) = entries[e]
            e += 1
            let s = start(tag), len = Int(length)
            guard s >= 0, s + len <= b.count else { continue }
            var m = 0
            while m < len {
                if b[s + m] != scalars[Int(at) + m] { continue outer }
                m += 1
            }
            if accept(tag, s + len) { return tag }
        }
        return nil
    }
}
