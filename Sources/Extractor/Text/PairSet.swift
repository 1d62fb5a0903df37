/// A set of character pairs as the tables key them (first << 32 | second), asked on hot
/// paths: an open-addressed table, at most a quarter full, probed from a multiplicative
/// hash. One or two loads a lookup, where `Set<UInt64>` runs the whole of SipHash.
///
/// Like `ScalarSet`, the table is allocated once and never freed or mutated after `init`
/// (sets are static tables), so it is read through a raw pointer.
struct PairSet: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int
    /// The pairs, in no particular order.
    let pairs: [UInt64]

    /// The empty slot: no pair of characters is two NULs.
    @inline(__always) private static var empty: UInt64 { 0 }

    init<S: Sequence>(_ pairs: S) where S.Element == UInt64 {
        let distinct = Array(Set(pairs)).filter { $0 != PairSet.empty }
        var size = 16
        while size < 4 * distinct.count { size *= 2 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: PairSet.empty, count: size)
        mask = size - 1
        self.pairs = distinct
        for p in distinct {
            var k = PairSet.slot(p, mask)
            while slots[k] != PairSet.empty { k = (k + 1) & mask }
            slots[k] = p
        }
    }

    /// Where the probe for `p` starts: the high bits of a multiplicative hash.
    @inline(__always) private static func slot(_ p: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (p &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always) func contains(_ p: UInt64) -> Bool {
        var k = PairSet.slot(p, mask)
        while true {
            let s = slots[k]
            if s == p { return p != PairSet.empty }
            if s == PairSet.empty { return false }
            k = (k &+ 1) & mask
        }
    }
}
