import Foundation

/// The model as bytes, and the bytes as base64 in a generated Swift source file.
///
/// Layout (little-endian 32-bit words unless said): "XLAB", version 2, tag count,
/// signature length and UTF-8 bytes, group count and per group its bucket bits,
/// keys a position, reach count and reach offsets; transitions (tagCount²),
/// first and last scores (tagCount each); then the weights as varints of their
/// zig-zag values, where a 0 is followed by the length of its run of zeros, so
/// rows that no feature reached cost almost nothing. Same model, same bytes.
extension LinearModel {
    static let magic: [UInt8] = Array("XLAB".utf8)

    public enum DecodingError: Error, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self { case .malformed(let why): return "model bytes are malformed: \(why)" }
        }
    }

    public func encoded() -> [UInt8] {
        var out = LinearModel.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }
        u32(2); u32(UInt32(tagCount))
        let sig = Array(signature.utf8)
        u32(UInt32(sig.count)); out.append(contentsOf: sig)
        u32(UInt32(groups.count))
        for g in groups {
            u32(UInt32(g.bits)); u32(UInt32(g.keys)); u32(UInt32(g.reach.count))
            g.reach.forEach { i32(Int32($0)) }
        }
        transitions.forEach(i32); firsts.forEach(i32); lasts.forEach(i32)
        // Weights: varint-coded zig-zag values; 0 is followed by the length of the zero run.
        func varint(_ v: UInt32) {
            var x = v
            while x >= 0x80 { out.append(UInt8(x & 0x7F) | 0x80); x >>= 7 }
            out.append(UInt8(x))
        }
        var k = 0
        let n = weights.count
        while k < n {
            let w = weights[k]
            if w == 0 {
                var run = 1
                while k + run < n && weights[k + run] == 0 { run += 1 }
                varint(0); varint(UInt32(run))
                k += run
            } else {
                let z = (Int32(w) << 1) ^ (Int32(w) >> 31)
                varint(UInt32(bitPattern: z))
                k += 1
            }
        }
        return out
    }

    public init(bytes: [UInt8]) throws {
        var p = 0
        func need(_ n: Int) throws { if p + n > bytes.count { throw DecodingError.malformed("truncated") } }
        func u32() throws -> UInt32 {
            try need(4)
            let v = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16
                | UInt32(bytes[p + 3]) << 24
            p += 4
            return v
        }
        func i32() throws -> Int32 { Int32(bitPattern: try u32()) }
        try need(4)
        guard Array(bytes[0 ..< 4]) == LinearModel.magic else { throw DecodingError.malformed("no XLAB header") }
        p = 4
        guard try u32() == 2 else { throw DecodingError.malformed("unknown version") }
        let tags = Int(try u32())
        guard (2 ... 16).contains(tags) else { throw DecodingError.malformed("tag count") }
        let sigCount = Int(try u32())
        try need(sigCount)
        let signature = String(decoding: bytes[p ..< p + sigCount], as: UTF8.self)
        p += sigCount
        let groupCount = Int(try u32())
        guard groupCount <= 64 else { throw DecodingError.malformed("group count") }
        var groups: [Group] = []
        for _ in 0 ..< groupCount {
            let bits = Int(try u32()), keys = Int(try u32()), reachCount = Int(try u32())
            guard (1 ... 24).contains(bits), (1 ... 64).contains(keys), (1 ... 16).contains(reachCount) else {
                throw DecodingError.malformed("group sizes")
            }
            groups.append(Group(reach: try (0 ..< reachCount).map { _ in Int(try i32()) }, keys: keys, bits: bits))
        }
        let transitions = try (0 ..< tags * tags).map { _ in try i32() }
        let firsts = try (0 ..< tags).map { _ in try i32() }
        let lasts = try (0 ..< tags).map { _ in try i32() }
        let n = LinearModel.weightCount(groups, tags: tags)
        // One pass over the bytes with the cursor in a local: no closure captures it, so
        // there is no exclusivity check per value (loading measured 20 ms before, 3 after).
        var malformed = false
        var cursor = p
        let weights = bytes.withUnsafeBufferPointer { b -> [Int8] in
            [Int8](unsafeUninitializedCapacity: n) { w, initialized in
                // All zeros first (one memset): a run of zeros then only moves on, where a
                // memset a run cost more than the runs (231,000 of them in the shipped model).
                w.baseAddress!.initialize(repeating: 0, count: n)
                var k = 0, q = cursor
                let end = b.count
                @inline(__always) func varint(_ q: inout Int) -> UInt32? {
                    var v: UInt32 = 0, shift: UInt32 = 0
                    while q < end && shift < 32 {
                        let byte = b[q]; q += 1
                        v |= UInt32(byte & 0x7F) << shift
                        if byte < 0x80 { return v }
                        shift += 7
                    }
                    return nil
                }
                let src = b.baseAddress!, out = w.baseAddress!
                while k < n {
                    // Weights of one byte (|w| < 64) and zero runs of one byte (< 128), nearly
                    // all of the shipped model, in a loop of their own on pointers; the rest
                    // below, one value at a time.
                    if q &+ 1 < end {
                        var qp = src + q, wp = out + k
                        let qLast = src + (end &- 1), wEnd = out + n
                        while qp < qLast && wp < wEnd {
                            let b0 = qp[0]
                            if b0 &- 1 < 0x7F {
                                wp[0] = Int8(bitPattern: (b0 >> 1) ^ (0 &- (b0 & 1)))
                                wp += 1; qp += 1
                                continue
                            }
                            let b1 = qp[1]
                            if b0 == 0 && b1 &- 1 < 0x7F && wEnd - wp >= Int(b1) {
                                wp += Int(b1); qp += 2
                                continue
                            }
                            break
                        }
                        q = qp - src; k = wp - out
                        if k >= n || q &+ 1 >= end { continue }
                        let b0 = b[q], b1 = b[q &+ 1]
                        if b0 &- 1 < 0x7F {
                            let z = UInt32(b0)
                            w[k] = Int8(truncatingIfNeeded: Int32(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
                            q &+= 1; k &+= 1
                            continue
                        }
                        let z = UInt32(b0 & 0x7F) | UInt32(b1) << 7
                        if b0 >= 0x80 && b1 < 0x80 && z != 0 {
                            w[k] = Int8(truncatingIfNeeded: Int32(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
                            q &+= 2; k &+= 1
                            continue
                        }
                        if b0 == 0 && b1 &- 1 < 0x7F && k &+ Int(b1) <= n {
                            q &+= 2; k &+= Int(b1)
                            continue
                        }
                    }
                    guard let z = varint(&q) else { malformed = true; break }
                    if z == 0 {
                        guard let r = varint(&q), r > 0, k + Int(r) <= n else { malformed = true; break }
                        k += Int(r)
                    } else {
                        w[k] = Int8(truncatingIfNeeded: Int32(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
                        k += 1
                    }
                }
                if k < n { malformed = true }
                initialized = n
                cursor = q
            }
        }
        p = cursor
        if malformed || p != bytes.count { throw DecodingError.malformed("weights") }
        self.init(tagCount: tags, signature: signature, groups: groups, weights: weights,
                  transitions: transitions, firsts: firsts, lasts: lasts)
    }

    /// The model from base64 text (line breaks allowed), as a generated source file holds it.
    public init(base64: String) throws {
        guard let bytes = LinearModel.decodeBase64(base64) else { throw DecodingError.malformed("not base64") }
        try self.init(bytes: bytes)
    }

    /// Base64 to bytes in one pass over the UTF-8 of the text, skipping line breaks (a
    /// third of the time `Data(base64Encoded:options:)` took on the 2 MB model); nil on
    /// any other character.
    static func decodeBase64(_ text: String) -> [UInt8]? {
        var text = text
        var value = [UInt8](repeating: 255, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            value[Int(c)] = UInt8(i)
        }
        value[Int(UInt8(ascii: "\n"))] = 254; value[Int(UInt8(ascii: "\r"))] = 254; value[Int(UInt8(ascii: "="))] = 254
        // Two characters at once: the 12 bits of each pair of base64 digits (0xFFFF: not two
        // digits), indexed by the pair's two bytes as a little-endian UInt16.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var pairs = [UInt16](repeating: 0xFFFF, count: 1 << 16)
        for (i, a) in alphabet.enumerated() {
            for (j, b) in alphabet.enumerated() { pairs[Int(a) | Int(b) << 8] = UInt16(i << 6 | j) }
        }
        var ok = true
        let bytes = text.withUTF8 { u in
            pairs.withUnsafeBufferPointer { pair in
            value.withUnsafeBufferPointer { table in
                [UInt8](unsafeUninitializedCapacity: u.count / 4 * 3 + 3) { out, count in
                    var acc: UInt32 = 0, n = 0, o = 0
                    var i = 0
                    let length = u.count
                    while i < length {
                        // Four characters of data at once, where a group starts (all but the
                        // groups around a line break): a third of the instructions.
                        if n == 0 && i &+ 4 <= length {
                            let raw = UnsafeRawPointer(u.baseAddress! + i)
                            let p0 = pair[Int(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self)))]
                            let k1 = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
                            let p1 = pair[Int(k1)]
                            if (p0 | p1) & 0xF000 == 0 {
                                let g = UInt32(p0) << 12 | UInt32(p1)
                                out[o] = UInt8(truncatingIfNeeded: g >> 16)
                                out[o &+ 1] = UInt8(truncatingIfNeeded: g >> 8)
                                out[o &+ 2] = UInt8(truncatingIfNeeded: g)
                                o &+= 3; i &+= 4
                                continue
                            }
                        }
                        let c = u[i]
                        i &+= 1
                        let v = table[Int(c)]
                        if v >= 254 { if v == 255 { ok = false; break }; continue }
                        acc = acc << 6 | UInt32(v)
                        n += 1
                        if n == 4 {
                            out[o] = UInt8(truncatingIfNeeded: acc >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: acc >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: acc)
                            o += 3; acc = 0; n = 0
                        }
                    }
                    if n == 3 {
                        out[o] = UInt8(truncatingIfNeeded: acc >> 10)
                        out[o + 1] = UInt8(truncatingIfNeeded: acc >> 2)
                        o += 2
                    } else if n == 2 {
                        out[o] = UInt8(truncatingIfNeeded: acc >> 4); o += 1
                    } else if n == 1 {
                        ok = false
                    }
                    count = o
                }
            }
            }
        }
        return ok ? bytes : nil
    }

    /// A Swift source file holding the model as one base64 string literal (lines of 100
    /// characters): it compiles in seconds, where an array literal of the weights would
    /// take minutes, and the binary needs no resource bundle.
    public func swiftSource(extending type: String, property: String, header: String) -> String {
        let b64 = Data(encoded()).base64EncodedString()
        var s = header.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 }
            .joined(separator: "\n").replacingOccurrences(of: "// \n", with: "//\n")
        s += "\n\nextension \(type) {\n    static let \(property) = \"\"\"\n"
        var i = b64.startIndex
        while i < b64.endIndex {
            let j = b64.index(i, offsetBy: 100, limitedBy: b64.endIndex) ?? b64.endIndex
            s += b64[i ..< j]; s += "\n"
            i = j
        }
        s += "\"\"\"\n}\n"
        return s
    }
}
