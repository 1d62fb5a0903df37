/// The linear model of the labeller: for each template group a table of 8-bit
/// weights (2^bits rows; a row holds `reach.count × tagCount` weights), and the
/// scores of tag transitions. A character's score for a tag is the sum of the
/// rows its groups' keys pick; Viterbi adds the transitions.
///
/// Weights are the averaged perceptron's scaled to -127…127: measured on the
/// People's Daily dev set and the held-out slice, 8 bits score the same as 16
/// (F1 0.868 against 0.867), and half the bytes keep the tables in cache.
@_spi(Training) public struct LinearModel: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let reach: [Int]
        public let keys: Int
        public let bits: Int

        public init(reach: [Int], keys: Int, bits: Int) { self.reach = reach; self.keys = keys; self.bits = bits }
    }

    public let tagCount: Int
    /// The templates this model was trained with (see `SequenceFeatures.signature`).
    public let signature: String
    public let groups: [Group]
    /// The groups' tables one after the other: `weights[start(g) + (row * reach.count + r) * tagCount + tag]`.
    public let weights: [Int8]
    /// `transitions[from * tagCount + to]`, and the scores of the first and last tag.
    public let transitions: [Int32]
    public let firsts: [Int32]
    public let lasts: [Int32]
    /// Flattened group layout for the inner loop: per key slot of a position, the
    /// group's table start, its bucket shift, its reach (start and count in `reaches`).
    let slotStart: [Int], slotShift: [UInt64], slotReach: [Int], slotReachCount: [Int], reaches: [Int]
    /// Weights a row of each slot's table (reach count × tag count).
    let slotWidth: [Int]
    /// The weights and 64 zeros after them (see `emissions`).
    let table: [Int8]
    /// A row of zeros (in the padding): where keys that are absent point.
    let zeroRow: Int32
    /// For a position: every key slot (relative to the position's own keys) whose row
    /// reaches it, and the offset of that reach in the row.
    let pairSlot: [Int], pairOffset: [Int]
    public init(tagCount: Int, signature: String, groups: [Group], weights: [Int8],
                transitions: [Int32], firsts: [Int32], lasts: [Int32]) {
        self.tagCount = tagCount
        self.signature = signature
        self.groups = groups
        self.weights = weights
        self.transitions = transitions
        self.firsts = firsts
        self.lasts = lasts
        var slotStart: [Int] = [], slotShift: [UInt64] = [], slotReach: [Int] = [], slotReachCount: [Int] = []
        var reaches: [Int] = []
        var start = 0
        for g in groups {
            for _ in 0 ..< g.keys {
                slotStart.append(start); slotShift.append(UInt64(64 - g.bits))
                slotReach.append(reaches.count); slotReachCount.append(g.reach.count)
            }
            reaches += g.reach
            start += (1 << g.bits) * g.reach.count * tagCount
        }
        self.slotStart = slotStart; self.slotShift = slotShift; self.slotReach = slotReach
        self.slotReachCount = slotReachCount; self.reaches = reaches
        slotWidth = slotReachCount.map { $0 * tagCount }
        table = weights + [Int8](repeating: 0, count: 64)
        zeroRow = Int32(weights.count)
        // A key at j reaches j + d, so position i reads the key at i - d: key slot s of the
        // position d earlier is (−d × slots + s) slots away.
        let slots = slotStart.count
        var pairSlot: [Int] = [], pairOffset: [Int] = []
        for s in 0 ..< slots {
            for r in 0 ..< slotReachCount[s] {
                pairSlot.append(-reaches[slotReach[s] + r] * slots + s)
                pairOffset.append(r * tagCount)
            }
        }
        self.pairSlot = pairSlot
        self.pairOffset = pairOffset
    }

    public static func == (a: LinearModel, b: LinearModel) -> Bool {
        a.tagCount == b.tagCount && a.signature == b.signature && a.groups == b.groups && a.weights == b.weights
            && a.transitions == b.transitions && a.firsts == b.firsts && a.lasts == b.lasts
    }

    /// Number of weights the groups' tables hold.
    public static func weightCount(_ groups: [Group], tags: Int) -> Int {
        groups.reduce(0) { $0 + (1 << $1.bits) * $1.reach.count * tags }
    }

    /// Emission scores for `n` positions, eight 16-bit lanes a position (`e[i * 8 + tag]`),
    /// from the row indices of the keys of key positions `-pad ..< n + pad` (see `KeySink`):
    /// each position adds up the rows that reach it, eight lanes at a time. A row of five
    /// tags is read with the three weights after it (the padding at the end of the table
    /// keeps that in bounds) and lanes 5–7 are ignored. 16 bits cannot overflow: `Labeller`
    /// allows at most 256 rows of weights within ±127 to reach a position.
    public func emissions(rows: UnsafePointer<Int32>, positions n: Int, pad: Int, into e: UnsafeMutablePointer<Int16>) {
        let slots = slotStart.count
        table.withUnsafeBufferPointer { wb in
        pairSlot.withUnsafeBufferPointer { ps in
        pairOffset.withUnsafeBufferPointer { po in
            let w = UnsafeRawPointer(wb.baseAddress!), pairs = ps.count
            var out = UnsafeMutableRawPointer(e)
            // Four positions at a time: a pair's slot and offset are read once for all four
            // (the loads of the pair tables and the loop cost as much as the sums).
            var i = 0
            while i &+ 4 <= n {
                var a0 = SIMD8<Int16>(repeating: 0), a1 = a0, a2 = a0, a3 = a0
                let b0 = rows + (i &+ pad) &* slots
                let b1 = b0 + slots, b2 = b1 + slots, b3 = b2 + slots
                var p = 0
                while p < pairs {
                    let s = ps[p], o = po[p]
                    a0 &+= SIMD8<Int16>(truncatingIfNeeded: w.loadUnaligned(fromByteOffset: Int(b0[s]) &+ o,
                                                                             as: SIMD8<Int8>.self))
                    a1 &+= SIMD8<Int16>(truncatingIfNeeded: w.loadUnaligned(fromByteOffset: Int(b1[s]) &+ o,
                                                                             as: SIMD8<Int8>.self))
                    a2 &+= SIMD8<Int16>(truncatingIfNeeded: w.loadUnaligned(fromByteOffset: Int(b2[s]) &+ o,
                                                                             as: SIMD8<Int8>.self))
                    a3 &+= SIMD8<Int16>(truncatingIfNeeded: w.loadUnaligned(fromByteOffset: Int(b3[s]) &+ o,
                                                                             as: SIMD8<Int8>.self))
                    p &+= 1
                }
                out.storeBytes(of: a0, as: SIMD8<Int16>.self)
                out.storeBytes(of: a1, toByteOffset: 16, as: SIMD8<Int16>.self)
                out.storeBytes(of: a2, toByteOffset: 32, as: SIMD8<Int16>.self)
                out.storeBytes(of: a3, toByteOffset: 48, as: SIMD8<Int16>.self)
                out += 64
                i &+= 4
            }
            while i < n {
                var acc = SIMD8<Int16>(repeating: 0)
                let base = rows + (i &+ pad) &* slots
                var p = 0
                while p < pairs {
                    let v = w.loadUnaligned(fromByteOffset: Int(base[ps[p]]) &+ po[p], as: SIMD8<Int8>.self)
                    acc &+= SIMD8<Int16>(truncatingIfNeeded: v)
                    p &+= 1
                }
                out.storeBytes(of: acc, as: SIMD8<Int16>.self)
                out += 16
                i &+= 1
            }
        }
        }
        }
    }
}
