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
        var s = ""
        s.reserveCapacity(200)
        append(r, to: &s)
        s.append("\n")
        return s
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
        fields.sort { $0.0 < $1.0 }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }

    /// Appends one record as a JSON object (no newline), keys in contract order.
    public static func append(_ r: Record, to s: inout String) {
        s.append("{\"doc\":"); appendString(r.doc, to: &s)
        s.append(",\"type\":\""); s.append(r.type.rawValue); s.append("\"")
        s.append(",\"text\":"); appendString(r.text, to: &s)
        s.append(",\"start\":"); s.append(String(r.start))
        s.append(",\"end\":"); s.append(String(r.end))
        s.append(",\"line\":"); s.append(String(r.line))
        if let v = r.value { s.append(",\"value\":"); v.write(to: &s) }
        if let u = r.unit { s.append(",\"unit\":"); appendString(u, to: &s) }
        if let d = r.dimension { s.append(",\"dimension\":"); appendString(d, to: &s) }
        if let q = r.qualifier { s.append(",\"qualifier\":\""); s.append(q.rawValue); s.append("\"") }
        if let c = r.currency { s.append(",\"currency\":"); appendString(c, to: &s) }
        if let v = r.low { s.append(",\"low\":"); v.write(to: &s) }
        if let v = r.high { s.append(",\"high\":"); v.write(to: &s) }
        if let o = r.object { s.append(",\"object\":"); appendString(o, to: &s) }
        s.append("}")
    }

    /// A JSON string literal, escaped as JSONEncoder escapes it.
    public static func appendString(_ v: String, to s: inout String) {
        s.append("\"")
        var needs = false
        for u in v.utf8 where u < 0x20 || u == 0x22 || u == 0x5C { needs = true; break }
        if !needs {
            s.append(v)
        } else {
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
        s.append("\"")
    }
}
