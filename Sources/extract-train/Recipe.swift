@_spi(Training) import Extractor

/// Everything that decides the shipped organization model, in one place: the data
/// mix, the held-out slice, the templates, the table size, the number of passes
/// and the shuffle seed. `extract-train train` with no options trains exactly this;
/// options override it only for experiments.
struct Recipe: CustomStringConvertible {
    /// Corpora of `../shared/data/ner` and the step each one's updates take (0: left out).
    var mix: [(corpus: String, step: Int32)] = [("msra", 1)]
    /// The last `holdoutPercent` % of msra.train.jsonl is never trained on: it checks that
    /// dev-set figures hold on text nobody tuned for.
    var holdoutPercent = 10
    /// For experiments on how to combine the model with the rules: the 10% of msra before
    /// the held-out slice is left out of training too, and measured on instead of the dev set.
    var tuning = false
    /// Add short local forms of place-prefixed names (see Augmentation).
    var shortForms = true
    var templates: OrganizationFeatures.Set = .standard
    /// Rows of each template group's table, as powers of two (see OrganizationFeatures.groups).
    var bits: [String: Int] = ["unigram": 14, "bigram": 16, "trigram": 16, "skip": 16, "classes": 12,
                               "rules": 8, "dictionary": 12, "distance": 10]
    var epochs = 10
    /// Perceptrons trained on different shuffles whose averaged weights are averaged again.
    var ensemble = 3
    var seed: UInt64 = 0x0E47_AC70

    static let shipped = Recipe()

    var bitsDescription: String {
        OrganizationFeatures(templates: templates).groups.map { "\($0.name) \(bits[$0.name] ?? 12)" }
            .joined(separator: ", ")
    }

    /// The model's groups: the templates' groups with this recipe's table sizes.
    func groups(_ features: OrganizationFeatures) -> [LinearModel.Group] {
        features.groups.map { LinearModel.Group(reach: $0.reach, keys: $0.keys, bits: bits[$0.name] ?? 12) }
    }

    var description: String {
        let m = mix.filter { $0.step > 0 }.map { "\($0.corpus)×\($0.step)" }.joined(separator: " + ")
        return "data \(m)\(shortForms ? " with short forms" : ""), msra last \(holdoutPercent)% held out; "
            + "templates \(templates.rawValue); "
            + "rows 2^(\(bitsDescription)); \(epochs) epochs; ensemble of \(ensemble); seed \(String(seed, radix: 16))"
    }
}

/// Everything that decides the shipped word segmenter, in one place: the held-out
/// slice (only when tuning), the folds of the word list, the templates, the table
/// sizes, the passes and the shuffle seed. `extract-train segment train` with no
/// options trains exactly this.
struct SegmenterRecipe: CustomStringConvertible {
    /// Experiments only: the last `holdoutPercent` % of the training text is left out of
    /// training and measured on (feature choices were made there, never on the dev set).
    var tuning = false
    var holdoutPercent = 10
    /// Sentence k belongs to fold k mod `folds`; it is marked with the words of the other folds.
    /// On the held-out slice, 2 folds: F1 0.9677, OOV recall 0.629; 3: 0.9670, 0.600; 4: 0.9678,
    /// 0.600; 10: 0.9666, 0.582 (a word list that misses more in training is trusted less).
    var folds = 2
    /// Words seen fewer times (outside the sentence's fold, in training) are not listed
    /// (2: held-out F1 0.9640, OOV recall 0.652: more new words, fewer words right).
    var minimumCount = 1
    var templates: TokenFeatures.Set = .standard
    /// Rows of each template group's table, as powers of two (see TokenFeatures.groups).
    var bits: [String: Int] = ["unigram": 14, "bigram": 18, "skip": 16, "classes": 12, "dictionary": 8, "dictchar": 16,
                               "trigram": 18]
    var epochs = 8
    var seed: UInt64 = 0x0C35_1998
    /// Taken off the score of each single-character word after training (TokenTrainer).
    var singlePenalty: Int32 = 6

    static let shipped = SegmenterRecipe()

    func groups(_ features: TokenFeatures) -> [LinearModel.Group] {
        features.groups.map { LinearModel.Group(reach: $0.reach, keys: $0.keys, bits: bits[$0.name] ?? 12) }
    }

    var description: String {
        let rows = TokenFeatures(templates: templates).groups.map { "\($0.name) \(bits[$0.name] ?? 12)" }
            .joined(separator: ", ")
        return "pd1998.train.txt\(tuning ? " without its last \(holdoutPercent)%" : ""); word list in \(folds) "
            + "folds, words seen \(minimumCount)+ times; templates \(templates.rawValue); rows 2^(\(rows)); "
            + "\(epochs) epochs; seed "
            + String(seed, radix: 16) + "; single-character penalty \(singlePenalty)"
    }
}
