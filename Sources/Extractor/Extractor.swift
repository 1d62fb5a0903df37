/// The library entry point: text in, typed records out.
///
///     import Extractor
///     let records = Extractor().extract("共招募志愿者 45018 名")
///     records[0].value?.description   // "45018"
///     records[0].unit                 // "名"
public struct Extractor: Sendable {
    /// Record types to emit. `number` (bare numerals with no unit) is off by default.
    public var types: Set<RecordType>

    public static let defaultTypes: Set<RecordType> = [.quantity, .date, .time, .organization]

    public init(types: Set<RecordType> = Extractor.defaultTypes) {
        self.types = types
    }

    /// All records of the selected types in `text`, in document order.
    /// `doc` names the document in each record (a path, a JSON Lines id, or "-").
    public func extract(_ text: String, doc: String = "-") -> [Record] {
        let source = SourceText(text)
        return extract(source, doc: doc)
    }

    /// Records from an already prepared source text.
    public func extract(_ source: SourceText, doc: String) -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(source.scalars.count / 64 + 8)
        if types.contains(.quantity) || types.contains(.number) {
            QuantityRecognizer(source: source, emitQuantities: types.contains(.quantity),
                               emitNumbers: types.contains(.number), doc: doc).run(into: &records)
        }
        records.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return records
    }
}
