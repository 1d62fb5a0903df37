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
