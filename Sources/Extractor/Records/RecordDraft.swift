import Normalizer

/// A record before its strings are made: the mention's text (and an organization's name,
/// a quantity's object) stay spans of the original text, read only when the record is
/// written (`JSONLineWriter.append(_:_:to:)`) or becomes a `Record` (`Record(_:in:)`).
/// No allocation per mention: the text of 200,000 records is never copied into Strings
/// on the way to JSON Lines.
///
/// Offsets and line are in the piece until `DraftContext` moves them into the document.
/// The other string fields hold strings that already exist (tables, TIMEX3 values).
struct RecordDraft {
    var type: RecordType
    /// Original scalar offsets of the mention in its piece, and its 1-based line there.
    var start: Int
    var end: Int
    var line: Int
    var value: ExactNumber? = nil
    var low: ExactNumber? = nil
    var high: ExactNumber? = nil
    var unit: String? = nil
    var dimension: String? = nil
    var currency: String? = nil
    var qualifier: Qualifier? = nil
    /// Original scalar span of the object (written without line breaks); start < 0: none.
    var objectStart = -1
    var objectEnd = -1
    var timex: String? = nil
    var asOf: String? = nil
    var cumulative: Bool? = nil
    /// Organizations: their category (their `name` is the text without line breaks).
    var category: String? = nil
    var damaged: Bool? = nil

    init(type: RecordType, start: Int, end: Int, line: Int) {
        self.type = type
        self.start = start
        self.end = end
        self.line = line
    }

    var hasObject: Bool { objectStart >= 0 }
}

/// What turns the drafts of one piece into records: its source text, its document and
/// where the piece stands in the document.
struct DraftContext {
    let source: SourceText
    let doc: String
    /// Original scalars and lines of the document before the piece.
    let scalarOffset: Int
    let lineOffset: Int
}

extension Record {
    /// The record of a draft: its strings made, its offsets and line in the whole document.
    init(_ d: borrowing RecordDraft, in c: DraftContext) {
        let text = c.source.slice(d.start, d.end)
        self.init(doc: c.doc, type: d.type, text: text, start: d.start + c.scalarOffset,
                  end: d.end + c.scalarOffset, line: d.line + c.lineOffset)
        value = d.value
        unit = d.unit
        dimension = d.dimension
        qualifier = d.qualifier
        currency = d.currency
        low = d.low
        high = d.high
        if d.hasObject { object = c.source.sliceWithoutBreaks(d.objectStart, d.objectEnd) }
        timex = d.timex
        asOf = d.asOf
        cumulative = d.cumulative
        if d.type == .organization { name = SourceText.withoutBreaks(text) }
        category = d.category
        damaged = d.damaged
    }
}
