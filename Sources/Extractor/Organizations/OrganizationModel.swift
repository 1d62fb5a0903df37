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
    /// The rules' marks, without the distances when the model's templates do not read them.
    let marks: OrganizationMarks

    /// The shipped model, decoded from its base64 text on first use. A model that does not
    /// decode (which the tests rule out) finds nothing rather than stopping the program.
    public static let shared: OrganizationModel = {
        if let model = try? LinearModel(base64: OrganizationModel.weightsBase64),
           let m = OrganizationModel(model: model) { return m }
        let features = OrganizationFeatures()
        let t = features.tagSet.count
        let groups = features.groups.map { LinearModel.Group(reach: $0.reach, keys: $0.keys, bits: 1) }
        let empty = LinearModel(tagCount: t, signature: features.signature, groups: groups,
                                weights: [Int8](repeating: 0, count: LinearModel.weightCount(groups, tags: t)),
                                transitions: [Int32](repeating: 0, count: t * t),
                                firsts: [Int32](repeating: 0, count: t), lasts: [Int32](repeating: 0, count: t))
        return OrganizationModel(model: empty)!
    }()

    /// A model read with the templates its signature names; nil for another template set.
    public init?(model: LinearModel) {
        let prefix = "org-v3:"
        guard model.signature.hasPrefix(prefix), let raw = Int(model.signature.dropFirst(prefix.count)) else {
            return nil
        }
        let features = OrganizationFeatures(templates: OrganizationFeatures.Set(rawValue: raw))
        guard let labeller = Labeller(model: model, features: features) else { return nil }
        self.labeller = labeller
        var marks = OrganizationMarks.shared
        marks.withDistances = features.templates.contains(.distances)
        self.marks = marks
    }

    /// Organization names in `source` as the integration should report them: the model's
    /// spans, decided together with the rules by `OrganizationHybrid.decide`. Cleaned offsets.
    public func spans(in source: SourceText) -> [(start: Int, end: Int)] {
        let (m, rules) = marks.analyze(source)
        let (found, margins) = decode(in: source, marks: m, rules: rules,
                                      measuring: OrganizationHybrid.marginThreshold > 0)
        return OrganizationHybrid.decide(model: found, rules: rules, margins: margins, source: source)
    }

    /// The model's own spans (cleaned offsets), given the marks of `source`.
    public func modelSpans(in source: SourceText, marks m: [UInt64]) -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)] = []
        var scratch = SequenceScratch()
        source.withScalars { b in
            m.withUnsafeBufferPointer { mb in
                for sentence in OrganizationModel.sentences(b, joinedBreaks: source.joinedBreaks) {
                    labeller.spans(b, marks: mb, range: sentence, scratch: &scratch, into: &out)
                }
            }
        }
        return out
    }

    /// A margin not measured (`decode` with `measuring` off): the model did not choose the span.
    public static let unmeasured = Int64.max - 1

    /// The model's spans, and for each rule span how much the model's best path would lose
    /// by marking it instead (0 where the model marks it too; `Int64.max` for a span that
    /// crosses a sentence end, which the model cannot mark; `unmeasured` for the others
    /// when `measuring` is off). Cleaned offsets.
    public func decode(in source: SourceText, marks m: [UInt64], rules: [(start: Int, end: Int)],
                       measuring: Bool = true) -> (model: [(start: Int, end: Int)], margins: [Int64]) {
        var out: [(start: Int, end: Int)] = []
        var margins = [Int64](repeating: Int64.max, count: rules.count)
        var scratch = SequenceScratch()
        let order = rules.indices.sorted { rules[$0].start < rules[$1].start }
        var next = 0
        source.withScalars { b in
            m.withUnsafeBufferPointer { mb in
                for sentence in OrganizationModel.sentences(b, joinedBreaks: source.joinedBreaks) {
                    let first = out.count
                    labeller.spans(b, marks: mb, range: sentence, scratch: &scratch, into: &out)
                    while next < order.count && rules[order[next]].start < sentence.lowerBound { next += 1 }
                    var asked: [Int] = []
                    while next < order.count && rules[order[next]].start < sentence.upperBound {
                        let k = order[next], r = rules[k]
                        next += 1
                        guard r.end <= sentence.upperBound else { continue }
                        if out[first...].contains(where: { $0.start == r.start && $0.end == r.end }) {
                            margins[k] = 0
                        } else {
                            asked.append(k)
                        }
                    }
                    guard !asked.isEmpty else { continue }
                    guard measuring else {
                        for k in asked { margins[k] = OrganizationModel.unmeasured }
                        continue
                    }
                    let lo = sentence.lowerBound
                    let found = labeller.margins(of: asked.map { rules[$0].start - lo ..< rules[$0].end - lo },
                                                 positions: sentence.count, scratch: scratch)
                    for (k, m) in zip(asked, found) { margins[k] = m }
                }
            }
        }
        return (out, margins)
    }

    /// The sentences the model reads `source` in (cleaned offsets).
    public static func sentences(in source: SourceText) -> [Range<Int>] {
        source.withScalars { sentences($0, joinedBreaks: source.joinedBreaks) }
    }

    /// The text cut into sentences: after 。！？ (and closing quotes right after them), and
    /// at line breaks, which are not part of any sentence, including those that cleaning
    /// joined (`joinedBreaks`): the model reads a title and the paragraph after it apart.
    /// (Names broken across lines by PDF extraction are the rules' to join.)
    static func sentences(_ b: UnsafeBufferPointer<Unicode.Scalar>, joinedBreaks: [Int32]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, i = 0
        let n = b.count
        var nextBreak = 0
        // The characters that end a sentence or a line: everything else before the next
        // joined break is passed over in a tight loop (a third of the instructions).
        @inline(__always) func ends(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            return v <= 0x3F ? v == 0x0A || v == 0x0D || v == 0x21 || v == 0x3F
                : v == 0x3002 || v == 0xFF01 || v == 0xFF1F
        }
        while i < n {
            while nextBreak < joinedBreaks.count && Int(joinedBreaks[nextBreak]) < i { nextBreak += 1 }
            let limit = nextBreak < joinedBreaks.count ? min(n, Int(joinedBreaks[nextBreak])) : n
            if i < limit && !ends(b[i]) {
                i += 1
                while i < limit && !ends(b[i]) { i += 1 }
                continue
            }
            let c = b[i]
            if nextBreak < joinedBreaks.count && Int(joinedBreaks[nextBreak]) == i && i > start {
                out.append(start ..< i)
                start = i
            }
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
