/// Averaged structured perceptron (Collins 2002), as CRFsuite's `ap` and HanLP's
/// `model/perceptron` train a linear tagger: decode each sentence with the
/// current weights, and where the best path differs from the gold one, add the
/// gold path's features and subtract the predicted path's.
///
/// Everything is integer arithmetic (weights move by whole steps, averages are
/// kept the lazy way: `average = w - u / c`), so the same sentences in the same
/// order give the same model bit for bit on any machine. A sentence's `step`
/// weights its updates (a corpus counted twice as much has step 2).
@_spi(Training) public struct PerceptronTrainer {
    public let tagSet: TagSet
    public let signature: String
    public let groups: [LinearModel.Group]
    let layout: LinearModel
    let pad: Int
    let slots: Int
    var w: [Int32]
    var u: [Int64]
    var trans: [Int32], transU: [Int64]
    var first: [Int32], firstU: [Int64]
    var last: [Int32], lastU: [Int64]
    /// Sentences seen plus one: the clock of the lazy average.
    var clock: Int64 = 1
    var scratch = SequenceScratch()

    /// A training sentence: for each key position (`-pad ..< n + pad`) and key slot, the
    /// index of the key's row in the weights (-1: no key); and the gold tags.
    public struct Sentence: Sendable {
        public var rows: [Int32]
        public var gold: [UInt8]
        public var step: Int32

        public init(rows: [Int32], gold: [UInt8], step: Int32 = 1) {
            self.rows = rows; self.gold = gold; self.step = step
        }
    }

    public init(tagSet: TagSet, signature: String, groups: [LinearModel.Group]) {
        self.tagSet = tagSet
        self.signature = signature
        self.groups = groups
        let t = tagSet.count, n = LinearModel.weightCount(groups, tags: t)
        layout = LinearModel(tagCount: t, signature: signature, groups: groups, weights: [],
                             transitions: [], firsts: [], lasts: [])
        pad = groups.flatMap(\.reach).map(abs).max() ?? 0
        slots = groups.reduce(0) { $0 + $1.keys }
        w = [Int32](repeating: 0, count: n)
        u = [Int64](repeating: 0, count: n)
        trans = [Int32](repeating: 0, count: t * t); transU = [Int64](repeating: 0, count: t * t)
        first = [Int32](repeating: 0, count: t); firstU = [Int64](repeating: 0, count: t)
        last = [Int32](repeating: 0, count: t); lastU = [Int64](repeating: 0, count: t)
    }

    /// Row indices of the keys of a sentence (see `Sentence.rows`).
    public func rows(_ keys: UnsafeBufferPointer<UInt64>) -> [Int32] {
        keys.enumerated().map { k, h in
            h == FeatureHash.absent ? -1 : Int32(layout.index(slot: k % slots, hash: h, r: 0))
        }
    }

    /// Calls `body(weight index of tag 0, position)` for every (key, reach) that scores a position.
    @inline(__always)
    func forEachFeature(_ s: Sentence, _ body: (Int, Int) -> Void) {
        let n = s.gold.count, t = tagSet.count
        for jj in 0 ..< n + 2 * pad {
            for k in 0 ..< slots {
                let row = Int(s.rows[jj * slots + k])
                if row < 0 { continue }
                let rs = layout.slotReach[k]
                for r in 0 ..< layout.slotReachCount[k] {
                    let i = jj - pad + layout.reaches[rs + r]
                    if i >= 0 && i < n { body(row + r * t, i) }
                }
            }
        }
    }

    /// The current (not averaged) best tags of a sentence.
    public mutating func predict(_ s: Sentence) -> [UInt8] {
        let n = s.gold.count
        guard n > 0 else { return [] }
        let t = tagSet.count
        scratch.reserve(positions: n, keys: 0, tags: t)
        var e = [Int32](repeating: 0, count: n * t)
        w.withUnsafeBufferPointer { wb in
            forEachFeature(s) { base, i in
                for j in 0 ..< t { e[i * t + j] &+= wb[base + j] }
            }
        }
        scratch.emissions.replaceSubrange(0 ..< n * t, with: e)
        PathScores(tagSet: tagSet, transitions: trans, firsts: first, lasts: last).viterbi(positions: n, scratch: &scratch)
        return Array(scratch.tags[0 ..< n])
    }

    /// One perceptron step on a sentence; true when the prediction was wrong (weights moved).
    @discardableResult
    public mutating func train(_ s: Sentence) -> Bool {
        defer { clock += 1 }
        let gold = s.gold, n = gold.count
        guard n > 0 else { return false }
        let pred = predict(s)
        guard pred != gold else { return false }
        let step = s.step, d = Int64(step) * clock, t = tagSet.count
        var w = self.w, u = self.u
        self.w = []; self.u = []            // keep the arrays uniquely referenced while updating
        forEachFeature(s) { base, i in
            guard pred[i] != gold[i] else { return }
            let g = base + Int(gold[i]), p = base + Int(pred[i])
            w[g] &+= step; u[g] &+= d
            w[p] &-= step; u[p] &-= d
        }
        self.w = w; self.u = u
        for i in 1 ..< max(n, 1) where pred[i - 1] != gold[i - 1] || pred[i] != gold[i] {
            let g = Int(gold[i - 1]) * t + Int(gold[i]), p = Int(pred[i - 1]) * t + Int(pred[i])
            trans[g] &+= step; transU[g] &+= d
            trans[p] &-= step; transU[p] &-= d
        }
        if pred[0] != gold[0] {
            first[Int(gold[0])] &+= step; firstU[Int(gold[0])] &+= d
            first[Int(pred[0])] &-= step; firstU[Int(pred[0])] &-= d
        }
        if pred[n - 1] != gold[n - 1] {
            last[Int(gold[n - 1])] &+= step; lastU[Int(gold[n - 1])] &+= d
            last[Int(pred[n - 1])] &-= step; lastU[Int(pred[n - 1])] &-= d
        }
        return true
    }

    /// The averaged weights, scaled so that the largest weight is 32767 and rounded to 16 bits.
    public func averaged() -> LinearModel {
        let c = Double(clock)
        @inline(__always) func avg(_ w: Int32, _ u: Int64) -> Double { Double(w) - Double(u) / c }
        var maxAbs = 0.0
        for k in w.indices { maxAbs = max(maxAbs, abs(avg(w[k], u[k]))) }
        let scale = maxAbs > 0 ? 32767.0 / maxAbs : 1
        func q16(_ k: Int) -> Int16 { Int16((avg(w[k], u[k]) * scale).rounded()) }
        func q32(_ w: Int32, _ u: Int64) -> Int32 { Int32(clamping: Int64((avg(w, u) * scale).rounded())) }
        return LinearModel(tagCount: tagSet.count, signature: signature, groups: groups,
                           weights: w.indices.map(q16),
                           transitions: trans.indices.map { q32(trans[$0], transU[$0]) },
                           firsts: first.indices.map { q32(first[$0], firstU[$0]) },
                           lasts: last.indices.map { q32(last[$0], lastU[$0]) })
    }

    /// Weights that training has moved (for reports of how full the tables are).
    public var usedWeights: Int { zip(w, u).reduce(0) { $0 + ($1.0 != 0 || $1.1 != 0 ? 1 : 0) } }
}
