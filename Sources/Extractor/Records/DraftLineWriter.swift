/// Writes the record drafts of one piece as JSON lines: the same bytes as
/// `JSONLineWriter.append` of their records and a newline, with the text, object and name
/// read straight from the piece's UTF-8 and the document's field escaped once per piece.
struct DraftLineWriter {
    let context: DraftContext
    /// `{"doc":"…","type":"`, escaped once.
    let head: [UInt8]

    init(_ c: DraftContext) {
        context = c
        var h = Array("{\"doc\":".utf8)
        JSONLineWriter.appendString(c.doc, to: &h)
        h += Array(",\"type\":\"".utf8)
        head = h
    }

    /// The type's name and what follows it up to the text.
    @inline(__always) static func typeField(_ t: RecordType) -> StaticString {
        switch t {
        case .quantity: return "quantity\",\"text\":"
        case .number: return "number\",\"text\":"
        case .date: return "date\",\"text\":"
        case .time: return "time\",\"text\":"
        case .organization: return "organization\",\"text\":"
        }
    }

    /// UTF-8 range of original scalars `[a, b)`; empty where `SourceText.slice` gives "".
    @inline(__always) func bytes(_ a: Int, _ b: Int, _ u: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard a < b, a >= 0, b <= context.source.originalCount else { return 0..<0 }
        return context.source.byteOffset(a, u)..<context.source.byteOffset(b, u)
    }

    /// One record and a newline. `u` is the piece's UTF-8 (`context.source.utf8`).
    func append(_ d: borrowing RecordDraft, utf8 u: UnsafeBufferPointer<UInt8>, to o: inout [UInt8]) {
        let text = bytes(d.start, d.end, u)
        let object = d.hasObject ? bytes(d.objectStart, d.objectEnd, u) : 0..<0
        // The name is the text again, at most.
        var strings = text.count * (d.type == .organization ? 2 : 1) + object.count
        strings += (d.unit?.utf8.count ?? 0) + (d.dimension?.utf8.count ?? 0) + (d.currency?.utf8.count ?? 0)
        strings += (d.timex?.utf8.count ?? 0) + (d.asOf?.utf8.count ?? 0) + (d.category?.utf8.count ?? 0)
        let bound = head.count + 400 + 6 * strings
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { buf in
            guard let base = buf.baseAddress else { return }
            var w = JSONLineWriter.ByteCursor(p: base)
            head.withUnsafeBufferPointer { w.raw($0) }
            w.put(DraftLineWriter.typeField(d.type))
            w.string(UnsafeBufferPointer(rebasing: u[text]))
            w.put(",\"start\":"); w.int(d.start + context.scalarOffset)
            w.put(",\"end\":"); w.int(d.end + context.scalarOffset)
            w.put(",\"line\":"); w.int(d.line + context.lineOffset)
            if let v = d.value { w.put(",\"value\":"); w.number(v) }
            if let x = d.unit { w.put(",\"unit\":"); w.string(x) }
            if let x = d.dimension { w.put(",\"dimension\":"); w.string(x) }
            if let q = d.qualifier { w.put(",\"qualifier\":\""); w.ascii(q.rawValue); w.byte("\"") }
            if let x = d.currency { w.put(",\"currency\":"); w.string(x) }
            if let v = d.low { w.put(",\"low\":"); w.number(v) }
            if let v = d.high { w.put(",\"high\":"); w.number(v) }
            if d.hasObject { w.put(",\"object\":"); withoutBreaks(UnsafeBufferPointer(rebasing: u[object]), &w) }
            if let x = d.timex { w.put(",\"timex\":"); w.string(x) }
            if let x = d.asOf { w.put(",\"as_of\":"); w.string(x) }
            if let c = d.cumulative { w.put(c ? ",\"cumulative\":true" : ",\"cumulative\":false") }
            if d.type == .organization {
                w.put(",\"name\":"); withoutBreaks(UnsafeBufferPointer(rebasing: u[text]), &w)
            }
            if let x = d.category { w.put(",\"category\":"); w.string(x) }
            if let x = d.damaged { w.put(x ? ",\"damaged\":true" : ",\"damaged\":false") }
            w.put("}\n")
            o.append(contentsOf: UnsafeBufferPointer(start: base, count: w.i))
        }
    }

    /// `SourceText.withoutBreaks` of the bytes, as a JSON string: the bytes themselves
    /// when they hold no line break (the usual case).
    func withoutBreaks(_ u: UnsafeBufferPointer<UInt8>, _ w: inout JSONLineWriter.ByteCursor) {
        for c in u where c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
            w.string(SourceText.withoutBreaks(String(decoding: u, as: UTF8.self)))
            return
        }
        w.string(u)
    }
}
