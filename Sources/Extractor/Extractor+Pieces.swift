/// A long document extracted piece by piece: the pieces are cut where nothing crosses
/// (`DocumentChunker`), recognized independently (in parallel, if the caller likes),
/// resolved in document order (the only step that carries state from one piece to the
/// next: the document date and the year, month and day last written), and turned into
/// records with offsets and lines in the whole document. The records are the same as
/// extracting the whole document at once; `extract(_:doc:date:into:)` is these three
/// steps on one piece.
///
///     var state = Extractor.DocumentState()
///     for text in pieces {                       // in document order
///         let piece = extractor.resolve(extractor.recognize(SourceText(text), doc: "d"), state: &state)
///         extractor.records(of: piece) { print($0.text, $0.start) }
///     }
extension Extractor {
    /// A piece of a document, recognized: its mentions, before any date is resolved.
    ///
    ///     let piece = Extractor().recognize(SourceText("共 3 人"), doc: "d")   // then resolve(_:state:)
    public struct RecognizedPiece: @unchecked Sendable {   // read-only after recognition
        let source: SourceText
        let doc: String
        let mentions: [TemporalMention]
        let organizations: [OrganizationRecognizer.Found]
        /// Figures with their cleaned spans, as and/or-context annotation needs them.
        let figures: [(record: Record, span: Range<Int>)]

        /// True when the piece's UTF-8 held invalid bytes (replaced with U+FFFD).
        ///
        ///     Extractor().recognize(SourceText(utf8: [0x33, 0xFF]), doc: "d").hasInvalidBytes   // true
        public var hasInvalidBytes: Bool { source.firstInvalidByte != nil }
    }

    /// A piece with its dates resolved, and where it stands in its document.
    ///
    ///     var state = Extractor.DocumentState()
    ///     let piece = extractor.resolve(extractor.recognize(SourceText("共 3 人\n"), doc: "d"), state: &state)
    ///     piece.scalarOffset   // 0: the first piece
    public struct ResolvedPiece: @unchecked Sendable {
        let piece: RecognizedPiece
        let timex: [String]
        /// Original Unicode scalars and lines of the document before this piece.
        public let scalarOffset: Int
        /// Lines of the document before this piece (its records' `line` counts from there).
        public let lineOffset: Int

        /// About how many bytes its records take as JSON lines (to reserve room once).
        ///
        ///     var bytes: [UInt8] = []
        ///     bytes.reserveCapacity(piece.byteCountEstimate)
        public var byteCountEstimate: Int {
            (piece.figures.count + piece.mentions.count + piece.organizations.count) * 240
        }
    }

    /// What the later pieces of a document need from the earlier ones.
    ///
    ///     var state = Extractor.DocumentState(date: CivilDate("2022-03-18"))
    ///     // pass it to resolve(_:state:) for each piece of one document, in order
    public struct DocumentState: Sendable {
        /// The document's publication date, when given (JSON Lines `date`).
        ///
        ///     Extractor.DocumentState(date: CivilDate("2022-03-18")).date   // 2022-03-18
        public let date: CivilDate?
        var documentDate: CivilDate?
        var resolver: DateResolver?
        /// Original scalars and lines of the pieces resolved so far.
        ///
        ///     state.scalarOffset   // 0 before the first piece
        public private(set) var scalarOffset = 0
        public private(set) var lineOffset = 0

        /// The state before the first piece of a document published on `date` (nil: the extractor's
        /// reference date, else a dateline in the document).
        ///
        ///     var state = Extractor.DocumentState()
        public init(date: CivilDate? = nil) { self.date = date }

        mutating func advance(over source: SourceText) {
            scalarOffset += source.originalCount
            lineOffset += source.lineBreakCount
        }
    }

