/// The library entry point: text in, typed records out.
///
///     import Extractor
///     let records = Extractor().extract("共招募志愿者 45018 名")
///     records[0].value?.description   // "45018"
///     records[0].unit                 // "名"
public struct Extractor: Sendable {
    /// Record types to emit. `number` (bare numerals with no unit) is off by default.
    ///
    ///     Extractor(types: [.quantity]).extract("3 月 11 日捐款 15 万元").map(\.text)   // ["15 万元"]
    public var types: Set<RecordType>
    /// The date the documents were published, used to resolve dates without a year
    /// and relative words (今天, 去年). A document's own date (JSON Lines `date`) wins.
    ///
    ///     Extractor(referenceDate: CivilDate("2022-03-18")).extract("3 月 11 日")[0].timex   // "2022-03-11"
    ///     Extractor().extract("3 月 11 日")[0].timex                                          // "XXXX-03-11"
    public var referenceDate: CivilDate?

    /// Everything but bare numbers (`number`, which only peer-suite style runs want).
    ///
    ///     Extractor(types: Extractor.defaultTypes.union([.number]))   // bare numerals too
    public static let defaultTypes: Set<RecordType> = [.quantity, .date, .time, .organization]

    /// An extractor of `types` (all but `number` by default) that resolves dates against
    /// `referenceDate` when a document brings no date of its own. It holds no state between
    /// calls: one extractor serves any number of documents, on any number of threads.
    ///
    ///     let extractor = Extractor(types: [.quantity, .date], referenceDate: CivilDate("2022-03-18"))
    public init(types: Set<RecordType> = Extractor.defaultTypes, referenceDate: CivilDate? = nil) {
        self.types = types
        self.referenceDate = referenceDate
    }

    /// All records of the selected types in `text`, in document order.
    /// `doc` names the document in each record (a path, a JSON Lines id, or "-");
    /// `date` is the document's publication date, if known.
    ///
    ///     let records = Extractor().extract("截至 3 月 11 日，累计捐款约 3.15 亿元", doc: "note")
    ///     records.map(\.type)        // [.date, .quantity]
    ///     records[1].value           // 315000000
    ///     records[1].qualifier       // .approx
    ///     records[1].asOf            // "XXXX-03-11"
    public func extract(_ text: String, doc: String = "-", date: CivilDate? = nil) -> [Record] {
        extract(SourceText(text), doc: doc, date: date)
    }

    /// Records from an already prepared source text (bytes decoded once, by `SourceText`).
    ///
    ///     let source = SourceText(utf8: Array("共 3 人".utf8))
    ///     Extractor().extract(source, doc: "a.txt")[0].text   // "3 人"
    public func extract(_ source: SourceText, doc: String, date: CivilDate? = nil) -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(source.scalars.count / 40 + 8)
        extract(source, doc: doc, date: date) { records.append($0) }
        return records
    }

    /// Streams the records of `text` to `sink` in document order, without collecting them:
    /// memory stays bounded by the document, not by its records.
    ///
    ///     Extractor().extract("捐款 30 万元", doc: "x") { record in print(record.text) }   // 30 万元
    public func extract(_ text: String, doc: String = "-", date: CivilDate? = nil,
                        into sink: (consuming Record) -> Void) {
        extract(SourceText(text), doc: doc, date: date, into: sink)
    }

    /// Streams the records of a prepared source text to `sink` in document order.
    ///
    ///     var count = 0
    ///     Extractor().extract(SourceText("共 3 人，5 万元"), doc: "x") { _ in count += 1 }   // count == 2
    public func extract(_ source: SourceText, doc: String, date: CivilDate? = nil,
                        into sink: (consuming Record) -> Void) {
        var state = DocumentState(date: date)
        let piece = resolve(recognize(source, doc: doc), state: &state)
        records(of: piece, into: sink)
    }

    /// Appends the records of a prepared source text to `bytes` as JSON Lines, and returns how
    /// many: the same bytes as `JSONLineWriter.append` and a newline for each record of
    /// `extract(_:doc:date:)`, without making the records or their strings.
    ///
    ///     var bytes: [UInt8] = []
    ///     Extractor().appendJSONLines(SourceText("共 3 人"), doc: "x", to: &bytes)   // 1: {"doc":"x",…}
    @discardableResult
    public func appendJSONLines(_ source: SourceText, doc: String, date: CivilDate? = nil,
                                to bytes: inout [UInt8]) -> Int {
        var state = DocumentState(date: date)
        let piece = resolve(recognize(source, doc: doc), state: &state)
        return appendJSONLines(of: piece, to: &bytes)
    }
}
