import Foundation
@_spi(Training) import Extractor

/// Reads the training data of a recipe and trains the averaged perceptron.
struct Training {
    let recipe: Recipe
    let dataDirectory: String
    var log: (String) -> Void = { FileHandle.standardError.write(($0 + "\n").data(using: .utf8)!) }

    /// Training sentences of the recipe's mix, msra's tuning slice (the 10% before the
    /// held-out slice, when `recipe.tuning` keeps it out of training) and held-out slice.
    func load() throws -> (train: [AnnotatedSentence], tune: [AnnotatedSentence], heldOut: [AnnotatedSentence]) {
        var train: [AnnotatedSentence] = [], tune: [AnnotatedSentence] = [], heldOut: [AnnotatedSentence] = []
        for (corpus, step) in recipe.mix where step > 0 || corpus == "msra" {
            let path = dataDirectory + "/\(corpus).train.jsonl"
            var sentences = try Corpus.read(path, corpus: corpus)
            if corpus == "msra" {
                let keep = sentences.count - sentences.count * recipe.holdoutPercent / 100
                heldOut = Array(sentences[keep...])
                sentences = Array(sentences[..<keep])
                if recipe.tuning {
                    let cut = keep - sentences.count * recipe.holdoutPercent / 100
                    tune = Array(sentences[cut...])
                    sentences = Array(sentences[..<cut])
                }
            }
            if step > 0 { train += sentences }
            if step > 0 && recipe.shortForms {
                let extra = Augmentation.shortForms(sentences)
                train += extra
                log("\(corpus): \(extra.count) sentences with short forms added")
            }
            let held = corpus == "msra" ? ", \(heldOut.count) held out" : ""
            log("\(corpus): \(sentences.count) training sentences\(held)")
        }
        return (train, tune, heldOut)
    }

    /// Feature rows and gold tags of every sentence, ready for the perceptron.
    func instances(_ sentences: [AnnotatedSentence], features: OrganizationFeatures,
                   trainer: PerceptronTrainer) -> [PerceptronTrainer.Sentence] {
        let steps = Dictionary(recipe.mix.map { ($0.corpus, $0.step) }, uniquingKeysWith: { a, _ in a })
        return sentences.map { s in
            OrganizationModel.trainingSentence(s.source, marks: s.marks,
                                               names: s.cleanedGold.map { (start: $0.start, end: $0.end) },
                                               features: features, trainer: trainer, step: steps[s.corpus] ?? 1)
        }
    }

    /// Trains `recipe.ensemble` perceptrons (seeds `seed`, `seed + 1`, …) for the recipe's
    /// epochs and averages them; `afterEpoch` sees the first one's averaged model each epoch.
    func train(_ sentences: [AnnotatedSentence], afterEpoch: (Int, LinearModel) -> Void = { _, _ in }) -> LinearModel {
        let features = OrganizationFeatures(templates: recipe.templates)
        var sum: PerceptronTrainer.Average? = nil
        var last: PerceptronTrainer? = nil
        var data: [PerceptronTrainer.Sentence] = []
        for member in 0 ..< recipe.ensemble {
            var trainer = PerceptronTrainer(tagSet: features.tagSet, signature: features.signature,
                                            groups: recipe.groups(features))
            if data.isEmpty { data = instances(sentences, features: features, trainer: trainer) }
            var order = Array(data.indices)
            var rng = SplitMix64(seed: recipe.seed &+ UInt64(member))
            for epoch in 1 ... recipe.epochs {
                rng.shuffle(&order)
                var wrong = 0
                for k in order {
                    if trainer.train(data[k]) { wrong += 1 }
                }
                log("model \(member + 1), epoch \(epoch): \(wrong) of \(data.count) sentences wrong")
                if member == 0 && epoch < recipe.epochs { afterEpoch(epoch, trainer.averaged()) }
            }
            let a = trainer.average()
            sum = sum.map { $0 + a } ?? a
            last = trainer
        }
        guard let trainer = last, let average = sum else { fatalError("an ensemble has at least one member") }
        let model = trainer.model(average)
        log("weights in use: \(trainer.usedWeights) of \(model.weights.count) (last model)")
        afterEpoch(recipe.epochs, model)
        return model
    }
}
