import Foundation
@_spi(Training) import Extractor

/// Exact-span precision, recall and F1, counted as `../shared/eval/ner.py` counts
/// them: sets of (start, end) in code points of the original sentence.
struct Score {
    var tp = 0, pred = 0, gold = 0
    var p: Double { pred == 0 ? 0 : Double(tp) / Double(pred) }
    var r: Double { gold == 0 ? 0 : Double(tp) / Double(gold) }
    var f1: Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
    var line: String { String(format: "P %.3f  R %.3f  F1 %.3f  (gold %d, pred %d, tp %d)", p, r, f1, gold, pred, tp) }

    mutating func add(gold g: Set<Span>, pred p: Set<Span>) {
        gold += g.count; pred += p.count; tp += g.intersection(p).count
    }
}

/// A way of combining the model's spans with the rules' (cleaned offsets).
struct Combination: Sendable {
    let name: String
    let decide: @Sendable (_ model: [Span], _ rules: [Span], _ source: SourceText, _ marks: [UInt64]) -> [Span]

    static let rules = Combination(name: "rules alone") { _, r, _, _ in r }
    static let model = Combination(name: "model alone") { m, _, _, _ in m }
    /// The rules' names that overlap no model name are added.
    static let union = Combination(name: "union (model + rules where model has none)") { m, r, _, _ in
        (m + r.filter { x in !m.contains { $0.overlaps(x) } }).sorted()
    }
    /// Only names both propose, with the model's boundaries.
    static let intersection = Combination(name: "model confirmed by rules (overlap)") { m, r, _, _ in
        m.filter { x in r.contains { $0.overlaps(x) } }
    }
    /// The shipped decision (`OrganizationHybrid.decide`).
    static let shipped = Combination(name: "shipped hybrid (OrganizationHybrid)") { m, r, s, _ in
        OrganizationHybrid.decide(model: m.map { (start: $0.start, end: $0.end) },
                                  rules: r.map { (start: $0.start, end: $0.end) }, source: s)
            .map { Span(start: $0.start, end: $0.end) }
    }

    static let all: [Combination] = [.rules, .model, .union, .intersection, .shipped]
}

struct Evaluation {
    let model: OrganizationModel
    var combinations = Combination.all

    func modelSpans(_ s: AnnotatedSentence) -> [Span] {
        model.modelSpans(in: s.source, marks: s.marks).map { Span(start: $0.start, end: $0.end) }
    }

    /// Scores of each combination on annotated sentences.
    func ner(_ sentences: [AnnotatedSentence]) -> [Score] {
        var scores = [Score](repeating: Score(), count: combinations.count)
        for s in sentences {
            let m = modelSpans(s)
            let gold = Set(s.gold)
            for (k, c) in combinations.enumerated() {
                scores[k].add(gold: gold, pred: s.original(c.decide(m, s.rules, s.source, s.marks)))
            }
        }
        return scores
    }

    func report(_ title: String, _ sentences: [AnnotatedSentence], examples: Int = 0) -> String {
        let scores = ner(sentences)
        var out = "\(title): \(sentences.count) sentences\n"
        for (c, s) in zip(combinations, scores) { out += "  \(c.name.padding(toLength: 46, withPad: " ", startingAt: 0)) \(s.line)\n" }
        guard examples > 0, let c = combinations.first(where: { $0.name == Combination.model.name }) else { return out }
        var misses: [String] = [], extras: [String] = []
        for s in sentences {
            let got = s.original(c.decide(modelSpans(s), s.rules, s.source, s.marks)), gold = Set(s.gold)
            let scalars = Array(s.text.unicodeScalars)
            func text(_ x: Span) -> String { String(String.UnicodeScalarView(scalars[x.start ..< x.end])) }
            let context = String(String.UnicodeScalarView(scalars.prefix(60)))
            misses += gold.subtracting(got).sorted().map { "MISS  \(text($0))  | \(context)" }
            extras += got.subtracting(gold).sorted().map { "EXTRA \(text($0))  | \(context)" }
        }
        out += (misses.prefix(examples) + extras.prefix(examples)).joined(separator: "\n") + "\n"
        return out
    }
}
