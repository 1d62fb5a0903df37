/// Writes records as JSON Lines by hand: the same bytes as Foundation's
/// `JSONEncoder` (with `.withoutEscapingSlashes`), about ten times faster.
/// Chinese is written as is; only `"`, `\` and control characters are escaped.
///
///     JSONLineWriter.line(for: record)
///     // {"doc":"-","type":"quantity","text":"45018 名","start":6,"end":13,"line":1,"value":45018,...}
///
/// It lives beside `Record` because the JSON form is the record contract itself.
public enum JSONLineWriter {
    /// One record as a JSON object followed by a newline.
    public static func line(for r: Record) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        append(r, to: &bytes)
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record with its keys in sorted order, as `JSONEncoder` with `.sortedKeys`
    /// writes it: used to prove the two produce the same bytes.
    public static func sortedKeysLine(for r: Record) -> String {
        var fields: [(String, String)] = []
        func str(_ v: String) -> String { var o = ""; appendString(v, to: &o); return o }
        fields.append(("doc", str(r.doc)))
        fields.append(("type", str(r.type.rawValue)))
        fields.append(("text", str(r.text)))
        fields.append(("start", String(r.start)))
        fields.append(("end", String(r.end)))
        fields.append(("line", String(r.line)))
        if let v = r.value { fields.append(("value", v.description)) }
        if let u = r.unit { fields.append(("unit", str(u))) }
        if let d = r.dimension { fields.append(("dimension", str(d))) }
        if let q = r.qualifier { fields.append(("qualifier", str(q.rawValue))) }
        if let c = r.currency { fields.append(("currency", str(c))) }
        if let v = r.low { fields.append(("low", v.description)) }
        if let v = r.high { fields.append(("high", v.description)) }
        if let o = r.object { fields.append(("object", str(o))) }
        if let t = r.timex { fields.append(("timex", str(t))) }
        if let a = r.asOf { fields.append(("as_of", str(a))) }
        if let c = r.cumulative { fields.append(("cumulative", c ? "true" : "false")) }
        fields.sort { $0.0 < $1.0 }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }

    /// Appends one record as a JSON object (no newline), keys in contract order.
    public static func append(_ r: Record, to o: inout [UInt8]) {
        literal("{\"doc\":", &o); appendString(r.doc, to: &o)
        literal(",\"type\":\"", &o); o.append(contentsOf: r.type.rawValue.utf8); o.append(0x22)
        literal(",\"text\":", &o); appendString(r.text, to: &o)
        literal(",\"start\":", &o); appendInt(r.start, &o)
        literal(",\"end\":", &o); appendInt(r.end, &o)
        literal(",\"line\":", &o); appendInt(r.line, &o)
        if let v = r.value { literal(",\"value\":", &o); v.write(to: &o) }
        if let u = r.unit { literal(",\"unit\":", &o); appendString(u, to: &o) }
        if let d = r.dimension { literal(",\"dimension\":", &o); appendString(d, to: &o) }
        if let q = r.qualifier { literal(",\"qualifier\":\"", &o); o.append(contentsOf: q.rawValue.utf8); o.append(0x22) }
        if let c = r.currency { literal(",\"currency\":", &o); appendString(c, to: &o) }
        if let v = r.low { literal(",\"low\":", &o); v.write(to: &o) }
        if let v = r.high { literal(",\"high\":", &o); v.write(to: &o) }
        if let x = r.object { literal(",\"object\":", &o); appendString(x, to: &o) }
        if let t = r.timex { literal(",\"timex\":", &o); appendString(t, to: &o) }
        if let a = r.asOf { literal(",\"as_of\":", &o); appendString(a, to: &o) }
        if let c = r.cumulative { literal(c ? ",\"cumulative\":true" : ",\"cumulative\":false", &o) }
        o.append(0x7D)
    }

    @inline(__always) static func literal(_ s: StaticString, _ o: inout [UInt8]) {
        o.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    static func appendInt(_ v: Int, _ o: inout [UInt8]) {
        if v < 0 { o.append(0x2D) }
        var m = v.magnitude
        if m < 10 { o.append(UInt8(48 + m)); return }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &tmp) { t in
            var k = 20
            while m > 0 { k -= 1; t[k] = UInt8(48 + m % 10); m /= 10 }
            o.append(contentsOf: t[k..<20])
        }
    }

    /// A JSON string literal as bytes, escaped as JSONEncoder escapes it.
    public static func appendString(_ v: String, to o: inout [UInt8]) {
        o.append(0x22)
        var v = v
        let clean = v.withUTF8 { u -> Bool in
            for c in u where c < 0x20 || c == 0x22 || c == 0x5C { return false }
            o.append(contentsOf: u)
            return true
        }
        if !clean {
            var s = ""
            appendEscaped(v, to: &s)
            o.append(contentsOf: s.utf8)
        }
        o.append(0x22)
    }

    /// A JSON string literal, escaped as JSONEncoder escapes it.
    public static func appendString(_ v: String, to s: inout String) {
        s.append("\"")
        appendEscaped(v, to: &s)
        s.append("\"")
    }

    static func appendEscaped(_ v: String, to s: inout String) {
        do {
            for u in v.unicodeScalars {
                switch u {
                case "\"": s.append("\\\"")
                case "\\": s.append("\\\\")
                case "\n": s.append("\\n")
                case "\r": s.append("\\r")
                case "\t": s.append("\\t")
                case "\u{08}": s.append("\\b")
                case "\u{0C}": s.append("\\f")
                default:
                    if u.value < 0x20 {
                        let hex = String(u.value, radix: 16)
                        s.append("\\u")
                        s.append(String(repeating: "0", count: 4 - hex.count))
                        s.append(hex)
                    } else {
                        s.unicodeScalars.append(u)
                    }
                }
            }
        }
    }
}
