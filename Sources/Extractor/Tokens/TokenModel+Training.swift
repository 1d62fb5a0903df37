/// What training shares with use: a segmented sentence is cleaned by `SourceText`
/// exactly as `extract` cleans its input (full-width forms folded: １９９８年 reads
/// as 1998年), marked by the word list as in use, and its words become BMES tags.
extension TokenModel {
    /// A sentence of a segmented corpus: its text and its words' spans (original scalar offsets).
    ///
    ///     TokenModel.sentence(["中国", "人民", "银行"])   // ("中国人民银行", [(0, 2), (2, 4), (4, 6)])
    public static func sentence<S: Sequence>(_ words: S) -> (text: String, spans: [(start: Int, end: Int)])
    where S.Element: StringProtocol {
        var text = "", spans: [(start: Int, end: Int)] = [], at = 0
        for w in words {
            let n = w.unicodeScalars.count
            guard n > 0 else { continue }
            text += w
            spans.append((at, at + n))
            at += n
        }
        return (text, spans)
    }

    /// Original scalar spans → cleaned spans of `source` (spans that clean away are left out).
    public static func cleanedSpans(_ source: SourceText,
                                    _ spans: [(start: Int, end: Int)]) -> [(start: Int, end: Int)] {
        let n = source.scalars.count
        var toCleaned = [Int](repeating: n, count: source.originalCount + 1)
        var k = n - 1
        for o in stride(from: source.originalCount, through: 0, by: -1) {
            while k >= 0 && source.originalOffset(k) >= o { k -= 1 }
            toCleaned[o] = k + 1
        }
        return spans.compactMap { s in
            let a = toCleaned[min(max(s.start, 0), source.originalCount)]
            let b = toCleaned[min(max(s.end, 0), source.originalCount)]
            return a < b ? (start: a, end: b) : nil
        }
    }

    /// A training sentence for the perceptron: the cleaned text's keys (the words listed
    /// for fold `fold`: those of the other folds) and its words as BMES tags.
    public static func trainingSentence(_ text: String, words: [(start: Int, end: Int)], features: TokenFeatures,
                                        dictionary: TokenDictionary, fold: Int,
                                        trainer: PerceptronTrainer) -> PerceptronTrainer.Sentence {
        let source = SourceText(text)
        let n = source.scalars.count
        var marks = [UInt64](repeating: 0, count: n)
        let rows = source.withScalars { b in
            marks.withUnsafeMutableBufferPointer { m in
                dictionary.mark(b, range: 0 ..< n, into: m, fold: fold)
            }
            return marks.withUnsafeBufferPointer { m in trainer.rows(features, text: b, marks: m, positions: n) }
        }
        let gold = features.tagSet.tags(count: n, spans: cleanedSpans(source, words))
        return PerceptronTrainer.Sentence(rows: rows, gold: gold)
    }
}

/// Training of the segmenter (`extract-train segment train` runs it with the recipe of
/// `SegmenterRecipe`): the word list in folds, the training sentences, the averaged
/// perceptron's passes over a seeded shuffle. Integer arithmetic and a fixed order: the
/// same sentences give the same model, byte for byte.
///
///     let trainer = TokenTrainer(features: TokenFeatures(), groups: groups, folds: 2, minimumCount: 1,
///                                epochs: 8, seed: 1)
///     let (model, words) = trainer.train(sentences) { print($0) }
@_spi(Training) public struct TokenTrainer {
    public let features: TokenFeatures
    public let groups: [LinearModel.Group]
    public let folds: Int
    public let minimumCount: Int
    public let epochs: Int
    public let seed: UInt64
    /// Taken off the score of every single-character word (S tag) of the trained model: the
    /// perceptron learns from a corpus where most words are listed, so on new words it
    /// falls back on single characters too readily (怀来 read as 怀 来).
    public let singlePenalty: Int32

    public init(features: TokenFeatures, groups: [LinearModel.Group], folds: Int, minimumCount: Int, epochs: Int,
                seed: UInt64, singlePenalty: Int32 = 0) {
        self.features = features; self.groups = groups; self.folds = max(2, min(folds, 30))
        self.minimumCount = max(1, minimumCount); self.epochs = max(1, epochs); self.seed = seed
        self.singlePenalty = singlePenalty
    }

    /// `model` with `penalty` taken off every S tag: an S is entered from E or S, or first,
    /// so those three scores carry it and decoding stays as it is.
    public static func penalizingSingles(_ model: LinearModel, by penalty: Int32) -> LinearModel {
        guard penalty != 0 else { return model }
        var transitions = model.transitions, firsts = model.firsts
        let s = 3, e = 2, n = model.tagCount                 // BMES
        transitions[e * n + s] -= penalty
        transitions[s * n + s] -= penalty
        firsts[s] -= penalty
        return LinearModel(tagCount: n, signature: model.signature, groups: model.groups, weights: model.weights,
                           transitions: transitions, firsts: firsts, lasts: model.lasts)
    }

    /// The word list of the training sentences: each listable word seen at least
    /// `minimumCount` times outside a fold, with the set of those folds (bit k: listed for
    /// the sentences of fold k, sentence i being in fold i mod `folds`); and the shipped
    /// list, the words seen at least `minimumCount` times in all, sorted.
    public func wordList<W: StringProtocol>(_ sentences: [[W]]) -> (training: [(String, UInt32)], shipped: [String]) {
        var seen: [String: [Int]] = [:]
        for (k, s) in sentences.enumerated() {
            for w in s {
                let word = String(w)
                guard TokenDictionary.isListable(word) else { continue }
                seen[word, default: [Int](repeating: 0, count: folds)][k % folds] += 1
            }
        }
        var training: [(String, UInt32)] = [], shipped: [String] = []
        for (word, counts) in seen.sorted(by: { $0.key < $1.key }) {
            let total = counts.reduce(0, +)
            var mask: UInt32 = 0
            for f in 0 ..< folds where total - counts[f] >= minimumCount { mask |= 1 << UInt32(f) }
            if mask != 0 { training.append((word, mask)) }
            if total >= minimumCount { shipped.append(word) }
        }
        return (training, shipped)
    }

    /// The averaged perceptron's model and the shipped word list, from segmented sentences.
    public func train<W: StringProtocol>(_ sentences: [[W]],
                                         log: (String) -> Void = { _ in }) -> (model: LinearModel, words: [String]) {
        let listed = wordList(sentences)
        let dictionary = TokenDictionary(folds: listed.training)
        var trainer = PerceptronTrainer(tagSet: features.tagSet, signature: features.signature, groups: groups)
        let data = sentences.enumerated().map { k, words in
            let s = TokenModel.sentence(words)
            return TokenModel.trainingSentence(s.text, words: s.spans, features: features, dictionary: dictionary,
                                               fold: k % folds, trainer: trainer)
        }
        log("\(data.count) training sentences, \(listed.shipped.count) listed words")
        var order = Array(data.indices)
        var rng = SplitMix64(seed: seed)
        for epoch in 1 ... epochs {
            rng.shuffle(&order)
            var wrong = 0
            for k in order where trainer.train(data[k]) { wrong += 1 }
            log("epoch \(epoch): \(wrong) of \(data.count) sentences wrong")
        }
        return (TokenTrainer.penalizingSingles(trainer.averaged(), by: singlePenalty), listed.shipped)
    }
}
