/// A long document extracted piece by piece: the pieces are cut where nothing crosses
/// (`DocumentChunker`), recognized independently (in parallel, if the caller likes),
/// resolved in document order (the only step that carries state from one piece to the
/// next: the document date, the year, month and day last written, and the organization
/// names found so far), and turned into
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
        /// The source with traditional characters folded to simplified ones, as organization
        /// names are read (the source itself when it holds none, or without organizations).
        let folded: SourceText
        /// Figures with their cleaned spans, as and/or-context annotation needs them.
        let figures: [(draft: RecordDraft, span: Range<Int>)]
        /// Tokens (`--types token`): cleaned start and end of each word, one after the other.
        var tokens: [Int32] = []

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
        /// The piece's organizations after the document pass (`OrganizationDocument`).
        let organizations: [OrganizationRecognizer.Found]
        /// Original Unicode scalars and lines of the document before this piece.
        public let scalarOffset: Int
        /// Lines of the document before this piece (its records' `line` counts from there).
        public let lineOffset: Int

        /// About how many bytes its records take as JSON lines (to reserve room once).
        ///
        ///     var bytes: [UInt8] = []
        ///     bytes.reserveCapacity(piece.byteCountEstimate)
        public var byteCountEstimate: Int {
            (piece.figures.count + piece.mentions.count + organizations.count) * 240 + piece.tokens.count * 40
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
        /// The organization names of the pieces so far, for the document pass.
        var organizations = OrganizationDocument()
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

    /// The records of a UTF-8 document extracted piece by piece, in one thread: cut where
    /// `DocumentChunker` allows into pieces of at least `pieceSize` bytes, each recognized,
    /// resolved and turned into records in turn. The records are those of the whole
    /// document (the command line does the same for long files, on all cores). Returns
    /// how many pieces there were.
    ///
    ///     var records: [Record] = []
    ///     Extractor().extract(utf8: Array(text.utf8), doc: "d", pieceSize: 1 << 20) { records.append($0) }
    @discardableResult
    public func extract(utf8 bytes: [UInt8], doc: String, date: CivilDate? = nil, pieceSize: Int,
                        into sink: (consuming Record) -> Void) -> Int {
        var state = DocumentState(date: date)
        var pieces = 0
        bytes.withUnsafeBufferPointer { u in
            var from = 0
            while from < u.count {
                let end = DocumentChunker.cut(u, from: from, minimum: pieceSize, lineFeedsBefore: state.lineOffset)
                    ?? u.count
                let source = SourceText(utf8: Array(u[from..<end]), stripByteOrderMark: from == 0)
                records(of: resolve(recognize(source, doc: doc), state: &state), into: sink)
                from = end
                pieces += 1
            }
        }
        return pieces
    }

    /// Recognizes the mentions of one piece: everything that needs no other piece.
    ///
    ///     let extractor = Extractor()
    ///     let pieces = ["截至 3 月 11 日，共 3 人。\n", "累计捐款 3.15 亿元。\n"].map {
    ///         extractor.recognize(SourceText($0), doc: "d")    // independent: on any thread
    ///     }
    public func recognize(_ source: SourceText, doc: String) -> RecognizedPiece {
        let wantsTemporal = types.contains(.date) || types.contains(.time)
        // Tokens end where figures and dates do, asked for or not (TokenBoundaries).
        let wantsMentions = wantsTemporal || types.contains(.quantity) || types.contains(.token)
        let mentions = wantsMentions ? TemporalRecognizer(source: source).run() : []
        let folded = types.contains(.organization) ? source.foldingTraditional() : source
        let organizations = types.contains(.organization) ? OrganizationModel.shared.names(inFolded: folded) : []
        var figures: [(draft: RecordDraft, span: Range<Int>)] = []
        if types.contains(.quantity) || types.contains(.number) {
            // News text holds about one figure in 90 characters: room for more, so the array never
            // grows (growing copies every draft; pages never touched cost nothing).
            figures.reserveCapacity(source.scalars.count / 48 + 16)
            QuantityRecognizer(source: source, emitQuantities: types.contains(.quantity),
                               emitNumbers: types.contains(.number), doc: doc).run { r, span in
                figures.append((r, span))
            }
        }
        var piece = RecognizedPiece(source: source, doc: doc, mentions: mentions, organizations: organizations,
                                    folded: folded, figures: figures)
        if types.contains(.token) {
            piece.tokens = tokens(of: source, mentions: mentions, figures: figures, organizations: organizations)
        }
        return piece
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
        let organizations = types.contains(.organization)
            ? state.organizations.pass(piece.organizations, in: piece.source, folded: piece.folded,
                                     at: state.scalarOffset) : []
        let resolved = ResolvedPiece(piece: piece, timex: timex, organizations: organizations,
                                     scalarOffset: state.scalarOffset, lineOffset: state.lineOffset)
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
        let context = DraftContext(resolved)
        drafts(of: resolved) { sink(Record($0, in: context)) }
    }

    /// Appends the records of a resolved piece to `bytes` as JSON Lines, and returns how
    /// many: the bytes `JSONLineWriter.append` and a newline write for each record of
    /// `records(of:into:)`, without making the records or their strings.
    ///
    ///     var bytes: [UInt8] = []
    ///     let n = extractor.appendJSONLines(of: piece, to: &bytes)   // n lines, in document order
    @discardableResult
    public func appendJSONLines(of resolved: ResolvedPiece, to bytes: inout [UInt8]) -> Int {
        let context = DraftContext(resolved), piece = resolved.piece
        let records = piece.figures.count + piece.mentions.count + resolved.organizations.count
            + piece.tokens.count / 2
        var count = 0
        var overflow: [UInt8] = []
        // The lines are written straight into the array that takes them (pages never touched
        // cost nothing, so the estimate may be generous).
        let lines = [UInt8](unsafeUninitializedCapacity: DraftLineWriter.estimate(records: records, doc: piece.doc)) {
            buf, initialized in
            var writer = DraftLineWriter(context, into: buf)
            piece.source.utf8.withUnsafeBufferPointer { u in
                drafts(of: resolved, { writer.append($0, utf8: u); count += 1 }, token: { start, end, line in
                    writer.appendToken(start: start, end: end, line: line, utf8: u)
                    count += 1
                })
            }
            initialized = writer.written
            writer.appendOverflow(to: &overflow)
        }
        if bytes.isEmpty { bytes = lines } else { bytes.append(contentsOf: lines) }
        bytes.append(contentsOf: overflow)
        return count
    }

    /// The drafts of a resolved piece's records, in document order (offsets and lines still
    /// in the piece): dates and organizations merged with the figures, figures annotated
    /// with their as-of date and running totals, mentions next to U+FFFD marked damaged.
    ///
    /// `token`, when given, takes the tokens (start, end, line) instead of `emit` (a draft
    /// apiece costs more than a token's three numbers), except next to undecodable bytes.
    func drafts(of resolved: ResolvedPiece, _ emit: (borrowing RecordDraft) -> Void,
                token fastToken: ((Int, Int, Int) -> Void)? = nil) {
        let piece = resolved.piece
        let source = piece.source, mentions = piece.mentions, timex = resolved.timex
        let damaged = source.hasReplacementCharacters
        @inline(__always) func mark(_ r: inout RecordDraft) {
            if damaged && source.touchesReplacement(r.start, r.end) { r.damaged = true }
        }
        // Tokens go out before each record that comes after them (by start, then end), and
        // after a record with the same span.
        let tokenSpans = piece.tokens
        var nextToken = 0, tokenHint = 0, tokenLineHint = 0
        var token: (start: Int, end: Int) = (Int.max, Int.max)
        // Names the document pass found after recognition cut the tokens they fall inside, so
        // that every record still ends on token boundaries (cleaned offsets).
        let cuts = tokenSpans.isEmpty ? [] : resolved.organizations.flatMap { [$0.start, $0.end] }.sorted()
        var nextCut = 0, rest = -1, restEnd = -1
        func readToken() {
            var a: Int, b: Int
            if rest >= 0 {
                a = rest; b = restEnd; rest = -1
            } else {
                guard nextToken + 1 < tokenSpans.count else { token = (Int.max, Int.max); return }
                a = Int(tokenSpans[nextToken]); b = Int(tokenSpans[nextToken + 1])
                nextToken += 2
            }
            while nextCut < cuts.count && cuts[nextCut] <= a { nextCut += 1 }
            if nextCut < cuts.count && cuts[nextCut] < b { rest = cuts[nextCut]; restEnd = b; b = rest }
            token = source.originalSpan(a, b, hint: &tokenHint)
        }
        readToken()
        let tokenSink = damaged ? nil : fastToken
        func emitTokens(before key: (Int, Int)) {
            while token < key {
                let line = source.line(ofOriginal: token.start, hint: &tokenLineHint)
                if let tokenSink {
                    tokenSink(token.start, token.end, line)
                } else {
                    var r = RecordDraft(type: .token, start: token.start, end: token.end, line: line)
                    mark(&r)
                    emit(r)
                }
                readToken()
            }
        }
        func put(_ r: borrowing RecordDraft) {
            emitTokens(before: (r.start, r.end))
            emit(r)
        }
        // Dates and organizations wait as their keys (a draft copied costs its strings' reference
        // counts) and are drafted when their turn comes.
        let dates = types.contains(.date), times = types.contains(.time)
        var t = 0, temporalHint = 0, temporalLineHint = 0
        func nextTemporal() -> Pending? {
            guard dates || times else { return nil }
            while t < mentions.count {
                defer { t += 1 }
                let m = mentions[t]
                guard m.value.hour != nil ? times : dates else { continue }
                let (s, e) = source.originalSpan(m.start, m.end, hint: &temporalHint)
                return Pending(start: s, end: e, line: source.line(ofOriginal: s, hint: &temporalLineHint), index: t)
            }
            return nil
        }
        let orgs = resolved.organizations
        var o = 0, hint = 0, lineHint = 0
        func nextOrganization() -> Pending? {
            guard o < orgs.count else { return nil }
            defer { o += 1 }
            let (s, e) = source.originalSpan(orgs[o].start, orgs[o].end, hint: &hint)
            return Pending(start: s, end: e, line: source.line(ofOriginal: s, hint: &lineHint), index: o)
        }
        var pendingTemporal = nextTemporal()
        var pendingOrganization = nextOrganization()
        // Dates and organizations before position (start, end), in document order.
        func flush(before key: (Int, Int)?) {
            while true {
                let tk = pendingTemporal.map { ($0.start, $0.end) }
                // The earlier of the pending date and organization, if it comes before `key`.
                if let org = pendingOrganization, tk.map({ (org.start, org.end) < $0 }) ?? true {
                    if let key, !((org.start, org.end) < key) { return }
                    var r = RecordDraft(type: .organization, start: org.start, end: org.end, line: org.line)
                    r.organization = Int32(org.index)
                    mark(&r)
                    put(r)
                    pendingOrganization = nextOrganization()
                } else if let date = pendingTemporal, let tk {
                    if let key, !(tk < key) { return }
                    let m = mentions[date.index]
                    var r = RecordDraft(type: m.value.hour != nil ? .time : .date, start: date.start, end: date.end,
                                        line: date.line)
                    r.timex = Int32(date.index)
                    mark(&r)
                    put(r)
                    pendingTemporal = nextTemporal()
                } else {
                    return
                }
            }
        }
        let context = types.contains(.quantity) ? FigureContext(source: source, mentions: mentions, timex: timex) : nil
        var scope = 0
        var previousEnd = 0
        for k in piece.figures.indices {
            let span = piece.figures[k].span
            var r = piece.figures[k].draft
            if r.type == .quantity, let c = context {
                c.annotate(&r, span: span, previousEnd: previousEnd, scope: &scope)
            }
            previousEnd = span.upperBound
            mark(&r)
            flush(before: (r.start, r.end))
            put(r)
        }
        flush(before: nil)
        emitTokens(before: (Int.max, Int.max))
    }
}

/// A date or organization waiting for its turn in the merge: its original span and line in
/// the piece, and its index among the piece's mentions or organizations.
private struct Pending {
    var start: Int
    var end: Int
    var line: Int
    var index: Int
}

extension DraftContext {
    init(_ resolved: Extractor.ResolvedPiece) {
        self.init(source: resolved.piece.source, doc: resolved.piece.doc, scalarOffset: resolved.scalarOffset,
                  lineOffset: resolved.lineOffset, timex: resolved.timex, organizations: resolved.organizations)
    }
}
