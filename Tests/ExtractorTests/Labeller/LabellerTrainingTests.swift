import Foundation
import Testing
@_spi(Training) import Extractor

/// Training on a slice of data: Tests/Fixtures/labeller/msra-slice.jsonl (200 sentences
/// of the MSRA corpus). A small model learns the slice, and training is deterministic.
@Suite struct LabellerTrainingTests {
    struct Sentence {
        let text: String
        let names: [(start: Int, end: Int)]
    }

    static let lines = Fixtures.text("labeller/msra-slice.jsonl").split(separator: "\n")
    static let slice: [Sentence] = lines.compactMap { line in
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = object["text"] as? String, let orgs = object["orgs"] as? [[String: Any]] else { return nil }
        return Sentence(text: text, names: orgs.compactMap { o in
            guard let s = o["start"] as? Int, let e = o["end"] as? Int else { return nil }
            return (start: s, end: e)
        })
    }

    static let features = OrganizationFeatures()
    /// Small tables: the slice has a few thousand distinct n-grams.
    static let groups = features.groups.map { g in
        LinearModel.Group(reach: g.reach, keys: g.keys,
                          bits: ["unigram", "bigram", "trigram"].contains(g.name) ? 12 : 8)
    }

    static func train(epochs: Int = 8, seed: UInt64 = 7) -> LinearModel {
        var trainer = PerceptronTrainer(tagSet: features.tagSet, signature: features.signature, groups: groups)
        let data = slice.map {
            OrganizationModel.trainingSentence($0.text, names: $0.names, features: features, trainer: trainer)
        }
        var order = Array(data.indices)
        var rng = SplitMix64(seed: seed)
        for _ in 0 ..< epochs {
            rng.shuffle(&order)
            for k in order { trainer.train(data[k]) }
        }
        return trainer.averaged()
    }

    static let model = train()

    /// Exact-span counts of the model on the slice it learned.
    static func score(_ m: OrganizationModel) -> (tp: Int, pred: Int, gold: Int) {
        var tp = 0, pred = 0, gold = 0
        for s in slice {
            let source = SourceText(s.text)
            let found = m.modelSpans(in: source, marks: OrganizationMarks.shared.marks(source))
                .map { source.originalSpan($0.start, $0.end) }
            pred += found.count; gold += s.names.count
            tp += found.filter { f in s.names.contains { $0.start == f.start && $0.end == f.end } }.count
        }
        return (tp, pred, gold)
    }

    @Test func sliceIsThere() {
        #expect(Self.slice.count == 200)
        #expect(Self.slice.reduce(0) { $0 + $1.names.count } == 261)
    }

    @Test func learnsTheSlice() throws {
        let m = try #require(OrganizationModel(model: Self.model))
        let (tp, pred, gold) = Self.score(m)
        // An untrained model finds nothing (all weights 0: every character is O); 261 names to learn.
        #expect(gold == 261)
        #expect(tp >= 250, "found \(tp) of \(gold) names exactly, \(pred) proposed")
        #expect(pred - tp <= 10, "\(pred - tp) spurious names")
    }

    @Test func decodesKnownSentencesExactly() throws {
        let m = try #require(OrganizationModel(model: Self.model))
        for s in Self.slice.prefix(20) {
            let source = SourceText(s.text)
            let found = m.modelSpans(in: source, marks: OrganizationMarks.shared.marks(source))
                .map { source.originalSpan($0.start, $0.end) }
            #expect(found.map { [$0.start, $0.end] } == s.names.map { [$0.start, $0.end] }, "\(s.text)")
        }
    }

    @Test func trainingIsDeterministic() {
        let again = Self.train()
        #expect(again.encoded() == Self.model.encoded())
        // A different shuffle gives a different model: the comparison above is not vacuous.
        #expect(Self.train(seed: 8).encoded() != Self.model.encoded())
    }

    @Test func modelBytesRoundTrip() throws {
        let bytes = Self.model.encoded()
        #expect(try LinearModel(bytes: bytes) == Self.model)
        // As the generated source file holds it: base64 in lines of 100 characters.
        let b64 = Data(bytes).base64EncodedString()
        var lines: [Substring] = []
        var i = b64.startIndex
        while i < b64.endIndex {
            let j = b64.index(i, offsetBy: 100, limitedBy: b64.endIndex) ?? b64.endIndex
            lines.append(b64[i ..< j]); i = j
        }
        #expect(try LinearModel(base64: lines.joined(separator: "\n")) == Self.model)
        #expect(throws: LinearModel.DecodingError.self) { try LinearModel(bytes: Array(bytes.dropLast(3))) }
        #expect(throws: LinearModel.DecodingError.self) { try LinearModel(bytes: [UInt8]("XLAB".utf8)) }
        #expect(throws: LinearModel.DecodingError.self) { try LinearModel(base64: "not base64 ?") }
    }

    @Test func cleanedSpansFollowCleaning() {
        // The space next to Han characters is cleaned away; full-width digits keep their offsets.
        let source = SourceText("捐给 深圳市医师协会１３万元")
        let spans = OrganizationModel.cleanedSpans(source, [(start: 3, end: 10)])
        #expect(spans.map { [$0.start, $0.end] } == [[2, 9]])
        #expect(source.originalSpan(2, 9) == (3, 10))
    }
}
