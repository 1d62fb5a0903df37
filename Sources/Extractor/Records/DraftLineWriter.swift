/// Writes the record drafts of one piece as JSON lines: the same bytes as
/// `JSONLineWriter.append` of their records and a newline, with the text, object and name
/// read straight from the piece's UTF-8 and the document's field escaped once per piece.
/// The lines go straight into the caller's buffer (no Array append per record); if it
/// fills up, the rest goes on in a buffer of the writer's own (`appendOverflow`).
struct DraftLineWriter: ~Copyable {
    let context: DraftContext
    /// `{"doc":"…","type":"`, escaped once.
    let head: [UInt8]
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// What the caller's buffer holds once it is full (the writer's own buffer then takes
    /// the rest); nil while it holds everything.
    private var spilled: Int? = nil

    init(_ c: DraftContext, into target: UnsafeMutableBufferPointer<UInt8>) {
        context = c
        var h = Array("{\"doc\":".utf8)
        JSONLineWriter.appendString(c.doc, to: &h)
        h += Array(",\"type\":\"".utf8)
        head = h
        buffer = target.baseAddress ?? .allocate(capacity: 0)
        capacity = target.baseAddress == nil ? 0 : target.count
        if target.baseAddress == nil { spilled = 0 }
    }

    /// About how many bytes the lines of `records` records of document `doc` take.
    static func estimate(records: Int, doc: String) -> Int { records * (280 + 2 * doc.utf8.count) + 1024 }

    /// Bytes written into the caller's buffer.
    var written: Int { spilled ?? count }

