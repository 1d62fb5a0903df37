import Foundation
import Normalizer

/// How a claim figure is held against the source figures: the verdict, the similarity of
/// their contexts, and whether their intervals meet.
extension Verifier {
    // MARK: - Judging

    func judge(_ c: Figure, in pool: Pool, contradictFloor: Double, include: (Int) -> Bool = { _ in true },
               mayContradict: (Figure) -> Bool = { _ in true }) -> Finding {
        var scored: [(index: Int, score: Double, relation: Relation)] = []
        for k in pool.candidates(for: c) where include(k) {
            let s = pool.figures[k]
            scored.append((k, Self.similarity(c, s), Self.relation(c, s)))
        }
        // Best first; ties in source order, so that the output never depends on hashing.
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        let bestScore = scored.first?.score ?? 0
        // Supported: a source figure about the same thing agrees (not just any figure with the unit).
        if let agree = scored.first(where: {
            $0.relation == .agree && $0.score >= Self.supportFloor && $0.score >= bestScore - 0.3
        }) {
            let s = pool.figures[agree.index]
            return finding(c, .supported, s, "claim \(Self.describe(c)) agrees with \(Self.describe(s)) "
                           + "(context match \(Self.score(agree.score)))")
        }
        // Contradicted: the best match is clearly about the same thing and disagrees.
        if let b = scored.first, b.relation == .disagree, b.score >= contradictFloor,
           mayContradict(pool.figures[b.index]) {
            let s = pool.figures[b.index]
            return finding(c, .contradicted, s,
                           "claim \(Self.describe(c)) but the source says \(Self.describe(s)) "
                           + "(context match \(Self.score(b.score)))")
        }
        let why = pool.postings[c.family] == nil && pool.byValue[c.family] == nil
            ? "no source figure with a compatible unit"
            : "no source figure with a compatible unit is about the same thing"
        return finding(c, .unsupported, nil, why)
    }

    func finding(_ c: Figure, _ v: Verdict, _ s: Figure?, _ reason: String) -> Finding {
        Finding(claim: c.record, verdict: v, source: s?.record, reason: reason,
                claimSentence: c.sentenceText, sourceSentence: s?.sentenceText)
    }

    static func score(_ x: Double) -> String { String(format: "%.2f", x) }

    /// How alike two figures' contexts are, 0…~1.5.
    static func similarity(_ c: Figure, _ s: Figure) -> Double {
        func share(_ a: [UInt64], _ b: [UInt64]) -> Double {
            guard !a.isEmpty else { return 0 }
            var i = 0, j = 0, common = 0
            while i < a.count && j < b.count {
                if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
            }
            return Double(common) / Double(a.count)
        }
        var score = 0.5 * share(c.near, s.near) + 0.3 * share(c.near, s.sentenceWords)
            + 0.2 * share(c.sentenceWords, s.sentenceWords)
        // The counted object, written after one figure (4.5 万名志愿者) and maybe before the
        // other (志愿者 45018 名).
        let a = c.object, b = s.object
        if !a.isEmpty && a == b { score += 0.3 }
        else if (!a.isEmpty && Self.occurs(a, in: s.nearText)) || (!b.isEmpty && Self.occurs(b, in: c.nearText)) {
            score += 0.25
        }
        else if !a.isEmpty && !b.isEmpty && (Self.occurs(b, in: a) || Self.occurs(a, in: b)) { score += 0.15 }
        // Figures as of different dates, or in sentences about different years, are about
        // different things (2022 年 … 1.2 万亿元 / 2023 年 … 1.3 万亿元).
        if let x = c.record.asOf, let y = s.record.asOf { score += x == y ? 0.1 : -0.3 }
        else if !c.years.isEmpty && !s.years.isEmpty && c.years.isDisjoint(with: s.years) { score -= 0.8 }
        // The same verb or noun right before both figures (已完工 367 个 / 完工 367 个).
        if c.lead.count == 2 && Self.occurs(c.lead, in: s.nearText) { score += 0.15 }
        // The very same figure with three or more significant digits is rarely a coincidence.
        if let x = c.record.value, x == s.record.value, c.record.qualifier == s.record.qualifier {
            if x.mantissa.magnitude >= 100 { score += 0.25 }
            else if let n = x.intValue, n >= 10 { score += 0.15 }
        }
        // Figures of different organizations are about different things.
        if !c.organizations.isEmpty && !s.organizations.isEmpty {
            score += c.organizations.isDisjoint(with: s.organizations) ? -0.3 : 0.1
        }
        return score
    }

