import Testing
@testable import Extractor

/// `PairSet` answers exactly as the `Set<UInt64>` it stands for.
@Suite struct PairSetTests {
    @Test func sameAnswersAsTheSet() {
        let tables = [NonFigureTable.neighbourPairs, ContextTable.unitWordBlockerPairs, TemporalTable.bigrams]
        var state: UInt64 = 3
        for table in tables {
            let pairs = PairSet(table)
            #expect(Set(pairs.pairs) == table)
            for p in table { #expect(pairs.contains(p)) }
            // Neighbours of members (same first character, next second one) and random pairs.
            for p in table {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                for q in [p &+ 1, p &- 1, p ^ (1 << 32), state, state & 0xFFFF_0000_FFFF, 0] {
                    #expect(pairs.contains(q) == table.contains(q))
                }
            }
        }
        #expect(!PairSet([]).contains(0) && !PairSet([]).contains(42))
    }

    /// `NumeralWords` (by numeral and neighbour) finds a word around a numeral exactly when
    /// `NonFigureTable.matches` over all the numeral's words does.
    @Test func numeralWordsAgreeWithTheWordLists() {
        let words = NonFigureTable.words.map { Array($0.unicodeScalars) }
        let characters = Array(Set(words.joined())) + Array("一二三十百千万零的了是在年月日".unicodeScalars)
        let index = NumeralWords(NonFigureTable.byNumeral)
        // Words and loose characters run together, so words overlap and break at the ends.
        let found = Self.positionsFound(seed: 11, pieces: 12, piece: { random in
            random.next() % 2 == 0 ? words[random.next() % words.count]
                : [characters[random.next() % characters.count]]
        }, check: { b, i in
            guard let list = NonFigureTable.byNumeral[b[i]] else { return false }
            let next: Unicode.Scalar = i + 1 < b.count ? b[i + 1] : "\0"
            let prev: Unicode.Scalar = i > 0 ? b[i - 1] : "\0"
            let expected = NonFigureTable.matches(list, b, at: i)
            #expect(index.matches(b, at: i, b[i], next: next, prev: prev) == expected)
            return expected
        })
        #expect(found > 1000)
    }

    /// `UnitIndex` finds the unit `UnitTable.longest` finds, at every position of texts made
    /// of unit surfaces, their prefixes and ASCII letters.
    @Test func unitIndexAgreesWithTheUnitTable() {
        let surfaces = UnitTable.byFirst.values.joined().map(\.surface)
        let pieces = surfaces + surfaces.map { Array($0.prefix(1)) } + [["a"], ["Z"], ["3"], ["的"]]
        let index = UnitIndex(UnitTable.byFirst)
        let found = Self.positionsFound(seed: 5, pieces: 10, piece: { random in
            pieces[random.next() % pieces.count]
        }, check: { b, i in
            let expected = UnitTable.byFirst[b[i].value].flatMap { UnitTable.longest($0, b, at: i) }
            #expect(index.longest(b, at: i) === expected)
            return expected != nil
        })
        #expect(found > 3000)
    }

    /// A linear congruential generator: the same numbers on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
    }

    /// How many positions `check` finds something at, over 3000 texts of up to `pieces - 1`
    /// pieces each, drawn by `piece`, with one generator started at `seed`; `check` runs at
    /// every position of every text.
    static func positionsFound(seed: UInt64, pieces: Int, piece: (inout Random) -> [Unicode.Scalar],
                               check: (UnsafeBufferPointer<Unicode.Scalar>, Int) -> Bool) -> Int {
        var random = Random(state: seed)
        var found = 0
        for _ in 0..<3000 {
            var text: [Unicode.Scalar] = []
            for _ in 0..<(random.next() % pieces) { text += piece(&random) }
            text.withUnsafeBufferPointer { b in
                for i in b.indices where check(b, i) { found += 1 }
            }
        }
        return found
    }
}
