/// What training shares with use: a sentence is cleaned by `SourceText` exactly as
/// `extract` cleans its input, and gold names move from original code-point
/// offsets to cleaned ones, so full-width folding and joined line breaks are the
/// same in training and in use.
extension OrganizationModel {
    /// Original scalar offsets `[start, end)` → cleaned offsets (spans that clean away are left out).
    ///
    ///     cleanedSpans(SourceText("捐给 深圳市医师协会"), [(3, 10)])   // → [(2, 9)]: the space is gone
    public static func cleanedSpans(_ source: SourceText,
                                    _ spans: [(start: Int, end: Int)]) -> [(start: Int, end: Int)] {
        // The first cleaned character at or after each original offset.
        let n = source.scalars.count, count = source.originalCount
        var toCleaned = [Int](repeating: n, count: count + 1)
        var k = n - 1
        for o in stride(from: count, through: 0, by: -1) {
            while k >= 0 && source.originalOffset(k) >= o { k -= 1 }
            toCleaned[o] = k + 1
        }
        return spans.compactMap { g in
            let s = toCleaned[min(max(g.start, 0), count)], e = toCleaned[min(max(g.end, 0), count)]
            return s < e ? (start: s, end: e) : nil
        }
    }

    /// A training sentence for the perceptron: `text` cleaned and marked as in use, its
    /// names (original offsets) as BIOES tags.
    public static func trainingSentence(_ text: String, names: [(start: Int, end: Int)], features: OrganizationFeatures,
                                        trainer: PerceptronTrainer, step: Int32 = 1) -> PerceptronTrainer.Sentence {
        let source = SourceText(text)
        let marks = OrganizationMarks.shared.marks(source)
        return trainingSentence(source, marks: marks, names: cleanedSpans(source, names), features: features,
                                trainer: trainer, step: step)
    }

    /// A training sentence from a prepared source, its marks and its names in cleaned offsets.
    public static func trainingSentence(_ source: SourceText, marks: [UInt64], names: [(start: Int, end: Int)],
                                        features: OrganizationFeatures, trainer: PerceptronTrainer,
                                        step: Int32 = 1) -> PerceptronTrainer.Sentence {
        let n = source.scalars.count
        let rows = source.withScalars { b in
            marks.withUnsafeBufferPointer { m in trainer.rows(features, text: b, marks: m, positions: n) }
        }
        return PerceptronTrainer.Sentence(rows: rows, gold: features.tagSet.tags(count: n, spans: names), step: step)
    }
}
