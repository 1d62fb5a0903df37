import Normalizer

/// A record before its strings are made: the mention's text (and an organization's name,
/// a quantity's object) stay spans of the original text, read only when the record is
/// written (`JSONLineWriter.append(_:_:to:)`) or becomes a `Record` (`Record(_:in:)`).
/// No allocation per mention: the text of 200,000 records is never copied into Strings
/// on the way to JSON Lines.
///
/// Offsets and line are in the piece until `DraftContext` moves them into the document.
/// The other strings are referred to where they already are (the unit's table entry, the
/// piece's TIMEX3 values and organizations): a draft holds two references at most, so
/// copying one costs little.
struct RecordDraft {
    var type: RecordType
    /// Original scalar offsets of the mention in its piece, and its 1-based line there.
    var start: Int
    var end: Int
    var line: Int
    var value: ExactNumber? = nil
    var low: ExactNumber? = nil
    var high: ExactNumber? = nil
    /// Quantities: the unit's table entry (unit and dimension). Numbers have none (unit "").
    var unitEntry: UnitEntry? = nil
    /// 度 of electricity: the dimension is energy, not the entry's temperature.
    var energy = false
    var currency: String? = nil
    var qualifier: Qualifier? = nil
    /// Original scalar span of the object (written without line breaks); start < 0: none.
    var objectStart = -1
    var objectEnd = -1
    /// Dates and times: the index of their TIMEX3 value among the piece's (`DraftContext.timex`);
    /// quantities in an as-of scope: the index of that date's. -1: none.
    var timex: Int32 = -1
    var asOf: Int32 = -1
    var cumulative: Bool? = nil
    /// Organizations: their index among the piece's (`DraftContext.organizations`), which
    /// gives the category; their `name` is the text without line breaks. -1: none.
    var organization: Int32 = -1
    var damaged: Bool? = nil

    init(type: RecordType, start: Int, end: Int, line: Int) {
        self.type = type
        self.start = start
        self.end = end
        self.line = line
    }

    var hasObject: Bool { objectStart >= 0 }

    /// The record's unit: the entry's, "" for a number, nil for the other types.
    var unit: String? { unitEntry?.unit ?? (type == .number ? "" : nil) }
    /// The record's dimension.
    var dimension: String? { unitEntry.map { energy ? "energy" : $0.dimension } }
}

/// What turns the drafts of one piece into records: its source text, its document and
/// where the piece stands in the document.
struct DraftContext {
    let source: SourceText
    let doc: String
    /// Original scalars and lines of the document before the piece.
    let scalarOffset: Int
    let lineOffset: Int
    /// The piece's TIMEX3 values and organizations, which drafts refer to by index.
    let timex: [String]
    let organizations: [OrganizationRecognizer.Found]
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
        if d.timex >= 0 { timex = c.timex[Int(d.timex)] }
        if d.asOf >= 0 { asOf = c.timex[Int(d.asOf)] }
        cumulative = d.cumulative
        if d.type == .organization { name = SourceText.withoutBreaks(text) }
        if d.organization >= 0 {
            category = c.organizations[Int(d.organization)].category
            full = c.organizations[Int(d.organization)].full
        }
        damaged = d.damaged
    }
}
