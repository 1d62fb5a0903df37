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
/// there (of the dozens that hold 一) before any is compared. Words are kept flat: no
/// reference counting per comparison.
struct NumeralWords: @unchecked Sendable {
    private let groups: PairMap
    /// Group g is `entries[starts[g]..<starts[g + 1]]`; an entry is a word in `scalars`
    /// (start, length) and the offset of its numeral.
    private let starts: UnsafeMutablePointer<Int32>
    private let entries: UnsafeMutablePointer<(start: Int32, length: Int32, k: Int32)>
    private let scalars: UnsafeMutablePointer<Unicode.Scalar>
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
        var map: [UInt64: Int32] = [:], flat: [Unicode.Scalar] = [], starts: [Int32] = [0]
        var entries: [(start: Int32, length: Int32, k: Int32)] = []
        for (key, list) in lists.sorted(by: { $0.key < $1.key }) {
            map[key] = Int32(starts.count - 1)
            for (w, k) in list {
                entries.append((Int32(flat.count), Int32(w.count), Int32(k)))
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
        self.singles = ScalarSet(singles)
    }

    /// True when a word holding the numeral `c` at `i` stands around it (`NonFigureTable.matches`).
    @inline(__always)
    func matches(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, _ c: Unicode.Scalar,
                 next: Unicode.Scalar, prev: Unicode.Scalar) -> Bool {
        if singles.contains(c) { return true }
        return matches(group: groups.value(NonFigureTable.pair(c, next)), b, at: i)
            || matches(group: groups.value(NonFigureTable.pair(prev, c)), b, at: i)
    }

    private func matches(group g: Int32, _ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        guard g >= 0 else { return false }
        var e = Int(starts[Int(g)])
        let end = Int(starts[Int(g) + 1])
        outer: while e < end {
            let (start, length, k) = entries[e]
            e += 1
            let s = i - Int(k)
            guard s >= 0, s + Int(length) <= b.count else { continue }
            var m = 0
            while m < Int(length) {
                if b[s + m] != scalars[Int(start) + m] { continue outer }
                m += 1
            }
            return true
        }
        return false
    }
}

/// `UnitTable.byFirst` laid out flat for `UnitTable.longest`: the entries of a first
/// character found through a `PairMap` (no hashing), their surfaces compared in one array
/// (no reference counting per comparison), in the table's order.
struct UnitIndex: @unchecked Sendable {
    private let groups: PairMap
    /// Group g is `entries[starts[g]..<starts[g + 1]]`: a surface in `scalars` (start,
    /// length) and the entry's index in `units`.
    private let starts: UnsafeMutablePointer<Int32>
    private let entries: UnsafeMutablePointer<(start: Int32, length: Int32, unit: Int32)>
    private let scalars: UnsafeMutablePointer<Unicode.Scalar>
    private let units: [UnitEntry]

    init(_ byFirst: [UInt32: [UnitEntry]]) {
        var map: [UInt64: Int32] = [:], flat: [Unicode.Scalar] = [], starts: [Int32] = [0]
        var entries: [(start: Int32, length: Int32, unit: Int32)] = [], units: [UnitEntry] = []
        for (first, list) in byFirst.sorted(by: { $0.key < $1.key }) {
            map[UInt64(first)] = Int32(starts.count - 1)
            for e in list {
                entries.append((Int32(flat.count), Int32(e.surface.count), Int32(units.count)))
                flat += e.surface
                units.append(e)
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
        self.units = units
    }

    /// `UnitTable.longest(byFirst[b[i]], b, at: i)`: the first entry, in the table's order,
    /// whose surface stands at `i` and does not run on into an ASCII word.
    func longest(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UnitEntry? {
        let g = Int(groups.value(UInt64(b[i].value)))
        guard g >= 0 else { return nil }
        let n = b.count
        var e = Int(starts[g])
        let end = Int(starts[g + 1])
        outer: while e < end {
            let (start, length, unit) = entries[e]
            e += 1
            let len = Int(length)
            guard i + len <= n else { continue }
            var k = 0
            while k < len {
                if b[i + k] != scalars[Int(start) + k] { continue outer }
                k += 1
            }
            if len > 0, scalars[Int(start) + len - 1].isASCIILetterOrDigit, i + len < n,
               b[i + len].isASCIILetterOrDigit {
                continue
            }
            return units[Int(unit)]
        }
        return nil
    }
}
