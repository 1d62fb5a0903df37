import Foundation
@_spi(Training) import Extractor

/// Organization mentions of a whole document scored as `../shared/eval/score.py`
/// scores its organization class: predictions and required gold mentions matched
/// one to one by overlap (largest overlap first), predictions that overlap an
/// optional gold mention ignored; `detect` counts matches, `value` matches whose
/// name (line breaks removed) or text is one of the gold names.
struct DocumentScore {
    struct Gold: Decodable {
        let type: String
        let start: Int
        let end: Int
        let optional: Bool?
        let name: [String]?
        let text: String
    }

    var gold = 0, pred = 0, detect = 0, value = 0
    var misses: [String] = [], extras: [String] = [], wrong: [String] = []

    static func prf(_ tp: Int, _ gold: Int, _ pred: Int) -> (Double, Double, Double) {
        let p = pred == 0 ? 0 : Double(tp) / Double(pred), r = gold == 0 ? 0 : Double(tp) / Double(gold)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    var line: String {
        let d = DocumentScore.prf(detect, gold, pred), v = DocumentScore.prf(value, gold, pred)
        return String(format: "detect P/R/F1 %.3f/%.3f/%.3f  value P/R/F1 %.3f/%.3f/%.3f  (gold %d, pred %d)",
                      d.0, d.1, d.2, v.0, v.1, v.2, gold, pred)
    }

    static func readGold(_ path: String) throws -> [Gold] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }
            .map { try JSONDecoder().decode(Gold.self, from: $0) }.filter { $0.type == "organization" }
    }

    /// `spans`: original offsets of the predicted names in `source`.
    init(gold all: [Gold], spans: [Span], source: SourceText) {
        let req = all.filter { $0.optional != true }, opt = all.filter { $0.optional == true }
        func overlap(_ g: Gold, _ p: Span) -> Int { max(0, min(g.end, p.end) - max(g.start, p.start)) }
        var pairs: [(Int, Int, Int)] = []
        for (i, g) in req.enumerated() {
            for (j, p) in spans.enumerated() where overlap(g, p) > 0 { pairs.append((overlap(g, p), i, j)) }
        }
        pairs.sort { ($0.0, $0.1, $0.2) > ($1.0, $1.1, $1.2) }
        var usedG = Set<Int>(), usedP = Set<Int>()
        for (_, i, j) in pairs where !usedG.contains(i) && !usedP.contains(j) {
            usedG.insert(i); usedP.insert(j)
            let text = source.slice(spans[j].start, spans[j].end)
            let names = req[i].name ?? [req[i].text]
            detect += 1
            if names.contains(SourceText.withoutBreaks(text)) || names.contains(text) { value += 1 } else {
                wrong.append("\(req[i].text) → \(text)")
            }
        }
        let ignored = spans.indices.filter { j in !usedP.contains(j) && opt.contains { overlap($0, spans[j]) > 0 } }
        gold = req.count
        pred = spans.count - ignored.count
        misses = req.indices.filter { !usedG.contains($0) }.map { req[$0].text }
        extras = spans.indices.filter { !usedP.contains($0) && !ignored.contains($0) }
            .map { source.slice(spans[$0].start, spans[$0].end) }
    }
}
