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
    let unitsByFirst = UnitTable.byFirst
    let unitFirsts = UnitTable.firstCharacters
    // Words that are not figures
    let numeralsInWords = NonFigureTable.numeralsInWords
    let neighbourPairs = PairSet(NonFigureTable.neighbourPairs)
    let wordLists = NonFigureTable.wordLists
    let wordListIndex = NonFigureTable.wordListIndex
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
        guard i < b.count, unitFirsts.contains(b[i]) || b[i].value > 0xFFFF, let list = unitsByFirst[b[i].value] else {
            return nil
        }
        return UnitTable.longest(list, b, at: i)
    }

    /// True when the numeral character at `i` sits inside a word of `NonFigureTable.words`.
    func isInsideWord(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        let c = b[i]
        guard numeralsInWords.contains(c) else { return false }
        // NUL stands for "no neighbour" at either end of the text.
        let next: Unicode.Scalar = i + 1 < b.count ? b[i + 1] : "\0", prev: Unicode.Scalar = i > 0 ? b[i - 1] : "\0"
        guard neighbourPairs.contains(NonFigureTable.pair(c, next))
            || neighbourPairs.contains(NonFigureTable.pair(prev, c)) else { return false }
        return NonFigureTable.matches(wordLists[Int(wordListIndex[Int(c.value)])], b, at: i)
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
