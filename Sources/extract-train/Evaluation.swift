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

/// What a combination sees of a sentence or document: the model's spans, the rules'
/// spans with the margin the model gives each (see `OrganizationModel.decode`).
struct Proposals {
    let model: [Span]
    let rules: [Span]
    let margins: [Int64]
    let source: SourceText

    init(_ om: OrganizationModel, source: SourceText, marks: [UInt64], rules: [Span]) {
        let (m, margins) = om.decode(in: source, marks: marks, rules: rules.map { (start: $0.start, end: $0.end) })
        model = m.map { Span(start: $0.start, end: $0.end) }
        self.rules = rules
        self.margins = margins
        self.source = source
    }
}

/// A way of combining the model's spans with the rules' (cleaned offsets).
struct Combination: Sendable {
    let name: String
    let decide: @Sendable (Proposals) -> [Span]

    static let rules = Combination(name: "rules alone") { $0.rules }
    static let model = Combination(name: "model alone") { $0.model }
    /// The rules' names that overlap no model name are added.
    static let union = Combination(name: "union (model + rules where model has none)") { p in
        (p.model + p.rules.filter { x in !p.model.contains { $0.overlaps(x) } }).sorted()
    }
    /// Only names both propose, with the model's boundaries.
    static let intersection = Combination(name: "model confirmed by rules (overlap)") { p in
        p.model.filter { x in p.rules.contains { $0.overlaps(x) } }
    }
    /// Rule spans the model nearly chose (its best path loses at most `threshold`) replace
    /// the model spans they overlap.
    static func margin(_ threshold: Int64) -> Combination {
        Combination(name: "model, rules within margin \(threshold)") { p in
            var out = p.model
            for (r, m) in zip(p.rules, p.margins) where m > 0 && m <= threshold {
                out.removeAll { $0.overlaps(r) }
                out.append(r)
            }
            return out.sorted()
        }
    }
    /// The shipped decision (`OrganizationHybrid.decide`), with its margin threshold or another.
    static func hybrid(_ threshold: Int64 = OrganizationHybrid.marginThreshold) -> Combination {
        let shipped = threshold == OrganizationHybrid.marginThreshold
        let name = shipped ? "shipped hybrid (OrganizationHybrid, \(threshold))" : "hybrid, margin \(threshold)"
        return Combination(name: name) { p in
            OrganizationHybrid.decide(model: p.model.map { (start: $0.start, end: $0.end) },
                                      rules: p.rules.map { (start: $0.start, end: $0.end) }, margins: p.margins,
                                      source: p.source, threshold: threshold)
                .map { Span(start: $0.start, end: $0.end) }
        }
    }

    /// The shipped decision, then the document pass (`OrganizationDocument`).
    static let documentPass = Combination(name: "shipped hybrid + document pass") { p in
        let decided = Combination.hybrid().decide(p).map { (start: $0.start, end: $0.end) }
        var names = OrganizationDocument()
        return names.pass(spans: decided, in: p.source).map { Span(start: $0.start, end: $0.end) }
    }

    static let all: [Combination] = [.rules, .model, .union, .intersection, .margin(100),
                                     .hybrid(), .hybrid(50), .hybrid(100), .hybrid(150), .hybrid(200),
                                     .documentPass]
}

struct Evaluation {
    let model: OrganizationModel
    var combinations = Combination.all

    /// Scores of each combination on annotated sentences.
    func ner(_ sentences: [AnnotatedSentence]) -> [Score] {
        var scores = [Score](repeating: Score(), count: combinations.count)
        for s in sentences {
            let p = Proposals(model, source: s.source, marks: s.marks, rules: s.rules)
            let gold = Set(s.gold)
            for (k, c) in combinations.enumerated() {
                scores[k].add(gold: gold, pred: s.original(c.decide(p)))
            }
        }
        return scores
    }

    func report(_ title: String, _ sentences: [AnnotatedSentence], examples: Int = 0,
                of name: String = Combination.model.name) -> String {
        let scores = ner(sentences)
        var out = "\(title): \(sentences.count) sentences\n"
        for (c, s) in zip(combinations, scores) {
            out += "  \(c.name.padding(toLength: 46, withPad: " ", startingAt: 0)) \(s.line)\n"
        }
        guard examples > 0, let c = combinations.first(where: { $0.name.hasPrefix(name) }) else { return out }
        var misses: [String] = [], extras: [String] = []
        for s in sentences {
            let p = Proposals(model, source: s.source, marks: s.marks, rules: s.rules)
            let got = s.original(c.decide(p)), gold = Set(s.gold)
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
