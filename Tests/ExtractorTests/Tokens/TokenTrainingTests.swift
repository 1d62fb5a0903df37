import Foundation
import Testing
@_spi(Training) import Extractor

/// Training the segmenter on a slice of its corpus (Tests/Fixtures/tokens/pd1998-slice.txt,
/// 200 sentences of People's Daily 1998 as PKU segmented them): deterministic, and the small
/// model learns the slice; forced boundaries hold whatever the model says.
@Suite struct TokenTrainingTests {
    static let slice: [[Substring]] = Fixtures.text("tokens/pd1998-slice.txt").split(separator: "\n")
        .map { $0.split(separator: " ") }.filter { !$0.isEmpty }

    static let features = TokenFeatures()
    /// Small tables: the slice has a few thousand distinct n-grams.
    static let groups = features.groups.map { LinearModel.Group(reach: $0.reach, keys: $0.keys, bits: 12) }

    static func train(seed: UInt64 = 7) -> (model: LinearModel, words: [String]) {
        TokenTrainer(features: features, groups: groups, folds: 2, minimumCount: 1, epochs: 6, seed: seed)
            .train(slice)
    }

    static let trained = train()

    /// Words of the slice found with both ends right, out of the slice's words.
    static func score(_ m: TokenModel) -> (right: Int, predicted: Int, gold: Int) {
        var right = 0, predicted = 0, gold = 0
        for words in slice {
            let (text, spans) = TokenModel.sentence(words)
            let source = SourceText(text)
            var got = Set<Int>()
            m.words(in: source) { a, b in
                let o = source.originalSpan(a, b)
                got.insert(o.start << 32 | o.end)
            }
            predicted += got.count
            gold += spans.count
            right += spans.filter { got.contains($0.start << 32 | $0.end) }.count
        }
        return (right, predicted, gold)
    }

    @Test func sliceIsThere() {
        #expect(Self.slice.count == 200)
        #expect(Self.slice.joined().count == 9_251)
    }

    @Test func trainingIsDeterministic() {
        let again = Self.train()
        #expect(again.model.encoded() == Self.trained.model.encoded())
        #expect(again.words == Self.trained.words)
        #expect(Self.train(seed: 8).model.encoded() != Self.trained.model.encoded())
    }

    @Test func theModelLearnsTheSlice() throws {
        let m = try TokenModel(model: Self.trained.model, dictionary: TokenDictionary(words: Self.trained.words))
        let s = Self.score(m)
        #expect(s.gold == 9_251)
        #expect(s.right == 8_899)
        #expect(s.predicted == 9_078)
        // Read back from its bytes, the model is the same.
        let back = try TokenModel(model: try LinearModel(bytes: Self.trained.model.encoded()),
                                  dictionary: TokenDictionary(words: Self.trained.words))
        #expect(Self.score(back) == s)
    }

    /// The word list in folds: a word of one sentence is listed for the other fold only.
    @Test func wordListInFolds() {
        let trainer = TokenTrainer(features: Self.features, groups: Self.groups, folds: 2, minimumCount: 1,
                                   epochs: 1, seed: 1)
        let list = trainer.wordList([["中国", "人民"], ["中国", "银行", "３月"], ["银行"]])
        #expect(list.shipped == ["中国", "人民", "银行"])
        #expect(list.training.map(\.0) == ["中国", "人民", "银行"])
        #expect(list.training.map(\.1) == [0b11, 0b10, 0b11])
    }

    /// A boundary forced inside a word the model keeps whole splits it there, and nowhere else.
    @Test func forcedBoundariesHold() throws {
        let m = try TokenModel(model: Self.trained.model, dictionary: TokenDictionary(words: Self.trained.words))
        let source = SourceText("中华人民共和国成立")
        func words(_ boundaries: [Int]) -> [String] {
            var out: [String] = []
            let scalars = Array("中华人民共和国成立".unicodeScalars)
            m.words(in: source, boundaries: boundaries) { a, b in
                out.append(String(String.UnicodeScalarView(scalars[a ..< b])))
            }
            return out
        }
        let free = words([])
        #expect(free.joined() == "中华人民共和国成立")
        for cut in 1 ..< 9 {
            let forced = words([cut, cut])
            var at = 0
            var ends: Set<Int> = [0]
            for w in forced { at += w.unicodeScalars.count; ends.insert(at) }
            #expect(ends.contains(cut), "boundary \(cut): \(forced)")
        }
    }
}
