/// The linear model of the labeller: for each template group a table of 16-bit
/// weights (2^bits rows; a row holds `reach.count × tagCount` weights), and the
/// scores of tag transitions. A character's score for a tag is the sum of the
/// rows its groups' keys pick; Viterbi adds the transitions.
///
/// Weights are the averaged perceptron's, scaled to 16 bits, which keeps the
/// tables small enough to stay in cache and the shipped file ≤ 10 MB.
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
    public let weights: [Int16]
    /// `transitions[from * tagCount + to]`, and the scores of the first and last tag.
    public let transitions: [Int32]
    public let firsts: [Int32]
    public let lasts: [Int32]
    /// Flattened group layout for the inner loop: per key slot of a position, the
    /// group's table start, its bucket shift, its reach (start and count in `reaches`).
    let slotStart: [Int], slotShift: [UInt64], slotReach: [Int], slotReachCount: [Int], reaches: [Int]
    /// The weights and eight zeros after them (see `emissions`).
    let table: [Int16]
    /// For a position: every (key slot relative to its own keys, weight offset) whose row reaches it.
    let gather: [(slot: Int, offset: Int)]

    public init(tagCount: Int, signature: String, groups: [Group], weights: [Int16],
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
        table = weights.isEmpty ? [] : weights + [Int16](repeating: 0, count: 8)
        // A key at j reaches j + d, so position i reads the key at i - d: key slot s of the
        // position d earlier is (−d × slots + s) slots away.
        let slots = slotStart.count
        var gather: [(slot: Int, offset: Int)] = []
        for s in 0 ..< slots {
            for r in 0 ..< slotReachCount[s] {
                gather.append((slot: -reaches[slotReach[s] + r] * slots + s, offset: r * tagCount))
            }
        }
        self.gather = gather
    }

    public static func == (a: LinearModel, b: LinearModel) -> Bool {
        a.tagCount == b.tagCount && a.signature == b.signature && a.groups == b.groups && a.weights == b.weights
            && a.transitions == b.transitions && a.firsts == b.firsts && a.lasts == b.lasts
    }

    /// Number of weights the groups' tables hold.
    public static func weightCount(_ groups: [Group], tags: Int) -> Int {
        groups.reduce(0) { $0 + (1 << $1.bits) * $1.reach.count * tags }
    }

    /// The weight index of (key slot, hash, reach index r, tag 0) — shared with the trainer.
    @inline(__always) func index(slot: Int, hash: UInt64, r: Int) -> Int {
        slotStart[slot] + (Int(truncatingIfNeeded: hash >> slotShift[slot]) * slotReachCount[slot] + r) * tagCount
    }

    /// Emission scores `e[i * tagCount + t]` for `n` positions, from the keys of the key
    /// positions `-pad ..< n + pad` (see `SequenceFeatures.keys`). First every key becomes
    /// the index of its row (`rows`, -1 for none), then each position adds up the rows that
    /// reach it, eight lanes at a time (a row of five tags is read with the three weights
    /// after it, which the padding at the end of the table keeps in bounds).
    public func emissions(_ keys: UnsafePointer<UInt64>, positions n: Int, pad: Int,
                          rows: UnsafeMutablePointer<Int32>, into e: UnsafeMutablePointer<Int32>) {
        let t = tagCount, slots = slotStart.count, keyCount = (n + 2 * pad) * slots
        slotStart.withUnsafeBufferPointer { starts in
        slotShift.withUnsafeBufferPointer { shifts in
        slotReachCount.withUnsafeBufferPointer { counts in
            var k = 0
            while k < keyCount {
                for s in 0 ..< slots {
                    let h = keys[k + s]
                    rows[k + s] = h == FeatureHash.absent ? -1
                        : Int32(truncatingIfNeeded: starts[s] + Int(truncatingIfNeeded: h >> shifts[s]) * counts[s] * t)
                }
                k += slots
            }
        }
        }
        }
        table.withUnsafeBufferPointer { wb in
        gather.withUnsafeBufferPointer { gb in
            let w = UnsafeRawPointer(wb.baseAddress!), g = gb.baseAddress!, pairs = gb.count
            for i in 0 ..< n {
                var acc = SIMD8<Int32>(repeating: 0)
                // Each pair: (key slot offset from position i's first key, weight offset of its reach).
                let base = rows + (i + pad) * slots
                var p = 0
                while p < pairs {
                    let row = base[g[p].slot]
                    if row >= 0 {
                        let v = w.loadUnaligned(fromByteOffset: 2 * (Int(row) + g[p].offset), as: SIMD8<Int16>.self)
                        acc &+= SIMD8<Int32>(truncatingIfNeeded: v)
                    }
                    p += 1
                }
                let o = e + i * t
                for x in 0 ..< t { o[x] = acc[x] }
            }
        }
        }
    }
}