    /// Recognizes the mentions of one piece: everything that needs no other piece.
    ///
    ///     let extractor = Extractor()
    ///     let pieces = ["截至 3 月 11 日，共 3 人。\n", "累计捐款 3.15 亿元。\n"].map {
    ///         extractor.recognize(SourceText($0), doc: "d")    // independent: on any thread
    ///     }
    public func recognize(_ source: SourceText, doc: String) -> RecognizedPiece {
        let wantsTemporal = types.contains(.date) || types.contains(.time)
        let mentions = wantsTemporal || types.contains(.quantity) ? TemporalRecognizer(source: source).run() : []
        let organizations = types.contains(.organization) ? OrganizationModel.shared.names(in: source) : []
        var figures: [(record: Record, span: Range<Int>)] = []
        if types.contains(.quantity) || types.contains(.number) {
            QuantityRecognizer(source: source, emitQuantities: types.contains(.quantity),
                               emitNumbers: types.contains(.number), doc: doc).run { r, span in
                figures.append((r, span))
            }
        }
        return RecognizedPiece(source: source, doc: doc, mentions: mentions, organizations: organizations,
                               figures: figures)
    }

    /// Resolves the dates of the next piece of a document, in document order. The first
    /// piece decides the document date: the given one, the extractor's reference date, or
    /// a dateline in the document's first three lines.
    ///
    ///     var state = Extractor.DocumentState(date: CivilDate("2022-03-18"))
    ///     let resolved = pieces.map { extractor.resolve($0, state: &state) }   // in document order
    public func resolve(_ piece: RecognizedPiece, state: inout DocumentState) -> ResolvedPiece {
        if state.resolver == nil {
            state.documentDate = state.date ?? referenceDate ?? FigureContext.dateline(piece.mentions, piece.source)
            state.resolver = DateResolver(documentDate: state.documentDate)
        }
        let timex = state.resolver?.resolve(piece.mentions, in: piece.source) ?? []
        let resolved = ResolvedPiece(piece: piece, timex: timex, scalarOffset: state.scalarOffset,
                                     lineOffset: state.lineOffset)
        state.advance(over: piece.source)
        return resolved
    }

    /// The records of a resolved piece, in document order, with offsets and lines in the
    /// whole document. Records next to undecodable bytes are marked `damaged`.
    ///
    ///     for piece in resolved {
    ///         extractor.records(of: piece) { r in print(r.text, r.start) }
    ///     }
    ///     // 3 月 11 日 3, 3 人 14, 3.15 亿元 24: offsets (and lines) in the whole document
    public func records(of resolved: ResolvedPiece, into sink: (consuming Record) -> Void) {
        let piece = resolved.piece
        let source = piece.source, doc = piece.doc, mentions = piece.mentions, timex = resolved.timex
        let (so, lo) = (resolved.scalarOffset, resolved.lineOffset)
        let damaged = source.hasReplacementCharacters
        /// From piece to document coordinates, and the damage mark: in place, no copy.
        @inline(__always) func place(_ r: inout Record) {
            if damaged && source.touchesReplacement(r.start, r.end) { r.damaged = true }
            r.start += so; r.end += so; r.line += lo
        }
        var temporal: [Record] = []
        if types.contains(.date) || types.contains(.time) {
            temporal.reserveCapacity(mentions.count)
            FigureContext.emitTemporal(mentions, timex: timex, source: source, doc: doc, types: types, into: &temporal)
            for k in temporal.indices { place(&temporal[k]) }
        }
        let context = types.contains(.quantity) ? FigureContext(source: source, mentions: mentions, timex: timex) : nil
        // Organizations stay small structs until their turn comes in the merge below.
        let orgs = piece.organizations
        var o = 0, hint = 0, lineHint = 0
        func orgRecord(_ f: OrganizationRecognizer.Found) -> Record {
            let (s, e) = source.originalSpan(f.start, f.end, hint: &hint)
            let text = source.slice(s, e)
            var r = Record(doc: doc, type: .organization, text: text, start: s, end: e,
                           line: source.line(ofOriginal: s, hint: &lineHint))
            r.name = SourceText.withoutBreaks(text)
            r.category = f.category
            place(&r)
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
        var scope = 0
        var previousEnd = 0
        for (record, span) in piece.figures {
            var r = record
            if r.type == .quantity, let c = context {
                c.annotate(&r, span: span, previousEnd: previousEnd, scope: &scope)
            }
            previousEnd = span.upperBound
            place(&r)
            flush(before: (r.start, r.end))
            sink(r)
        }
        flush(before: nil)
    }
}
