import Foundation
import Normalizer

/// Checks the figures of one text against the figures of others (`extract verify`).
///
/// Every quantity stands for an interval implied by how it is written: its precision
/// (4.5 万 → [44 500, 45 500)), its qualifier (1500 多 → [1500, 1600), 逾 2700 万 → above
/// 2700 万, 约 → ± tolerance) and its range. A claim figure is compared with the source
/// figures that have a compatible unit, ranked by how alike their contexts are (the
/// counted object, the words around the figure, the sentence, the as-of date and the
/// organizations named with it). Two figures agree when their intervals meet.
///
///     let v = Verifier()
///     let claim = VerifyDocument(doc: "claim", text: "志愿者达 4.5 万名")
///     let source = VerifyDocument(doc: "source", text: "共招募志愿者 45018 名")
///     v.verify(claims: claim, against: [source])[0].verdict   // .supported
public struct Verifier: Sendable {
    /// Relative tolerance of approximate figures (约, 左右) and of 近: 0.05 is ±5%.
    ///
    ///     Verifier(tolerance: Decimal(string: "0.1") ?? 0)   // 约 3 万 then stands for [27000, 33000]
    public var tolerance: Decimal
    /// The extractor that finds the figures, dates and organizations of claims and sources.
    ///
    ///     Verifier(extractor: Extractor(referenceDate: CivilDate("2022-03-18")))
    public var extractor: Extractor

    /// A verifier with the tolerance of approximate figures (±5% by default) and the extractor
    /// that reads the texts. It holds no state between calls.
    ///
    ///     let verifier = Verifier()
    public init(tolerance: Decimal = Decimal(string: "0.05") ?? 0, extractor: Extractor = Extractor()) {
        self.tolerance = tolerance
        self.extractor = extractor
    }

    /// What the sources say about a claim figure: a source figure about the same thing agrees
    /// (`supported`), one disagrees (`contradicted`), or none is about it (`unsupported`).
    ///
    ///     Verifier.Verdict.contradicted.rawValue   // "contradicted", as `extract verify` writes it
    public enum Verdict: String, Sendable {
        case supported, contradicted, unsupported
    }

    /// The verdict on one claim figure, the source figure it rests on, and why.
    ///
    ///     let f = Verifier().verify(claims: VerifyDocument(doc: "claim", text: "共招募志愿者 4.6 万名"),
    ///                               against: [VerifyDocument(doc: "source", text: "共招募志愿者 45018 名")])[0]
    ///     f.verdict          // .contradicted
    ///     f.source?.text     // "45018 名"
    ///     f.sourceSentence   // "共招募志愿者 45018 名"
    public struct Finding: Sendable {
        /// The claim figure (a quantity record of the claim document).
        public var claim: Record
        /// Supported, contradicted or unsupported.
        public var verdict: Verdict
        /// The source figure the verdict rests on (nil when unsupported).
        public var source: Record?
        /// Why, with the intervals compared and the context match score: "claim 46000 名 = [45500, 46500)
        /// but the source says 45018 名 = [45018, 45018] (context match 1.09)".
        public var reason: String
        /// The sentence of the claim figure, as written (for reports).
        public var claimSentence: String
        /// The sentence of the source figure, as written; nil when there is none.
        public var sourceSentence: String?
    }

    /// Scores below these are "about something else".
    static let supportFloor = 0.25
    static let contradictFloor = 0.45
    /// Within one document, two statements of one thing must look more alike.
    static let sameDocumentContradictFloor = 0.6

    /// Each claim quantity against the sources' quantities.
    ///
    ///     let claim = VerifyDocument(doc: "claim", text: "志愿者达 4.5 万名")
    ///     Verifier().verify(claims: claim, against: [VerifyDocument(doc: "source", text: "共招募志愿者 45018 名")])
    ///         .map(\.verdict)   // [.supported]: 4.5 万 is [44500, 45500)
    public func verify(claims: VerifyDocument, against sources: [VerifyDocument]) -> [Finding] {
        verify(claims: [claims], against: sources)[0]
    }

