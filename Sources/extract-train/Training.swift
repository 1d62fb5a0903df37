import Foundation
@_spi(Training) import Extractor

/// Reads the training data of a recipe and trains the averaged perceptron.
struct Training {
    let recipe: Recipe
    let dataDirectory: String
    var log: (String) -> Void = { FileHandle.standardError.write(($0 + "\n").data(using: .utf8)!) }

    /// Training sentences of the recipe's mix, and msra's held-out slice.
    func load() throws -> (train: [AnnotatedSentence], heldOut: [AnnotatedSentence]) {
        var train: [AnnotatedSentence] = [], heldOut: [AnnotatedSentence] = []
        for (corpus, step) in recipe.mix where step > 0 || corpus == "msra" {
            let path = dataDirectory + "/\(corpus).train.jsonl"
            var sentences = try Corpus.read(path, corpus: corpus)
            if corpus == "msra" {
                let keep = sentences.count - sentences.count * recipe.holdoutPercent / 100
                heldOut = Array(sentences[keep...])
                sentences = Array(sentences[..<keep])
            }
            if step > 0 { train += sentences }
            log("\(corpus): \(sentences.count) training sentences\(corpus == "msra" ? ", \(heldOut.count) held out" : "")")
        }
        return (train, heldOut)
    }

    /// Feature rows and gold tags of every sentence, ready for the perceptron.
    func instances(_ sentences: [AnnotatedSentence], features: OrganizationFeatures,
                   trainer: PerceptronTrainer) -> [PerceptronTrainer.Sentence] {
        let steps = Dictionary(recipe.mix.map { ($0.corpus, $0.step) }, uniquingKeysWith: { a, _ in a })
        let pad = features.pad, perPosition = features.keysPerPosition
        var keys: [UInt64] = []
        return sentences.map { s in
            let n = s.source.scalars.count
            let count = (n + 2 * pad) * perPosition
            if keys.count < count { keys = [UInt64](repeating: 0, count: count) }
            s.source.scalars.withUnsafeBufferPointer { raw in
                raw.withMemoryRebound(to: Unicode.Scalar.self) { b in
                    s.marks.withUnsafeBufferPointer { m in
                        keys.withUnsafeMutableBufferPointer { k in
                            features.keys(b, marks: m, range: 0 ..< n, pad: pad, into: k.baseAddress!)
                        }
                    }
                }
            }
            let rows = keys.withUnsafeBufferPointer { trainer.rows(UnsafeBufferPointer(rebasing: $0[0 ..< count])) }
            let gold = features.tagSet.tags(count: n, spans: s.cleanedGold.map { (start: $0.start, end: $0.end) })
            return PerceptronTrainer.Sentence(rows: rows, gold: gold, step: steps[s.corpus] ?? 1)
        }
    }

    /// Trains for the recipe's epochs; `afterEpoch` sees each epoch's averaged model.
    func train(_ sentences: [AnnotatedSentence], afterEpoch: (Int, LinearModel) -> Void = { _, _ in }) -> LinearModel {
        let features = OrganizationFeatures(templates: recipe.templates)
        var trainer = PerceptronTrainer(tagSet: features.tagSet, signature: features.signature,
                                        groups: recipe.groups(features))
        let data = instances(sentences, features: features, trainer: trainer)
        var order = Array(data.indices)
        var rng = SplitMix64(seed: recipe.seed)
        for epoch in 1 ... recipe.epochs {
            rng.shuffle(&order)
            var wrong = 0
            for k in order {
                if trainer.train(data[k]) { wrong += 1 }
            }
            log("epoch \(epoch): \(wrong) of \(data.count) sentences wrong")
            if epoch < recipe.epochs { afterEpoch(epoch, trainer.averaged()) }
        }
        let model = trainer.averaged()
        log("weights in use: \(trainer.usedWeights) of \(model.weights.count)")
        afterEpoch(recipe.epochs, model)
        return model
    }
}
