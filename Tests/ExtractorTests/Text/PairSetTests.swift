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
}