    /// Several claim documents against the same sources (extracted once): findings per claim document.
    ///
    ///     let source = VerifyDocument(doc: "s", text: "共招募志愿者 45018 名")
    ///     Verifier().verify(claims: [VerifyDocument(doc: "a", text: "志愿者 4.5 万名"),
    ///                                VerifyDocument(doc: "b", text: "志愿者 4.6 万名")], against: [source])
    ///     // [[.supported], [.contradicted]] as verdicts
    public func verify(claims: [VerifyDocument], against sources: [VerifyDocument]) -> [[Finding]] {
        let pool = Pool(sources.flatMap { figures(in: $0) })
        return claims.map { figures(in: $0).map { judge($0, in: pool, contradictFloor: Self.contradictFloor) } }
    }

    /// Figures of one document against the other figures of the same document (a headline
    /// against its body).
    /// A body counts the same noun for many subjects, so only a headline and the body are
    /// held to each other: a body figure can be supported by another, but contradicted
    /// only by (or against) a headline figure.
    ///
    ///     let bulletin = VerifyDocument(doc: "b", text: "招募志愿者 4.6 万名\n全市共招募志愿者 45018 名，服务 1200 小时。")
    ///     Verifier().verifyWithin(bulletin).map(\.verdict)   // [.contradicted, .contradicted, .unsupported]
    public func verifyWithin(_ document: VerifyDocument) -> [Finding] {
        let pool = Pool(figures(in: document))
        return pool.figures.enumerated().map { (k, f) in
            // Not against itself, nor against figures of its own sentence (a list of different things).
            judge(f, in: pool, contradictFloor: Self.sameDocumentContradictFloor,
                  include: { $0 != k && pool.figures[$0].sentence != f.sentence },
                  mayContradict: { f.inHeadline || $0.inHeadline })
        }
    }

    /// Source figures indexed by unit family and context bigram, so that a claim is scored
    /// against the figures that share words with it (or its value), not against all of them.
    struct Pool {
        let figures: [Figure]
        var postings: [String: [UInt64: [Int]]] = [:]
        var byValue: [String: [ExactNumber: [Int]]] = [:]
        /// Bigrams shared by more figures than this say nothing about which one is meant.
        static let commonBigram = 1000
        /// At most this many candidates per claim, those sharing the most bigrams.
        static let maxCandidates = 200

        init(_ figures: [Figure]) {
            self.figures = figures
            for (k, f) in figures.enumerated() {
                for bg in Set(f.near).union(f.sentenceWords) {
                    postings[f.family, default: [:]][bg, default: []].append(k)
                }
                if let v = f.record.value { byValue[f.family, default: [:]][v, default: []].append(k) }
            }
        }

        func candidates(for c: Figure) -> [Int] {
            var counts: [Int: Int] = [:]
            if let family = postings[c.family] {
                for bg in Set(c.near).union(c.sentenceWords) {
                    guard let list = family[bg], list.count <= Self.commonBigram else { continue }
                    for k in list { counts[k, default: 0] += 1 }
                }
            }
            if let v = c.record.value, let list = byValue[c.family]?[v], list.count <= Self.commonBigram {
                for k in list { counts[k, default: 0] += 1 }
            }
            if counts.count <= Self.maxCandidates { return counts.keys.sorted() }
            return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(Self.maxCandidates).map(\.key).sorted()
        }
    }

    // MARK: - Figures with their intervals and contexts

