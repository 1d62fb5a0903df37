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

    /// Everything but bare numbers (`number`, which only peer-suite style runs want).
    public static let defaultTypes: Set<RecordType> = [.quantity, .date, .time, .organization]

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
    public func extract(_ text: String, doc: String = "-", date: CivilDate? = nil,
                        into sink: (consuming Record) -> Void) {
        extract(SourceText(text), doc: doc, date: date, into: sink)
    }

    /// Streams the records of a prepared source text to `sink` in document order.
    public func extract(_ source: SourceText, doc: String, date: CivilDate? = nil,
                        into sink: (consuming Record) -> Void) {
        guard source.hasReplacementCharacters else { extractRecords(source, doc: doc, date: date, into: sink); return }
        // Damaged text: records next to an undecodable byte are kept but marked.
        extractRecords(source, doc: doc, date: date) { r in
            var r = r
            if source.touchesReplacement(r.start, r.end) { r.damaged = true }
            sink(r)
        }
    }

    private func extractRecords(_ source: SourceText, doc: String, date: CivilDate?,
                                into sink: (consuming Record) -> Void) {
        let wantsFigures = types.contains(.quantity) || types.contains(.number)
        let wantsTemporal = types.contains(.date) || types.contains(.time)
        // Dates first: figures need them for as_of, and date records are merged in order.
        var temporal: [Record] = []
        var context: FigureContext? = nil
        if wantsTemporal || types.contains(.quantity) {
            let mentions = TemporalRecognizer(source: source).run()
            let documentDate = date ?? referenceDate ?? FigureContext.dateline(mentions, source)
            var resolver = DateResolver(documentDate: documentDate, source: source)
            let timex = resolver.resolve(mentions)
            if wantsTemporal {
                temporal.reserveCapacity(mentions.count)
                FigureContext.emitTemporal(mentions, timex: timex, source: source, doc: doc,
                                           types: types, into: &temporal)
            }
            if types.contains(.quantity) { context = FigureContext(source: source, mentions: mentions, timex: timex) }
        }
        // Organizations stay small structs until their turn comes in the merge below.
        let orgs = types.contains(.organization) ? OrganizationRecognizer(source: source).run() : []
        var o = 0, hint = 0, lineHint = 0
        func orgRecord(_ f: OrganizationRecognizer.Found) -> Record {
            let (s, e) = source.originalSpan(f.start, f.end, hint: &hint)
            let text = source.slice(s, e)
            var r = Record(doc: doc, type: .organization, text: text, start: s, end: e,
                           line: source.line(ofOriginal: s, hint: &lineHint))
            r.name = SourceText.withoutBreaks(text)
            r.category = f.category
            return r
        }
        // Dates and organizations before position (start, end), in document order.
        var t = 0
        var nextOrg: Record? = o < orgs.count ? orgRecord(orgs[0]) : nil
        // Keys apart from the records: comparing them touches no reference counts.
        let temporalKeys = temporal.map { ($0.start, $0.end) }
        var orgKey: (Int, Int)? = nextOrg.map { ($0.start, $0.end) }
        func flush(before key: (Int, Int)?) {
            while true {
                let tk: (Int, Int)? = t < temporalKeys.count ? temporalKeys[t] : nil
                // The earlier of the pending date and organization, if it comes before `key`.
                if let ok = orgKey, tk.map({ ok < $0 }) ?? true {
                    if let key, !(ok < key) { return }
                    if let r = nextOrg.take() { sink(r) }
                    o += 1
                    nextOrg = o < orgs.count ? orgRecord(orgs[o]) : nil
                    orgKey = nextOrg.map { ($0.start, $0.end) }
                } else if let tk {
                    if let key, !(tk < key) { return }
                    sink(temporal[t]); t += 1
                } else {
                    return
                }
            }
        }
        guard wantsFigures else { flush(before: nil); return }
        var scope = 0
        var previousEnd = 0
        QuantityRecognizer(source: source, emitQuantities: types.contains(.quantity),
                           emitNumbers: types.contains(.number), doc: doc).run { (r: consuming Record, span) in
            var r = r
            if r.type == .quantity, let c = context {
                c.annotate(&r, span: span, previousEnd: previousEnd, scope: &scope)
            }
            previousEnd = span.upperBound
            flush(before: (r.start, r.end))
            sink(r)
        }
        flush(before: nil)
    }


}
