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

    /// Row indices of the keys of a sentence of `n` positions (see `Sentence.rows`), from
    /// the task's templates.
    public func rows<F: SequenceFeatures>(_ features: F, text: UnsafeBufferPointer<Unicode.Scalar>,
                                          marks: UnsafeBufferPointer<UInt64>, positions n: Int) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: (n + 2 * pad) * slots + 1) { r, count in
            layout.withSink(rows: r.baseAddress!, absent: -1) {
                features.keys(text, marks: marks, range: 0 ..< n, pad: pad, into: &$0)
            }
            count = (n + 2 * pad) * slots
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
        var e = [Int32](repeating: 0, count: n * t)
        w.withUnsafeBufferPointer { wb in
            forEachFeature(s) { base, i in
                for j in 0 ..< t { e[i * t + j] &+= wb[base + j] }
            }
        }
        var back = [UInt8](repeating: 0, count: n * t), tags = [UInt8](repeating: 0, count: n)
        let path = PathScores(tagSet: tagSet, transitions: trans, firsts: first, lasts: last)
        e.withUnsafeBufferPointer { eb in
            back.withUnsafeMutableBufferPointer { b in
                tags.withUnsafeMutableBufferPointer { tb in
                    path.viterbi(eb.baseAddress!, stride: t, positions: n, back: b.baseAddress!, tags: tb.baseAddress!)
                }
            }
        }
        return tags
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

    /// The averaged weights before rounding: emission weights, transitions, first and last scores.
    public struct Average {
        public var weights: [Double], transitions: [Double], firsts: [Double], lasts: [Double]

        /// The element-wise sum of two averages (an ensemble of trainers, averaged once more).
        public static func + (a: Average, b: Average) -> Average {
            Average(weights: zip(a.weights, b.weights).map(+), transitions: zip(a.transitions, b.transitions).map(+),
                    firsts: zip(a.firsts, b.firsts).map(+), lasts: zip(a.lasts, b.lasts).map(+))
        }
    }

    public func average() -> Average {
        let c = Double(clock)
        func avg(_ w: [Int32], _ u: [Int64]) -> [Double] { w.indices.map { Double(w[$0]) - Double(u[$0]) / c } }
        return Average(weights: avg(w, u), transitions: avg(trans, transU), firsts: avg(first, firstU),
                       lasts: avg(last, lastU))
    }

    /// The averaged weights, scaled so that the largest weight is 127 and rounded to 8 bits
    /// (transition scores in the same units, in 32 bits).
    public func averaged() -> LinearModel { model(average()) }

    /// A model from averaged weights (of this trainer, or a sum of several trainers').
    public func model(_ a: Average) -> LinearModel {
        let maxAbs = a.weights.reduce(0) { max($0, abs($1)) }
        let scale = maxAbs > 0 ? 127 / maxAbs : 1
        func q32(_ v: Double) -> Int32 { Int32(clamping: Int64((v * scale).rounded())) }
        return LinearModel(tagCount: tagSet.count, signature: signature, groups: groups,
                           weights: a.weights.map { Int8(($0 * scale).rounded()) },
                           transitions: a.transitions.map(q32), firsts: a.firsts.map(q32), lasts: a.lasts.map(q32))
    }

    /// Weights that training has moved (for reports of how full the tables are).
    public var usedWeights: Int { zip(w, u).reduce(0) { $0 + ($1.0 != 0 || $1.1 != 0 ? 1 : 0) } }
}