    struct Figure {
        var record: Record
        var family: String
        var low: Decimal?          // nil: open below
        var high: Decimal?         // nil: open above
        var lowClosed = true
        var highClosed = false
        /// Sorted, distinct bigrams (sorted arrays intersect by merging: no hashing).
        var near: [UInt64]
        /// The last two content characters before the figure (完工 in 已完工 367 个).
        var lead: [UInt32]
        /// The content characters around the figure, as text (for the counted object).
        var nearText: [UInt32]
        /// The counted object without spaces or breaks.
        var object: [UInt32]
        var sentenceWords: [UInt64]
        var sentence: Range<Int>
        var sentenceText: String
        var organizations: Set<String>
        /// The years named in the sentence (from its dates' TIMEX3 values).
        var years: Set<Substring>
        /// The precision of the written figure (4.5 万 → 1000).
        var step: Decimal = 1
        /// The unit's factor to its family's base (小时 → 3600 seconds), for reports.
        var factor: Decimal = 1
        /// On a short line without sentence punctuation: a headline or a title.
        var inHeadline: Bool
    }

    func figures(in d: VerifyDocument) -> [Figure] {
        let records = extractor.extract(d.source, doc: d.doc, date: d.date)
        let scalars = d.scalars
        var covered = [Bool](repeating: false, count: scalars.count)
        for r in records where r.type != .organization {
            var k = max(0, r.start)
            while k < min(r.end, scalars.count) { covered[k] = true; k += 1 }
        }
        // Records come in document order: those of a sentence are found by binary search.
        let orgs = records.filter { $0.type == .organization }
        let dates = records.filter { $0.type == .date || $0.type == .time }
        func within(_ list: [Record], _ span: Range<Int>) -> ArraySlice<Record> {
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid].start < span.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < list.count && list[end].start < span.upperBound { end += 1 }
            return list[lo..<end]
        }
        var out: [Figure] = []
        for r in records where r.type == .quantity {
            guard let value = r.value?.decimal, let unit = r.unit else { continue }
            let (family, factor) = Self.family(of: r)
            let sentence = Self.span(around: r.start, r.end, in: scalars, ends: VerifyTable.sentenceEnds)
            let clause = Self.span(around: r.start, r.end, in: scalars, ends: VerifyTable.clauseOrSentenceEnds)
            // The words right before the figure in its sentence, and its counted object after
            // it in its clause.
            let nearRange = max(sentence.lowerBound, r.start - 12)..<min(clause.upperBound, r.end + 8)
            let leadRange = max(clause.lowerBound, r.start - 6)..<r.start
            var figure = Figure(record: r, family: family, low: nil, high: nil,
                                near: Self.bigrams(scalars, nearRange, covered, keepStops: true),
                                lead: Self.content(scalars, leadRange, covered).unicodeScalars.suffix(2).map(\.value),
                                nearText: Self.content(scalars, nearRange, covered).unicodeScalars.map(\.value),
                                object: (r.object.map(Self.compact) ?? "").unicodeScalars.map(\.value),
                                sentenceWords: Self.bigrams(scalars, sentence, covered),
                                sentence: sentence,
                                sentenceText: String(String.UnicodeScalarView(scalars[sentence])),
                                organizations: Set(within(orgs, sentence).compactMap(\.name)),
                                years: Set(within(dates, sentence).compactMap(\.timex)
                                    .map { $0.prefix(4) }.filter { $0.allSatisfy(\.isNumber) }),
                                inHeadline: Self.isHeadline(scalars, around: r.start))
            interval(for: r, value: value, unit: unit, scalars: scalars, into: &figure)
            if let l = figure.low { figure.low = Self.rounded(l * factor) }
            if let h = figure.high { figure.high = Self.rounded(h * factor) }
            figure.step *= factor
            figure.factor = factor
            out.append(figure)
        }
        return out
    }

    /// The unit family and the factor to its base unit (元 and 万元 are one unit already).
    static func family(of r: Record) -> (String, Decimal) {
        let unit = r.unit ?? ""
        if let c = r.currency { return ("currency:" + c, 1) }
        if let (f, factor) = VerifyTable.conversions[unit] { return (f, factor) }
        return ((r.dimension ?? "") + ":" + unit, 1)
    }

    /// The interval a written figure stands for.
    func interval(for r: Record, value: Decimal, unit: String, scalars: [Unicode.Scalar], into f: inout Figure) {
        let (step, more) = Self.written(r)
        let half = step / 2
        f.step = step
        let low = r.low?.decimal ?? value, high = r.high?.decimal ?? value
        let before = Self.text(scalars, max(0, r.start - 4)..<r.start)
        let after = Self.text(scalars, r.end..<min(scalars.count, r.end + 3))
        let magnitude = Swift.max(abs(low), abs(high))
        switch r.qualifier ?? .exact {
        case .exact:
            let discrete = r.dimension == "count" || r.dimension == "currency"
            if discrete && step <= 1 && low == high && r.value?.isInteger == true {
                f.low = low; f.high = high; f.highClosed = true     // 45018: exactly 45018
            } else {
                f.low = low - half; f.high = high + half
            }
        case .approx:
            let t = magnitude * tolerance
            f.low = Swift.min(low - half, low - t); f.high = Swift.max(high + half, high + t)
            f.highClosed = true
        case .over:
            f.low = low
            let suffixMore = r.text.unicodeScalars.contains { VerifyTable.moreSuffixes.contains($0) }
            let open = VerifyTable.openAbove.contains { before.hasSuffix($0) || ($0 == "以上" && after.hasPrefix($0)) }
            f.high = suffixMore && !open ? high + more : nil
        case .under:
            let open = VerifyTable.openBelow.contains { before.hasSuffix($0) || after.hasPrefix($0) }
            // 不足/不到 6000 is below 6000; 以下 includes it; 近 6000 is within the tolerance below.
            f.high = high; f.highClosed = !open || after.hasPrefix("以下")
            f.low = open ? nil : low - magnitude * tolerance
        case .atLeast:
            f.low = low; f.high = nil
        case .atMost:
            f.low = nil; f.high = high; f.highClosed = true
        }
    }

    /// How a figure is written: its precision, and what 余/多 add to it. 1500 多 and 二十余万
    /// add up to the place of the last non-zero digit (1500–1600, 20–30 万); 20 万余 and
    /// 52.5 万余 add up to their precision (20–21 万, 52.5–52.6 万).
    static func written(_ r: Record) -> (step: Decimal, more: Decimal) {
        let scalars = Array(r.text.unicodeScalars)
        let lastNonZero = power(of: r.value?.exponent ?? 0)
        var k = 0
        // 百分之三十七点五, 千分之三: the numeral starts after the fraction word.
        if scalars.count > 3, scalars[1] == "分", scalars[2] == "之", scalars[0] == "百" || scalars[0] == "千" { k = 3 }
        while k < scalars.count && !isArabicDigit(scalars[k]) {
            if NumeralTable.role(scalars[k].value) != nil { break }
            k += 1
        }
        guard k < scalars.count, isArabicDigit(scalars[k]) else {
            // Chinese numerals are written out in full (三百二十 is 320, not about 320); only a
            // closing 万 or 亿 sets a coarser precision (三千五百万 → 10 000).
            var magnitude: Decimal = 1
            var j = k
            while j < scalars.count,
                  NumeralTable.role(scalars[j].value) != nil || "余多几来点點".unicodeScalars.contains(scalars[j]) {
                j += 1
            }
            var m = j - 1
            while m >= k {
                let c = scalars[m]
                if c == "万" || c == "萬" { magnitude *= 10000 } else if c == "亿" || c == "億" { magnitude *= 100_000_000 }
                else if !"余多几来".unicodeScalars.contains(c) { break }
                m -= 1
            }
            // 百分之三十七点五, 三点一五亿: digits after 点 set the precision.
            var decimals = 0, afterPoint = false
            for c in scalars[k..<j] {
                if c == "点" || c == "點" { afterPoint = true; continue }
                if afterPoint, case .digit? = NumeralTable.role(c.value) { decimals += 1 } else if afterPoint { break }
            }
            return (magnitude * power(of: Int32(-decimals)), lastNonZero)
        }
        var decimals = 0, afterPoint = false
        var digits: [UInt32] = []
        while k < scalars.count {
            let c = scalars[k]
            if isArabicDigit(c) {
                if afterPoint { decimals += 1 }
                let zero: Unicode.Scalar = c >= "０" ? "０" : "0"
                digits.append(c.value - zero.value)
            } else if c == "." || c == "．" { afterPoint = true }
            else if c != "," && c != "，" { break }
            k += 1
        }
        // The place of the last non-zero digit, as a power of ten of the written digits.
        var trailing = 0
        for d in digits.reversed() { if d == 0 { trailing += 1 } else { break } }
        var magnitude: Decimal = 1
        var moreBeforeMagnitude: Bool? = nil
        scan: while k < scalars.count {
            switch scalars[k] {
            case " ", "\u{3000}": break
            case "余", "多", "几", "来": moreBeforeMagnitude = magnitude == 1
            case "十", "拾": magnitude *= 10
            case "百", "佰": magnitude *= 100
            case "千", "仟": magnitude *= 1000
            case "万", "萬": magnitude *= 10000
            case "亿", "億": magnitude *= 100_000_000
            default: break scan
            }
            k += 1
        }
        // 42.7 千米: 千 begins the unit, not a magnitude. The magnitude is what takes the
        // written digits to the value.
        var written: Decimal = 0
        for d in digits { written = written * 10 + Decimal(Int(d)) }
        written *= power(of: Int32(-decimals))
        if let v = (r.low ?? r.value)?.decimal, written != 0 {
            let ratio = abs(v) / written
            let powers: [Decimal] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000, 100_000_000,
                                     Decimal(string: "1000000000000") ?? 1]
            if powers.contains(ratio) {
                magnitude = ratio
            } else {
                // 4万5, 1 个半小时: more is written than the leading digits; the value's last
                // significant digit sets the precision.
                let p = power(of: (r.low ?? r.value)?.exponent ?? 0)
                return (p, p)
            }
        }
        let step = power(of: Int32(-decimals)) * magnitude
        let digitPlace = power(of: Int32(trailing - decimals)) * magnitude
        return (step, moreBeforeMagnitude == false ? step : digitPlace)
    }

    /// 0–9 or ０–９ (the verifier reads the original text, where full-width digits are not folded).
    static func isArabicDigit(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || ("０"..."９").contains(c)
    }

    static func power(of e: Int32) -> Decimal {
        Decimal(sign: .plus, exponent: Int(e), significand: 1)
    }
}

/// A document to verify or to verify against: its name, text and publication date.
///
///     VerifyDocument(doc: "claim.txt", text: "志愿者达 4.5 万名", date: CivilDate("2022-03-18"))
public struct VerifyDocument: Sendable {
    /// The document's name, as the records of its figures carry it.
    public var doc: String
    /// The text, prepared for extraction.
    public var source: SourceText
    /// The publication date, against which its dates without a year are resolved.
    public var date: CivilDate?
    /// The original text's scalars (offsets in records index these).
    let scalars: [Unicode.Scalar]

    /// A document from its text.
    ///
    ///     VerifyDocument(doc: "source", text: "共招募志愿者 45018 名")
    public init(doc: String, text: String, date: CivilDate? = nil) {
        self.init(doc: doc, source: SourceText(text), text: text, date: date)
    }

    /// A document whose text is already prepared (decoded once): `source` and its `text` (`source.original`).
    ///
    ///     let source = SourceText(utf8: bytes)
    ///     VerifyDocument(doc: "a.txt", source: source, text: source.original)
    public init(doc: String, source: SourceText, text: String, date: CivilDate? = nil) {
        self.doc = doc
        self.source = source
        self.date = date
        self.scalars = Array(text.unicodeScalars)
    }
}
