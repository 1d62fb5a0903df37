import Foundation
@_spi(Training) import Extractor

/// One annotated sentence, cleaned exactly as `extract` cleans its input: the
/// text goes through `SourceText`, and gold names move to cleaned offsets, so
/// full-width folding and joined line breaks are the same in training and use.
struct AnnotatedSentence {
    let text: String
    /// Gold names in original code-point offsets (as the data files and ner.py count).
    let gold: [Span]
    let source: SourceText
    let marks: [UInt64]
    /// The rule recognizer's names, cleaned offsets.
    let rules: [Span]
    /// Gold names in cleaned offsets.
    let cleanedGold: [Span]
    let corpus: String

    init(text: String, gold: [Span], corpus: String) {
        self.text = text
        self.gold = gold
        self.corpus = corpus
        source = SourceText(text)
        let analysis = OrganizationMarks.shared.analyze(source)
        marks = analysis.marks
        rules = analysis.rules.map { Span(start: $0.start, end: $0.end) }
        cleanedGold = OrganizationModel.cleanedSpans(source, gold.map { (start: $0.start, end: $0.end) })
            .map { Span(start: $0.start, end: $0.end) }
    }

    /// Cleaned spans back to original offsets.
    func original(_ spans: [Span]) -> Set<Span> {
        Set(spans.map { let o = source.originalSpan($0.start, $0.end); return Span(start: o.start, end: o.end) })
    }
}

struct Span: Hashable, Comparable {
    let start: Int
    let end: Int
    static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
    func overlaps(_ o: Span) -> Bool { start < o.end && o.start < end }
}

enum Corpus {
    struct Line: Decodable {
        struct Org: Decodable { let start: Int; let end: Int }
        let text: String
        let orgs: [Org]
    }

    /// Sentences of a JSON Lines file (`{"text", "orgs": [{"start", "end"}]}`), in file order.
    static func read(_ path: String, corpus: String) throws -> [AnnotatedSentence] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let decoder = JSONDecoder()
        var out: [AnnotatedSentence] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let l = try decoder.decode(Line.self, from: line)
            out.append(AnnotatedSentence(text: l.text, gold: l.orgs.map { Span(start: $0.start, end: $0.end) },
                                         corpus: corpus))
        }
        return out
    }
}

extension Corpus {
    /// Consecutive sentences joined into documents of `size` sentences (a line break between
    /// two), names moved along: the document pass needs documents, and msra's sentences
    /// come in article order.
    static func documents(_ sentences: [AnnotatedSentence], size: Int) -> [AnnotatedSentence] {
        stride(from: 0, to: sentences.count, by: size).map { start in
            var text = "", gold: [Span] = [], offset = 0
            for s in sentences[start ..< min(start + size, sentences.count)] {
                if !text.isEmpty { text += "\n"; offset += 1 }
                gold += s.gold.map { Span(start: $0.start + offset, end: $0.end + offset) }
                text += s.text
                offset += s.text.unicodeScalars.count
            }
            return AnnotatedSentence(text: text, gold: gold, corpus: sentences[start].corpus)
        }
    }
}