/// Transition, first and last scores widened to 64 bits, and for each tag the tags
/// that may come before it: Viterbi never considers a transition the tag set forbids.
@_spi(Training) public struct PathScores: Sendable {
    public static let forbidden: Int64 = -(1 << 50)
    let count: Int
    let transitions: [Int64]
    let firsts: [Int64]
    let lasts: [Int64]
    /// `predecessors[to * count ..< to * count + predecessorCount[to]]`: the allowed previous tags.
    let predecessors: [Int]
    let predecessorCount: [Int]

    public init(tagSet: TagSet, transitions: [Int32], firsts: [Int32], lasts: [Int32]) {
        let t = tagSet.count
        count = t
        self.transitions = (0 ..< t * t).map { tagSet.allowed[$0] ? Int64(transitions[$0]) : PathScores.forbidden }
        self.firsts = (0 ..< t).map { tagSet.allowedFirst[$0] ? Int64(firsts[$0]) : PathScores.forbidden }
        self.lasts = (0 ..< t).map { tagSet.allowedLast[$0] ? Int64(lasts[$0]) : PathScores.forbidden }
        var preds = [Int](repeating: 0, count: t * t), counts = [Int](repeating: 0, count: t)
        for to in 0 ..< t {
            for from in 0 ..< t where tagSet.allows(from, to) { preds[to * t + counts[to]] = from; counts[to] += 1 }
        }
        predecessors = preds
        predecessorCount = counts
    }

    /// The best tag sequence for `scratch.emissions[0 ..< n * count]`, into `scratch.tags`.
    /// Ties go to the first allowed predecessor, so decoding is deterministic.
    public func viterbi(positions n: Int, scratch: inout SequenceScratch) {
        guard n > 0 else { return }
        let t = count
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: 2 * t) { rows in
            var prev = rows.baseAddress!, cur = prev + t
            transitions.withUnsafeBufferPointer { tr in
            predecessors.withUnsafeBufferPointer { pred in
            predecessorCount.withUnsafeBufferPointer { predCount in
            scratch.emissions.withUnsafeBufferPointer { eb in
            scratch.back.withUnsafeMutableBufferPointer { bb in
            scratch.tags.withUnsafeMutableBufferPointer { out in
                let e = eb.baseAddress!, back = bb.baseAddress!
                for j in 0 ..< t { prev[j] = firsts[j] + Int64(e[j]) }
                var i = 1
                while i < n {
                    let ei = e + i * t, bi = back + i * t
                    for j in 0 ..< t {
                        let p = pred.baseAddress! + j * t, pc = predCount[j]
                        var arg = pc > 0 ? p[0] : 0
                        var best = pc > 0 ? prev[arg] + tr[arg * t + j] : PathScores.forbidden * 4
                        var q = 1
                        while q < pc {
                            let f = p[q]
                            let s = prev[f] + tr[f * t + j]
                            if s > best { best = s; arg = f }
                            q += 1
                        }
                        cur[j] = best + Int64(ei[j])
                        bi[j] = UInt8(truncatingIfNeeded: arg)
                    }
                    swap(&prev, &cur)
                    i += 1
                }
                var best = prev[0] + lasts[0], arg = 0
                for j in 1 ..< t where prev[j] + lasts[j] > best { best = prev[j] + lasts[j]; arg = j }
                var k = n - 1
                out[k] = UInt8(truncatingIfNeeded: arg)
                while k > 0 {
                    out[k - 1] = back[k * t + Int(out[k])]
                    k -= 1
                }
            }
            }
            }
            }
            }
            }
        }
    }
}
