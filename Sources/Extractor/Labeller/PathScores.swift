/// Viterbi decoding: transition, first and last scores widened to 64 bits, and
/// for each tag the tags that may come before it, so that the best path never
/// takes a transition the tag set forbids (an I after an O, a name left open).
///
/// Emission scores come as `stride` values a position (tag t of position i at
/// `e[i * stride + t]`): 16-bit lanes of eight from the labeller, 32-bit rows
/// from the trainer, whose weights are not yet scaled down.
@_spi(Training) public struct PathScores: Sendable {
    public static let forbidden: Int64 = -(1 << 50)
    let count: Int
    let transitions: [Int64]
    let firsts: [Int64]
    let lasts: [Int64]
    /// `predecessors[to * count ..< to * count + predecessorCount[to]]`: the allowed previous tags.
    let predecessors: [Int]
    let predecessorCount: [Int]
    /// Likewise the tags that may follow each tag.
    let successors: [Int]
    let successorCount: [Int]
    /// BIOES gets a loop of its own, with its 13 allowed transitions written out.
    let isBIOES: Bool

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
        var succs = [Int](repeating: 0, count: t * t), succCounts = [Int](repeating: 0, count: t)
        for from in 0 ..< t {
            for to in 0 ..< t where tagSet.allows(from, to) {
                succs[from * t + succCounts[from]] = to
                succCounts[from] += 1
            }
        }
        successors = succs
        successorCount = succCounts
        isBIOES = tagSet == .bioes
    }

    /// The best tags for `n` positions into `tags`; `back` holds `n * count` back-pointers.
    /// Ties go to the first allowed predecessor (and the lowest last tag): deterministic.
    public func viterbi<E: FixedWidthInteger>(_ e: UnsafePointer<E>, stride: Int, positions n: Int,
                                              back: UnsafeMutablePointer<UInt8>, tags: UnsafeMutablePointer<UInt8>) {
        guard n > 0 else { return }
        if isBIOES { return viterbiBIOES(e, stride: stride, positions: n, back: back, tags: tags) }
        viterbiGeneral(e, stride: stride, positions: n, back: back, tags: tags)
    }

    /// Viterbi for any tag set (`viterbi` uses it for all but BIOES).
    public func viterbiGeneral<E: FixedWidthInteger>(_ e: UnsafePointer<E>, stride: Int, positions n: Int,
                                                     back: UnsafeMutablePointer<UInt8>,
                                                     tags: UnsafeMutablePointer<UInt8>) {
        guard n > 0 else { return }
        let t = count
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: 2 * t) { rows in
            var prev = rows.baseAddress!, cur = prev + t
            transitions.withUnsafeBufferPointer { tr in
            predecessors.withUnsafeBufferPointer { pred in
            predecessorCount.withUnsafeBufferPointer { predCount in
                for j in 0 ..< t { prev[j] = firsts[j] + Int64(e[j]) }
                var i = 1
                while i < n {
                    let ei = e + i * stride, bi = back + i * t
                    for j in 0 ..< t {
                        let p = pred.baseAddress! + j * t, pc = predCount[j]
                        var arg = pc > 0 ? p[0] : 0
                        var best = pc > 0 ? prev[arg] + tr[arg * t + j] : PathScores.forbidden * 4
                        var q = 1
                        while q < pc {
                            let f = p[q], s = prev[f] + tr[f * t + j]
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
                backtrack(from: arg, positions: n, back: back, tags: tags)
            }
            }
            }
        }
    }

    @inline(__always)
    func backtrack(from last: Int, positions n: Int, back: UnsafeMutablePointer<UInt8>,
                   tags: UnsafeMutablePointer<UInt8>) {
        var k = n - 1
        tags[k] = UInt8(truncatingIfNeeded: last)
        while k > 0 {
            tags[k - 1] = back[k * count + Int(tags[k])]
            k -= 1
        }
    }

    /// Viterbi for BIOES (O 0, B 1, I 2, E 3, S 4): O, B and S follow O, E or S; I and E
    /// follow B or I. The same result as the general loop, with the scores in registers.
    func viterbiBIOES<E: FixedWidthInteger>(_ e: UnsafePointer<E>, stride: Int, positions n: Int,
                                            back: UnsafeMutablePointer<UInt8>, tags: UnsafeMutablePointer<UInt8>) {
        let tr = transitions
        let oo = tr[0], ob = tr[1], os = tr[4], bi = tr[7], be = tr[8], ii = tr[12], ie = tr[13]
        let eo = tr[15], eb = tr[16], es = tr[19], so = tr[20], sb = tr[21], ss = tr[24]
        var pO = firsts[0] + Int64(e[0]), pB = firsts[1] + Int64(e[1]), pI = firsts[2] + Int64(e[2])
        var pE = firsts[3] + Int64(e[3]), pS = firsts[4] + Int64(e[4])
        // The best of three predecessors O, E, S (first one on ties, as the general loop).
        @inline(__always) func best3(_ a: Int64, _ b: Int64, _ c: Int64) -> (Int64, UInt8) {
            var m = a, k: UInt8 = 0
            if b > m { m = b; k = 3 }
            if c > m { m = c; k = 4 }
            return (m, k)
        }
        var i = 1
        // The emissions and back-pointers of position i, moved along (no multiplication and
        // overflow check a position).
        var ei = e + stride, b = back + 5
        while i < n {
            let (mo, ko) = best3(pO &+ oo, pE &+ eo, pS &+ so)
            let (mb, kb) = best3(pO &+ ob, pE &+ eb, pS &+ sb)
            let (ms, ks) = best3(pO &+ os, pE &+ es, pS &+ ss)
            let fromBI = pB &+ bi, fromII = pI &+ ii, fromBE = pB &+ be, fromIE = pI &+ ie
            let mi = fromII > fromBI ? fromII : fromBI, me = fromIE > fromBE ? fromIE : fromBE
            b[0] = ko; b[1] = kb; b[2] = fromII > fromBI ? 2 : 1; b[3] = fromIE > fromBE ? 2 : 1; b[4] = ks
            pO = mo &+ Int64(ei[0]); pB = mb &+ Int64(ei[1]); pI = mi &+ Int64(ei[2])
            pE = me &+ Int64(ei[3]); pS = ms &+ Int64(ei[4])
            ei += stride; b += 5
            i &+= 1
        }
        var best = pO &+ lasts[0], arg = 0
        if pB &+ lasts[1] > best { best = pB &+ lasts[1]; arg = 1 }
        if pI &+ lasts[2] > best { best = pI &+ lasts[2]; arg = 2 }
        if pE &+ lasts[3] > best { best = pE &+ lasts[3]; arg = 3 }
        if pS &+ lasts[4] > best { arg = 4 }
        backtrack(from: arg, positions: n, back: back, tags: tags)
    }

    /// The score of the best path through the emissions whose tags over `span` are
    /// `forced` (one tag a position): how much the model would have to give up to accept
    /// a labelling it did not choose.
    public func bestScore<E: FixedWidthInteger>(_ e: UnsafePointer<E>, stride: Int, positions n: Int,
                                                forcing span: Range<Int>? = nil,
                                                tags forced: (Int) -> Int = { _ in 0 }) -> Int64 {
        guard n > 0 else { return 0 }
        let t = count
        var prev = [Int64](repeating: 0, count: t), cur = prev
        @inline(__always) func allowed(_ i: Int, _ tag: Int) -> Bool {
            guard let span, span.contains(i) else { return true }
            return forced(i) == tag
        }
        for j in 0 ..< t { prev[j] = allowed(0, j) ? firsts[j] + Int64(e[j]) : PathScores.forbidden * 4 }
        for i in 1 ..< max(n, 1) {
            for j in 0 ..< t {
                var best = PathScores.forbidden * 4
                if allowed(i, j) {
                    for q in 0 ..< predecessorCount[j] {
                        let f = predecessors[j * t + q]
                        best = max(best, prev[f] + transitions[f * t + j])
                    }
                    best += Int64(e[i * stride + j])
                }
                cur[j] = best
            }
            swap(&prev, &cur)
        }
        return (0 ..< t).map { prev[$0] + lasts[$0] }.max() ?? 0
    }

    /// For each span: how much lower the best path that marks it as one name (begin,
    /// inside…, end; or single) scores than the best path (≥ 0). One forward and one
    /// backward pass for all the spans of a sentence, then each span costs its length.
    public func margins<E: FixedWidthInteger>(_ e: UnsafePointer<E>, stride: Int, positions n: Int,
                                              spans: [Range<Int>], tagSet: TagSet) -> [Int64] {
        guard n > 0, !spans.isEmpty else { return [] }
        let t = count
        // forward[i * t + j]: best prefix ending in tag j at i; backward: best suffix after i given j at i.
        var forward = [Int64](repeating: 0, count: n * t), backward = forward
        for j in 0 ..< t { forward[j] = firsts[j] + Int64(e[j]) }
        for i in 1 ..< max(n, 1) {
            for j in 0 ..< t {
                var best = PathScores.forbidden * 4
                for q in 0 ..< predecessorCount[j] {
                    let f = predecessors[j * t + q]
                    best = max(best, forward[(i - 1) * t + f] + transitions[f * t + j])
                }
                forward[i * t + j] = best + Int64(e[i * stride + j])
            }
        }
        for j in 0 ..< t { backward[(n - 1) * t + j] = lasts[j] }
        var i = n - 2
        while i >= 0 {
            defer { i -= 1 }
            for j in 0 ..< t {
                var best = PathScores.forbidden * 4
                for q in 0 ..< successorCount[j] {
                    let k = successors[j * t + q]
                    best = max(best, transitions[j * t + k] + Int64(e[(i + 1) * stride + k])
                                     + backward[(i + 1) * t + k])
                }
                backward[i * t + j] = best
            }
        }
        let best = (0 ..< t).map { forward[(n - 1) * t + $0] + lasts[$0] }.max() ?? 0
        return spans.map { span in
            let a = span.lowerBound, last = span.upperBound - 1
            func tag(_ i: Int) -> Int {
                Int(span.count == 1 ? tagSet.single : i == a ? tagSet.begin : i == last ? tagSet.end : tagSet.inside)
            }
            var score: Int64
            if a == 0 {
                score = firsts[tag(a)]
            } else {
                score = PathScores.forbidden * 4
                for p in 0 ..< t { score = max(score, forward[(a - 1) * t + p] + transitions[p * t + tag(a)]) }
            }
            score += Int64(e[a * stride + tag(a)])
            for i in a + 1 ..< last + 1 {
                score += transitions[tag(i - 1) * t + tag(i)] + Int64(e[i * stride + tag(i)])
            }
            score += backward[last * t + tag(last)]
            return max(0, best - score)
        }
    }
}
