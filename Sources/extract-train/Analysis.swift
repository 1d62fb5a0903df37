@_spi(Training) import Extractor

/// How far the rules can be trusted beside the model, counted on the msra tuning
/// slice: for each rule span, whether the model proposes the same span, a different
/// overlapping one, or nothing there, and which of them is the gold name.
enum Analysis {
    struct Tally {
        var agree = 0, agreeRight = 0
        var overlap = 0, overlapRuleRight = 0, overlapModelRight = 0
        var alone = 0, aloneRight = 0
    }

    /// Rule spans the model did not choose, by how much its best path would lose to take
    /// them, and how often they are right (and how often the overlapping model span is).
    static func margins(_ sentences: [AnnotatedSentence], model: OrganizationModel) -> String {
        let edges: [Int64] = [0, 50, 100, 200, 300, 400, 600, 800, 1200, 1600, 2400, Int64.max]
        var count = [Int](repeating: 0, count: edges.count), right = count, modelRight = count, crossing = 0
        for s in sentences {
            let rules = s.rules.map { (start: $0.start, end: $0.end) }
            let (m, margins) = model.decode(in: s.source, marks: s.marks, rules: rules)
            let gold = Set(s.cleanedGold), ms = m.map { Span(start: $0.start, end: $0.end) }
            for (r, margin) in zip(s.rules, margins) where margin != 0 {
                if margin == Int64.max { crossing += 1; continue }
                let b = edges.firstIndex { margin <= $0 } ?? edges.count - 1
                count[b] += 1
                if gold.contains(r) { right[b] += 1 }
                if ms.contains(where: { $0.overlaps(r) && gold.contains($0) }) { modelRight[b] += 1 }
            }
        }
        var out = "rule spans the model did not choose, by margin (\(crossing) cross a sentence end):\n"
        for (k, e) in edges.enumerated() where count[k] > 0 {
            out += "  ≤ \(e == Int64.max ? "∞" : String(e)): \(count[k]) spans, rule right \(right[k]), "
                + "overlapping model span right \(modelRight[k])\n"
        }
        return out
    }

    static func rules(_ sentences: [AnnotatedSentence], model: OrganizationModel) -> String {
        var byKey: [String: Tally] = [:]
        for s in sentences {
            let m = Set(model.modelSpans(in: s.source, marks: s.marks).map { Span(start: $0.start, end: $0.end) })
            let gold = Set(s.cleanedGold)
            for r in s.rules {
                let mark = s.marks[r.start]
                let category = OrganizationMarks.ruleCategoryName(mark)
                let known = OrganizationMarks.isKnown(mark) ? "known" : "head"
                let length = r.end - r.start <= 3 ? "≤3" : r.end - r.start <= 6 ? "4-6" : "7+"
                for key in ["all", "category \(category)", "\(known)", "length \(length)", "\(known) \(category)"] {
                    var t = byKey[key, default: Tally()]
                    if m.contains(r) {
                        t.agree += 1; if gold.contains(r) { t.agreeRight += 1 }
                    } else if let o = m.first(where: { $0.overlaps(r) }) {
                        t.overlap += 1
                        if gold.contains(r) { t.overlapRuleRight += 1 }
                        if gold.contains(o) { t.overlapModelRight += 1 }
                    } else {
                        t.alone += 1; if gold.contains(r) { t.aloneRight += 1 }
                    }
                    byKey[key] = t
                }
            }
        }
        var out = margins(sentences, model: model)
        out += "rule spans on the tuning slice (\(sentences.count) sentences)\n"
        out += "key                          agree (right)   overlap (rule right / model right)   alone (right)\n"
        for (k, t) in byKey.sorted(by: { $0.key < $1.key }) {
            out += k.padding(toLength: 28, withPad: " ", startingAt: 0)
            out += " \(t.agree) (\(t.agreeRight))".padding(toLength: 16, withPad: " ", startingAt: 0)
            let overlap = " \(t.overlap) (\(t.overlapRuleRight) / \(t.overlapModelRight))"
            out += overlap.padding(toLength: 37, withPad: " ", startingAt: 0)
            out += " \(t.alone) (\(t.aloneRight))\n"
        }
        return out
    }
}
