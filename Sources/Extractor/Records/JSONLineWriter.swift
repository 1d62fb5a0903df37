import Normalizer

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
    ///
    ///     JSONLineWriter.line(for: Extractor().extract("共招募志愿者 45018 名")[0])
    ///     // {"doc":"-","type":"quantity","text":"45018 名","start":7,"end":14,"line":1,"value":45018,
    ///     //  "unit":"名","dimension":"count","qualifier":"exact","cumulative":true} and a newline
    public static func line(for r: Record) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        append(r, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record with its keys in sorted order, as `JSONEncoder` with `.sortedKeys`
    /// writes it: used to prove the two produce the same bytes.
    ///
    ///     JSONLineWriter.sortedKeysLine(for: record)
    ///     // {"cumulative":true,"dimension":"count","doc":"-","end":14,"line":1,"qualifier":"exact",…}
    public static func sortedKeysLine(for r: Record) -> String {
        // Each value is encoded by the same ByteCursor writers the production line uses.
        func encoded(_ write: (inout ByteCursor) -> Void) -> String {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 + 6 * 4096) { buf -> String in
                guard let base = buf.baseAddress else { return "" }
                var w = ByteCursor(p: base)
                write(&w)
                return String(decoding: UnsafeBufferPointer(start: base, count: w.i), as: UTF8.self)
            }
        }
        func str(_ v: String) -> String { encoded { $0.string(v) } }
        func num(_ v: ExactNumber) -> String { encoded { $0.number(v) } }
        var fields: [(String, String)] = []
        fields.append(("doc", str(r.doc)))
        fields.append(("type", str(r.type.rawValue)))
        fields.append(("text", str(r.text)))
        fields.append(("start", encoded { $0.int(r.start) }))
        fields.append(("end", encoded { $0.int(r.end) }))
        fields.append(("line", encoded { $0.int(r.line) }))
        if let v = r.value { fields.append(("value", num(v))) }
        if let u = r.unit { fields.append(("unit", str(u))) }
        if let d = r.dimension { fields.append(("dimension", str(d))) }
        if let q = r.qualifier { fields.append(("qualifier", str(q.rawValue))) }
        if let c = r.currency { fields.append(("currency", str(c))) }
        if let v = r.low { fields.append(("low", num(v))) }
        if let v = r.high { fields.append(("high", num(v))) }
        if let o = r.object { fields.append(("object", str(o))) }
        if let t = r.timex { fields.append(("timex", str(t))) }
        if let a = r.asOf { fields.append(("as_of", str(a))) }
        if let c = r.cumulative { fields.append(("cumulative", c ? "true" : "false")) }
        if let x = r.name { fields.append(("name", str(x))) }
        if let x = r.category { fields.append(("category", str(x))) }
        if let x = r.full { fields.append(("full", str(x))) }
        if let x = r.damaged { fields.append(("damaged", x ? "true" : "false")) }
        fields.sort { $0.0 < $1.0 }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }

    /// Appends one record as a JSON object (no newline), keys in contract order.
    /// The record is written by index into one scratch buffer sized for the worst case
    /// (every byte escaped), then appended once: far fewer Array appends than a field at a time.
    ///
    ///     var bytes: [UInt8] = []
    ///     for r in Extractor().extract(text) { JSONLineWriter.append(r, to: &bytes); bytes.append(10) }
    public static func append(_ r: Record, to o: inout [UInt8]) {
        var strings = r.doc.utf8.count + r.text.utf8.count
        strings += (r.unit?.utf8.count ?? 0) + (r.dimension?.utf8.count ?? 0) + (r.currency?.utf8.count ?? 0)
        strings += (r.object?.utf8.count ?? 0) + (r.timex?.utf8.count ?? 0) + (r.asOf?.utf8.count ?? 0)
        strings += (r.name?.utf8.count ?? 0) + (r.category?.utf8.count ?? 0) + (r.full?.utf8.count ?? 0)
        let bound = 400 + 6 * strings
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { buf in
            guard let base = buf.baseAddress else { return }
            var w = ByteCursor(p: base)
            w.put("{\"doc\":"); w.string(r.doc)
            w.put(",\"type\":\""); w.ascii(r.type.rawValue); w.byte("\"")
            w.put(",\"text\":"); w.string(r.text)
            w.put(",\"start\":"); w.int(r.start)
            w.put(",\"end\":"); w.int(r.end)
            w.put(",\"line\":"); w.int(r.line)
            if let v = r.value { w.put(",\"value\":"); w.number(v) }
            if let u = r.unit { w.put(",\"unit\":"); w.string(u) }
            if let d = r.dimension { w.put(",\"dimension\":"); w.string(d) }
            if let q = r.qualifier { w.put(",\"qualifier\":\""); w.ascii(q.rawValue); w.byte("\"") }
            if let c = r.currency { w.put(",\"currency\":"); w.string(c) }
            if let v = r.low { w.put(",\"low\":"); w.number(v) }
            if let v = r.high { w.put(",\"high\":"); w.number(v) }
            if let x = r.object { w.put(",\"object\":"); w.string(x) }
            if let t = r.timex { w.put(",\"timex\":"); w.string(t) }
            if let a = r.asOf { w.put(",\"as_of\":"); w.string(a) }
            if let c = r.cumulative { w.put(c ? ",\"cumulative\":true" : ",\"cumulative\":false") }
            if let x = r.name { w.put(",\"name\":"); w.string(x) }
            if let x = r.category { w.put(",\"category\":"); w.string(x) }
            if let x = r.full { w.put(",\"full\":"); w.string(x) }
            if let x = r.damaged { w.put(x ? ",\"damaged\":true" : ",\"damaged\":false") }
            w.byte("}")
            o.append(contentsOf: UnsafeBufferPointer(start: base, count: w.i))
        }
    }

    /// Writes bytes by index into a buffer the caller sized.
    struct ByteCursor {
        let p: UnsafeMutablePointer<UInt8>
        var i = 0

        @inline(__always) mutating func byte(_ b: UInt8) { p[i] = b; i += 1 }

        /// One ASCII character.
        @inline(__always) mutating func byte(_ c: Unicode.Scalar) { byte(UInt8(ascii: c)) }

        @inline(__always) var zero: UInt8 { UInt8(ascii: "0") }
        @inline(__always) var point: UInt8 { UInt8(ascii: ".") }

        @inline(__always) mutating func put(_ s: StaticString) {
            let n = s.utf8CodeUnitCount
            (p + i).update(from: s.utf8Start, count: n)
            i += n
        }

        mutating func ascii(_ s: String) {
            var s = s
            s.withUTF8 { u in
                guard let b = u.baseAddress else { return }
                (p + i).update(from: b, count: u.count); i += u.count
            }
        }

        /// Two digits at a time, from the pairs "00" … "99" (no division per digit).
        mutating func int(_ v: Int) {
            if v < 0 { byte("-") }
            var m = UInt64(v.magnitude)
            let k = ByteCursor.digitCount(m)
            let pairs = ByteCursor.digitPairs.utf8Start
            var j = i &+ k
            while m >= 100 {
                let q = m / 100
                let r = Int(truncatingIfNeeded: m &- q &* 100) &* 2
                m = q
                j &-= 2
                p[j] = pairs[r]; p[j &+ 1] = pairs[r &+ 1]
            }
            if m >= 10 {
                let r = Int(truncatingIfNeeded: m) &* 2
                p[j &- 2] = pairs[r]; p[j &- 1] = pairs[r &+ 1]
            } else {
                p[j &- 1] = zero &+ UInt8(truncatingIfNeeded: m)
            }
            i &+= k
        }

        /// Decimal digits of `m`: a few comparisons for the offsets and lines records hold.
        @inline(__always) static func digitCount(_ m: UInt64) -> Int {
            if m < 100_000 {
                if m < 100 { return m < 10 ? 1 : 2 }
                return m < 1_000 ? 3 : m < 10_000 ? 4 : 5
            }
            if m < 10_000_000 { return m < 1_000_000 ? 6 : 7 }
            if m < 1_000_000_000 { return m < 100_000_000 ? 8 : 9 }
            var k = 10, t: UInt64 = 10_000_000_000
            while k < 19 && m >= t { k &+= 1; t &*= 10 }
            return k == 19 && m >= t ? 20 : k
        }

        @inline(__always) static var digitPairs: StaticString {
            """
            00010203040506070809101112131415161718192021222324252627282930313233343536373839\
            40414243444546474849505152535455565758596061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899
            """
        }

        mutating func number(_ v: ExactNumber) {
            if v.mantissa < 0 { byte("-") }
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            var k = 0
            var m = v.mantissa.magnitude
            withUnsafeMutableBytes(of: &digits) { t in
                repeat { t[23 - k] = zero &+ UInt8(truncatingIfNeeded: m % 10); m /= 10; k += 1 } while m > 0
                let d = UnsafeRawBufferPointer(rebasing: t[(24 - k)...])
                let e = Int(v.exponent)
                if e >= 0 {
                    for x in d { p[i] = x; i += 1 }
                    if v.mantissa != 0 { for _ in 0..<e { p[i] = zero; i += 1 } }
                } else if k > -e {
                    for (j, x) in d.enumerated() { if j == k + e { p[i] = point; i += 1 }; p[i] = x; i += 1 }
                } else {
                    p[i] = zero; p[i + 1] = point; i += 2
                    for _ in 0..<(-e - k) { p[i] = zero; i += 1 }
                    for x in d { p[i] = x; i += 1 }
                }
            }
        }

        mutating func string(_ v: String) {
            if v.utf8.withContiguousStorageIfAvailable({ string($0) }) != nil { return }
            var v = v
            v.withUTF8 { string($0) }
        }

        /// A JSON string of UTF-8 bytes, escaped as JSONEncoder escapes it.
        mutating func string(_ u: UnsafeBufferPointer<UInt8>) {
            byte("\"")
            if JSONLineWriter.isPlain(u) {
                if let b = u.baseAddress { (p + i).update(from: b, count: u.count); i += u.count }
                byte("\"")
                return
            }
            for c in u {
                switch c {
                case UInt8(ascii: "\""): put("\\\"")
                case UInt8(ascii: "\\"): put("\\\\")
                case UInt8(ascii: "\n"): put("\\n")
                case UInt8(ascii: "\r"): put("\\r")
                case UInt8(ascii: "\t"): put("\\t")
                case UInt8(ascii: "\u{08}"): put("\\b")
                case UInt8(ascii: "\u{0C}"): put("\\f")
                case ..<JSONLineWriter.space:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    put("\\u00")
                    byte(hex[Int(c >> 4)]); byte(hex[Int(c & 15)])
                default: byte(c)
                }
            }
            byte("\"")
        }

        /// Bytes as they are (already JSON).
        @inline(__always) mutating func raw(_ u: UnsafeBufferPointer<UInt8>) {
            guard let b = u.baseAddress else { return }
            (p + i).update(from: b, count: u.count)
            i += u.count
        }
    }

    /// A JSON string literal as bytes, escaped as JSONEncoder escapes it.
    ///
    ///     var bytes: [UInt8] = []
    ///     JSONLineWriter.appendString("a\"b\n", to: &bytes)   // the bytes of "a\"b\n", quotes included
    public static func appendString(_ v: String, to o: inout [UInt8]) {
        o.append(UInt8(ascii: "\""))
        var v = v
        let clean = v.withUTF8 { u -> Bool in
            for c in u where needsEscape(c) { return false }
            o.append(contentsOf: u)
            return true
        }
        if !clean {
            var s = ""
            appendEscaped(v, to: &s)
            o.append(contentsOf: s.utf8)
        }
        o.append(UInt8(ascii: "\""))
    }

    /// True when no byte of `u` needs an escape: eight bytes at a time, then one by one.
    @inline(__always) static func isPlain(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = u.baseAddress else { return true }
        let n = u.count
        var k = 0
        // Bytes below the space, the quote, the backslash: a zero byte in x - 0x20…, x ^ 0x22…
        // or x ^ 0x5C… (the word tests say whether any byte is one, not which).
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while k &+ 8 <= n {
            let x = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
            let q = x ^ (ones &* UInt64(UInt8(ascii: "\""))), b = x ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let found = (x &- ones &* UInt64(space)) | (q &- ones) | (b &- ones)
            if found & ~x & highs != 0 {
                // A candidate (a zero of q or b, or a small byte): the bytes decide.
                for c in UnsafeBufferPointer(start: base + k, count: 8) where needsEscape(c) { return false }
            }
            k &+= 8
        }
        while k < n {
            if needsEscape(base[k]) { return false }
            k &+= 1
        }
        return true
    }

    /// The first byte that is not a control character.
    @inline(__always) static var space: UInt8 { UInt8(ascii: " ") }

    /// Bytes JSON strings escape: control characters, the quote and the backslash.
    @inline(__always) static func needsEscape(_ c: UInt8) -> Bool {
        c < space || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\")
    }

    /// A JSON string literal, escaped as JSONEncoder escapes it.
    ///
    ///     var s = ""
    ///     JSONLineWriter.appendString("引号\"", to: &s)   // s == #""引号\"""#
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
                    if u < " " {                    // a control character
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