    /// True when the two intervals have a point in common. An open end agrees with anything
    /// on its side, so figures open on a side must also be of a size (within 2×): "over
    /// 60" does not vouch for "over 2700 万".
    ///
    /// Two figures open on the same side restate a bound (逾 2700 万 → 逾 3700 万): the
    /// claim may round its bound (超过 2700 万 for 逾 2734 万) or weaken it, but not raise it.
    enum Relation { case agree, disagree, unrelated }

    /// Agree, disagree, or unrelated: an open figure and a figure more than 2× away that it
    /// does not exclude (逾 2700 万 and 6000 万) say nothing about each other.
    static func relation(_ a: Figure, _ b: Figure) -> Relation {
        let open = a.low == nil || a.high == nil || b.low == nil || b.high == nil
        if a.high == nil, b.high == nil, let x = a.low, let y = b.low {
            return x <= y + a.step / 2 ? (max(x, y) > 2 * min(x, y) && x > 0 && y > 0 ? .unrelated : .agree) : .disagree
        }
        if a.low == nil, b.low == nil, let x = a.high, let y = b.high {
            return x >= y - a.step / 2 ? (max(x, y) > 2 * min(x, y) && x > 0 && y > 0 ? .unrelated : .agree) : .disagree
        }
        let logical = intersects(a, b)
        if open, let x = a.low ?? a.high, let y = b.low ?? b.high, x > 0, y > 0, max(x, y) > 2 * min(x, y) {
            return logical ? .unrelated : .disagree
        }
        return logical ? .agree : .disagree
    }

    /// True when the two intervals have a point in common (to 12 decimal places: 15 亩 is
    /// 1 公顷 although 10000/15 is not a finite decimal).
    static func intersects(_ a: Figure, _ b: Figure) -> Bool {
        // The greater of the lows and the lesser of the highs, with whether each end is closed.
        var lo: (Decimal, Bool)? = nil
        for (v, closed) in [(a.low, a.lowClosed), (b.low, b.lowClosed)] {
            guard let v else { continue }
            if let cur = lo { if v > cur.0 || (v == cur.0 && !closed) { lo = (v, closed) } } else { lo = (v, closed) }
        }
        var hi: (Decimal, Bool)? = nil
        for (v, closed) in [(a.high, a.highClosed), (b.high, b.highClosed)] {
            guard let v else { continue }
            if let cur = hi { if v < cur.0 || (v == cur.0 && !closed) { hi = (v, closed) } } else { hi = (v, closed) }
        }
        guard let l = lo, let h = hi else { return true }
        let (x, y) = (rounded(l.0), rounded(h.0))
        if x < y { return true }
        return x == y && l.1 && h.1
    }

    static func rounded(_ x: Decimal) -> Decimal {
        var v = x, r = Decimal()
        NSDecimalRound(&r, &v, 12, .plain)
        return r
    }

    /// The interval in words, in the figure's own unit: "45018 名 = [45017.5, 45018.5)",
    /// "2700 万人次 or more".
    static func describe(_ f: Figure) -> String {
        let unit = f.record.unit ?? ""
        let value = f.record.value?.description ?? "?"
        func own(_ x: Decimal) -> String {
            var v = x / f.factor, r = Decimal()
            NSDecimalRound(&r, &v, 6, .plain)
            return r.description
        }
        switch (f.low, f.high) {
        case (nil, nil): return "any \(unit)"
        case (let l?, nil): return "\(own(l)) \(unit) or more (written \(f.record.text))"
        case (nil, let h?): return "\(own(h)) \(unit) or less (written \(f.record.text))"
        case (let l?, let h?):
            return "\(value) \(unit) = \(f.lowClosed ? "[" : "(")\(own(l)), \(own(h))\(f.highClosed ? "]" : ")")"
        }
    }
}
