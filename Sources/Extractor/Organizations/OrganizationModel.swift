/// The trained organization-name model: a BIOES character tagger (the shared
/// `Labeller`) over `OrganizationFeatures`, whose weights
/// (`OrganizationModel+Weights.swift`) the `extract-train` command writes.
///
/// A document is decoded one sentence at a time (cut after 。！？ and at line
/// breaks), as the training sentences were, so a character's features never
/// look into the next sentence.
///
///     OrganizationModel.shared.spans(in: SourceText("新华社北京电，中国人民银行今天宣布……"))
///     // → [(0, 3), (7, 13)]: cleaned offsets of 新华社 and 中国人民银行
@_spi(Training) public final class OrganizationModel: Sendable {
    public let labeller: Labeller<OrganizationFeatures>
    let marks = OrganizationMarks.shared

    /// The shipped model, decoded from its base64 text on first use. A model that does not
    /// decode (which the tests rule out) finds nothing rather than stopping the program.
    public static let shared: OrganizationModel = {
        if let model = try? LinearModel(base64: OrganizationModel.weightsBase64),
           let m = OrganizationModel(model: model) { return m }
        let features = OrganizationFeatures()
        let t = features.tagSet.count
        let groups = features.groups.map { LinearModel.Group(reach: $0.reach, keys: $0.keys, bits: 1) }
        let empty = LinearModel(tagCount: t, signature: features.signature, groups: groups,
                                weights: [Int16](repeating: 0, count: LinearModel.weightCount(groups, tags: t)),
                                transitions: [Int32](repeating: 0, count: t * t),
                                firsts: [Int32](repeating: 0, count: t), lasts: [Int32](repeating: 0, count: t))
        return OrganizationModel(model: empty)!
    }()

    /// A model read with the templates its signature names; nil for another template set.
    public init?(model: LinearModel) {
        let prefix = "org-v2:"
        guard model.signature.hasPrefix(prefix), let raw = Int(model.signature.dropFirst(prefix.count)) else { return nil }
        let features = OrganizationFeatures(templates: OrganizationFeatures.Set(rawValue: raw))
        guard let labeller = Labeller(model: model, features: features) else { return nil }
        self.labeller = labeller
    }

    /// Organization names in `source` as the integration should report them: the model's
    /// spans, decided together with the rules by `OrganizationHybrid.decide`. Cleaned offsets.
    public func spans(in source: SourceText) -> [(start: Int, end: Int)] {
        let (m, rules) = marks.analyze(source)
        return OrganizationHybrid.decide(model: modelSpans(in: source, marks: m), rules: rules, source: source)
    }

    /// The model's own spans (cleaned offsets), given the marks of `source`.
    public func modelSpans(in source: SourceText, marks m: [UInt64]) -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)] = []
        var scratch = SequenceScratch()
        source.withScalars { b in
            m.withUnsafeBufferPointer { mb in
                for sentence in OrganizationModel.sentences(b) {
                    labeller.spans(b, marks: mb, range: sentence, scratch: &scratch, into: &out)
                }
            }
        }
        return out
    }

    /// The text cut into sentences: after 。！？ (and closing quotes right after them), and
    /// at line breaks, which are not part of any sentence.
    static func sentences(_ b: UnsafeBufferPointer<Unicode.Scalar>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == "\n" || c == "\r" {
                if i > start { out.append(start ..< i) }
                start = i + 1
            } else if c == "。" || c == "！" || c == "？" || c == "!" || c == "?" {
                var e = i + 1
                while e < n && (b[e] == "”" || b[e] == "’" || b[e] == "」" || b[e] == ")") { e += 1 }
                out.append(start ..< e)
                start = e
                i = e
                continue
            }
            i += 1
        }
        if start < n { out.append(start ..< n) }
        return out
    }
}
