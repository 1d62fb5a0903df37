/// The library entry point: text in, typed records out.
///
///     import Extractor
///     let records = Extractor().extract("共招募志愿者 45018 名")
///     records[0].value?.description   // "45018"
///     records[0].unit                 // "名"
public struct Extractor: Sendable {
    /// Record types to emit. `number` (bare numerals with no unit) is off by default.
    public var types: Set<RecordType>
    /// The date the documents were published, used to resolve dates without a year
    /// and relative words (今天, 去年). A document's own date (JSON Lines `date`) wins.
    public var referenceDate: CivilDate?

    /// Organizations are opt-in for now: they double the work on dense bulletins (see README).
    public static let defaultTypes: Set<RecordType> = [.quantity, .date, .time]

    public init(types: Set<RecordType> = Extractor.defaultTypes, referenceDate: CivilDate? = nil) {
        self.types = types
        self.referenceDate = referenceDate
    }

    /// All records of the selected types in `text`, in document order.
    /// `doc` names the document in each record (a path, a JSON Lines id, or "-");
    /// `date` is the document's publication date, if known.
    public func extract(_ text: String, doc: String = "-", date: CivilDate? = nil) -> [Record] {
        extract(SourceText(text), doc: doc, date: date)
    }

    /// Records from an already prepared source text.
    public func extract(_ source: SourceText, doc: String, date: CivilDate? = nil) -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(source.scalars.count / 40 + 8)
        extract(source, doc: doc, date: date) { records.append($0) }
        return records
    }

    /// Streams the records of `text` to `sink` in document order, without collecting them:
    /// memory stays bounded by the document, not by its records.
    public func extract(_ text: String, doc: String = "-", date: CivilDate? = nil, into sink: (consuming Record) -> Void) {
        extract(SourceText(text), doc: doc, date: date, into: sink)
    }

    /// Streams the records of a prepared source text to `sink` in document order.
    public func extract(_ source: SourceText, doc: String, date: CivilDate? = nil, into sink: (consuming Record) -> Void) {
        let wantsFigures = types.contains(.quantity) || types.contains(.number)
        let wantsTemporal = types.contains(.date) || types.contains(.time)
        // Dates first: figures need them for as_of, and date records are merged in order.
        var temporal: [Record] = []
        var context: FigureContext? = nil
        if wantsTemporal || types.contains(.quantity) {
            let mentions = TemporalRecognizer(source: source).run()
            let documentDate = date ?? referenceDate ?? FigureContext.dateline(mentions, source)
            var resolver = DateResolver(documentDate: documentDate)
            let timex = resolver.resolve(mentions)
            if wantsTemporal {
                temporal.reserveCapacity(mentions.count)
                FigureContext.emitTemporal(mentions, timex: timex, source: source, doc: doc,
                                           types: types, into: &temporal)
            }
            if types.contains(.quantity) { context = FigureContext(source: source, mentions: mentions, timex: timex) }
        }
        if types.contains(.organization) {
            var orgs: [Record] = []
            var hint = 0, lineHint = 0
            for o in OrganizationRecognizer(source: source).run() {
                let (s, e) = source.originalSpan(o.start, o.end, hint: &hint)
                var r = Record(doc: doc, type: .organization, text: source.slice(s, e), start: s, end: e,
                               line: source.line(ofOriginal: s, hint: &lineHint))
                r.name = source.sliceWithoutBreaks(s, e)
                r.category = o.category
                orgs.append(r)
            }
            temporal = Extractor.merged(temporal, orgs)
        }
        guard wantsFigures else { for r in temporal { sink(r) }; return }
        var t = 0
        var scope = 0
        var previousEnd = 0
        QuantityRecognizer(source: source, emitQuantities: types.contains(.quantity),
                           emitNumbers: types.contains(.number), doc: doc).run { (r: consuming Record, span) in
            var r = r
            if r.type == .quantity, let c = context {
                c.annotate(&r, span: span, previousEnd: previousEnd, scope: &scope)
            }
            previousEnd = span.upperBound
            while t < temporal.count && (temporal[t].start, temporal[t].end) < (r.start, r.end) {
                sink(temporal[t]); t += 1
            }
            sink(r)
        }
        while t < temporal.count { sink(temporal[t]); t += 1 }
    }

    /// Two lists in document order merged into one (dates with organizations: short lists).
    static func merged(_ a: [Record], _ b: [Record]) -> [Record] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [Record] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if (b[j].start, b[j].end) < (a[i].start, a[i].end) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

}
