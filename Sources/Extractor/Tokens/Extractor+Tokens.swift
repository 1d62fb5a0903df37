/// Tokens in the pipeline: the words of a text as `token` records, on the same offsets as
/// every other record, and agreeing with them.
///
/// Which mentions force word boundaries (`TokenBoundaries`): every figure and every date
/// or time, whether the run asks for them or not (their scanners are cheap, and a token
/// stream then does not depend on the other types asked for); organizations only when the
/// run asks for them too (their model costs about as much as the segmenter, and a run of
/// `--types token` alone should not pay for it). So the start and end of every record of
/// a run fall on token boundaries.
extension Extractor {
    /// Loads the word segmentation model now (it is otherwise loaded on the first text whose
    /// tokens are asked for), and says why it cannot be loaded. Without a model, runs that
    /// ask for tokens get none; the command line checks this first and stops with the reason.
    ///
    ///     do { try Extractor.loadTokenModel() } catch { print(error) }   // nothing: the shipped model loads
    public static func loadTokenModel() throws(TokenModelError) {
        _ = try TokenModel.shipped()
    }

    /// The words of `text` as `token` records (offsets, lines and text as every record's),
    /// with the word boundaries that the figures and dates of the text force.
    ///
    ///     let words = try Extractor.tokens(in: "截至3月11日，捐款3.15亿元")
    ///     words.map(\.text)    // ["截至", "3月", "11日", "，", "捐款", "3.15亿", "元"]
    ///     words[1].start       // 2
    ///
    /// `Extractor(types: [.token, .quantity]).extract(text)` gives the same tokens among
    /// the other records, in document order.
    public static func tokens(in text: String, doc: String = "-") throws(TokenModelError) -> [Record] {
        try loadTokenModel()
        return Extractor(types: [.token]).extract(text, doc: doc)
    }

    /// Cleaned start and end of each token of `source`, one after the other: the shipped
    /// model's words, with boundaries at the edges of the piece's figures, dates and
    /// (when asked for) organizations. Empty when the model cannot be loaded.
    func tokens(of source: SourceText, mentions: [TemporalMention],
                figures: [(draft: RecordDraft, span: Range<Int>)],
                organizations: [OrganizationRecognizer.Found]) -> [Int32] {
        guard let model = try? TokenModel.shipped() else { return [] }
        var edges: [Int] = []
        edges.reserveCapacity(2 * (mentions.count + figures.count + organizations.count) + 64)
        for m in mentions { edges.append(m.start); edges.append(m.end) }
        if types.contains(.quantity) || types.contains(.number) {
            for f in figures { edges.append(f.span.lowerBound); edges.append(f.span.upperBound) }
        } else {
            QuantityRecognizer(source: source, emitQuantities: true, emitNumbers: false, doc: "").run { _, span in
                edges.append(span.lowerBound); edges.append(span.upperBound)
            }
        }
        for o in organizations { edges.append(o.start); edges.append(o.end) }
        edges.sort()
        var out: [Int32] = []
        out.reserveCapacity(source.scalars.count * 5 / 4 + 16)
        model.words(in: source, boundaries: edges) { a, b in
            out.append(Int32(truncatingIfNeeded: a)); out.append(Int32(truncatingIfNeeded: b))
        }
        return out
    }
}