    /// Appends what did not fit into the caller's buffer to `bytes`.
    mutating func appendOverflow(to bytes: inout [UInt8]) {
        guard spilled != nil else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: count))
        count = 0
    }

    deinit { if spilled != nil { buffer.deallocate() } }

    /// Room for `n` more bytes: in the caller's buffer while it lasts, then in the writer's own.
    private mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let larger = max(capacity * 2, count + n, 1 << 16)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        if spilled == nil {
            spilled = count
            count = 0
        } else {
            p.update(from: buffer, count: count)
            buffer.deallocate()
        }
        buffer = p
        capacity = larger
    }

    /// The type's name and what follows it up to the text.
    @inline(__always) static func typeField(_ t: RecordType) -> StaticString {
        switch t {
        case .quantity: return "quantity\",\"text\":"
        case .number: return "number\",\"text\":"
        case .date: return "date\",\"text\":"
        case .time: return "time\",\"text\":"
        case .organization: return "organization\",\"text\":"
        case .token: return "token\",\"text\":"
        }
    }

    /// The qualifier as its field.
    @inline(__always) static func qualifierField(_ q: Qualifier) -> StaticString {
        switch q {
        case .exact: return ",\"qualifier\":\"exact\""
        case .approx: return ",\"qualifier\":\"approx\""
        case .over: return ",\"qualifier\":\"over\""
        case .under: return ",\"qualifier\":\"under\""
        case .atLeast: return ",\"qualifier\":\"at_least\""
        case .atMost: return ",\"qualifier\":\"at_most\""
        }
    }

    /// UTF-8 range of original scalars `[a, b)`; empty where `SourceText.slice` gives "".
    @inline(__always) func bytes(_ a: Int, _ b: Int, _ u: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard a < b, a >= 0, b <= context.source.originalCount else { return 0..<0 }
        return context.source.byteOffset(a, u)..<context.source.byteOffset(b, u)
    }

    /// One record and a newline. `u` is the piece's UTF-8 (`context.source.utf8`).
    mutating func append(_ d: borrowing RecordDraft, utf8 u: UnsafeBufferPointer<UInt8>) {
        let text = bytes(d.start, d.end, u)
        let object = d.hasObject ? bytes(d.objectStart, d.objectEnd, u) : 0..<0
        // The name is the text again, at most.
        var strings = text.count * (d.type == .organization ? 2 : 1) + object.count
        let timex = d.timex >= 0 ? context.timex[Int(d.timex)] : nil
        let asOf = d.asOf >= 0 ? context.timex[Int(d.asOf)] : nil
        let category = d.organization >= 0 ? context.organizations[Int(d.organization)].category : nil
        let full = d.organization >= 0 ? context.organizations[Int(d.organization)].full : nil
        if let u = d.unitEntry { strings += u.unit.utf8.count + u.dimension.utf8.count }
        strings += (d.currency?.utf8.count ?? 0) + (timex?.utf8.count ?? 0) + (asOf?.utf8.count ?? 0)
        strings += (category?.utf8.count ?? 0) + (full?.utf8.count ?? 0)
        reserve(head.count + 400 + 6 * strings)
        do {
            var w = JSONLineWriter.ByteCursor(p: buffer + count)
            head.withUnsafeBufferPointer { w.raw($0) }
            w.put(DraftLineWriter.typeField(d.type))
            w.string(UnsafeBufferPointer(rebasing: u[text]))
            w.put(",\"start\":"); w.int(d.start + context.scalarOffset)
            w.put(",\"end\":"); w.int(d.end + context.scalarOffset)
            w.put(",\"line\":"); w.int(d.line + context.lineOffset)
            if let v = d.value { w.put(",\"value\":"); w.number(v) }
            if let u = d.unitEntry {
                w.put(",\"unit\":"); w.string(u.unit)
                w.put(",\"dimension\":"); if d.energy { w.put("\"energy\"") } else { w.string(u.dimension) }
            } else if d.type == .number {
                w.put(",\"unit\":\"\"")
            }
            if let q = d.qualifier { w.put(DraftLineWriter.qualifierField(q)) }
            if let x = d.currency { w.put(",\"currency\":"); w.string(x) }
            if let v = d.low { w.put(",\"low\":"); w.number(v) }
            if let v = d.high { w.put(",\"high\":"); w.number(v) }
            if d.hasObject {
                w.put(",\"object\":"); DraftLineWriter.withoutBreaks(UnsafeBufferPointer(rebasing: u[object]), &w)
            }
            if let x = timex { w.put(",\"timex\":"); w.string(x) }
            if let x = asOf { w.put(",\"as_of\":"); w.string(x) }
            if let c = d.cumulative { w.put(c ? ",\"cumulative\":true" : ",\"cumulative\":false") }
            if d.type == .organization {
                w.put(",\"name\":"); DraftLineWriter.withoutBreaks(UnsafeBufferPointer(rebasing: u[text]), &w)
            }
            if let x = category { w.put(",\"category\":"); w.string(x) }
            if let x = full { w.put(",\"full\":"); w.string(x) }
            if let x = d.damaged { w.put(x ? ",\"damaged\":true" : ",\"damaged\":false") }
            w.put("}\n")
            count += w.i
        }
    }

    /// A token's line (the same bytes as `append` of its draft): a word costs its text and
    /// three numbers, nothing else.
    mutating func appendToken(start: Int, end: Int, line: Int, utf8 u: UnsafeBufferPointer<UInt8>) {
        let text = bytes(start, end, u)
        reserve(head.count + 96 + 6 * text.count)
        var w = JSONLineWriter.ByteCursor(p: buffer + count)
        head.withUnsafeBufferPointer { w.raw($0) }
        w.put("token\",\"text\":")
        w.string(UnsafeBufferPointer(rebasing: u[text]))
        w.put(",\"start\":"); w.int(start + context.scalarOffset)
        w.put(",\"end\":"); w.int(end + context.scalarOffset)
        w.put(",\"line\":"); w.int(line + context.lineOffset)
        w.put("}\n")
        count += w.i
    }

    /// `SourceText.withoutBreaks` of the bytes, as a JSON string: the bytes themselves
    /// when they hold no line break (the usual case).
    static func withoutBreaks(_ u: UnsafeBufferPointer<UInt8>, _ w: inout JSONLineWriter.ByteCursor) {
        for c in u where c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
            w.string(SourceText.withoutBreaks(String(decoding: u, as: UTF8.self)))
            return
        }
        w.string(u)
    }
}
