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
        records.reserveCapacity(source.scalars.count / 64 + 8)
        let wantsFigures = types.contains(.quantity) || types.contains(.number)
        let wantsTemporal = types.contains(.date) || types.contains(.time)
        var figureSpans: [Range<Int>] = []
        if wantsFigures {
            QuantityRecognizer(source: source, emitQuantities: types.contains(.quantity),
                               emitNumbers: types.contains(.number), doc: doc).run(into: &records, spans: &figureSpans)
        }
        if wantsTemporal || types.contains(.quantity) {
            let mentions = TemporalRecognizer(source: source).run()
            let documentDate = date ?? referenceDate ?? FigureContext.dateline(mentions, source)
            var resolver = DateResolver(documentDate: documentDate)
            let timex = resolver.resolve(mentions)
            if types.contains(.quantity) {
                FigureContext(source: source, mentions: mentions, timex: timex)
                    .annotate(&records, spans: figureSpans)
            }
            if wantsTemporal {
                FigureContext.emitTemporal(mentions, timex: timex, source: source, doc: doc,
                                           types: types, into: &records)
            }
        }
        records.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return records
    }
}
