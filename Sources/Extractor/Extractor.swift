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
        var state = DocumentState(date: date)
        let piece = resolve(recognize(source, doc: doc), state: &state)
        records(of: piece, into: sink)
    }
}
