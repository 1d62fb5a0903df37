import Normalizer

/// A document prepared for recognition: decoded, cleaned, and mapped back.
///
/// Cleaning folds full-width forms (１３ → 13, ．→ ., ％ → %) one for one and
/// removes white space (spaces, ideographic spaces, line breaks) that stands
/// next to a Han character: "13 万个" reads as "13万个", and a figure or name
/// broken across lines by PDF extraction ("3.15\n亿元") reads whole. White
/// space between two digits or two Latin words is kept ("45018 9965" stays
/// two numbers). Every cleaned position maps back to a Unicode-scalar offset
/// in the original, so records index the text the user gave.
public struct SourceText: Sendable {
    public let original: String
    /// Folded scalar values with removable white space dropped.
    public let scalars: [UInt32]
    /// For each run of removed white space: the cleaned index of the scalar after
    /// it, and the total number of original scalars removed up to there.
    let removals: [(at: Int32, total: Int32)]
    /// Cleaned positions where a removed run of white space held a line break: the
    /// paragraph breaks that cleaning joined (a sentence never continues across one
    /// for as_of scope).
    public let joinedBreaks: [Int32]
    /// Original scalar offsets at which lines 2, 3, … begin.
    let lineStarts: [Int32]
    /// UTF-8 offset of every 64th original scalar, to slice the original quickly.
    let checkpoints: [Int32]
    /// Number of scalars in the original.
    public let originalCount: Int

    @inline(__always) static func isHan(_ c: UInt32) -> Bool {
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007
            || (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF)
    }

    @inline(__always) static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0B || c == 0x0C
    }

    /// Characters that may stand on the far side of removable white space from a Han
    /// character: Han, ASCII letters and digits, and the signs that belong to figures.
    @inline(__always) static func isJoinable(_ c: UInt32) -> Bool {
        isHan(c) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
            || c == 0x25 || c == 0x2030 || c == 0x2103 || c == 0xB0 || c == 0x2E || c == 0x28 || c == 0x29
    }

    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        original = text
        var removals: [(at: Int32, total: Int32)] = []
        var joinedBreaks: [Int32] = []
        var lineStarts: [Int32] = []
        var checkpoints: [Int32] = []
        var count = 0
        let out: [UInt32] = text.withUTF8 { u -> [UInt32] in
            let n = u.count
            checkpoints.reserveCapacity(n / 32 + 1)
            return [UInt32](unsafeUninitializedCapacity: n + 1) { buf, initialized in
                var o = 0                      // next write position in buf
                var i = 0
                var removed: Int32 = 0
                var spaceStart = -1            // buf index where a white-space run begins
                var prev: UInt32 = 0           // last non-space scalar written
                var prevOriginal: UInt32 = 0
                while i < n {
                    if count & 15 == 0 { checkpoints.append(Int32(i)) }
                    let b0 = u[i]
                    var c: UInt32
                    if b0 < 0x80 {
                        c = UInt32(b0); i += 1
                    } else if b0 < 0xE0 {
                        c = (UInt32(b0 & 0x1F) << 6) | UInt32(u[i + 1] & 0x3F); i += 2
                    } else if b0 < 0xF0 {
                        c = (UInt32(b0 & 0x0F) << 12) | (UInt32(u[i + 1] & 0x3F) << 6) | UInt32(u[i + 2] & 0x3F); i += 3
                    } else {
                        c = (UInt32(b0 & 0x07) << 18) | (UInt32(u[i + 1] & 0x3F) << 12)
                            | (UInt32(u[i + 2] & 0x3F) << 6) | UInt32(u[i + 3] & 0x3F); i += 4
                    }
                    count += 1
                    if c < 0x80 {
                        if c == 0x0A { lineStarts.append(Int32(count)) }
                        if SourceText.isSpace(c) {
                            if spaceStart < 0 { spaceStart = o }
                            buf[o] = c; o += 1
                            continue
                        }
                    } else {
                        // ４，５６５: a full-width comma between full-width digits is a thousands separator.
                        if c == 0xFF0C, prevOriginal &- 0xFF10 < 10, i + 2 < n, u[i] == 0xEF, u[i + 1] == 0xBC,
                           u[i + 2] &- 0x90 < 10 {
                            c = 0x2C
                        }
                        prevOriginal = c
                        c = NumeralTable.fold(c)
                        if c == 0x20 {
                            if spaceStart < 0 { spaceStart = o }
                            buf[o] = c; o += 1
                            continue
                        }
                    }
                    if spaceStart >= 0 {
                        // Drop the run when it stands next to a Han character on one side and
                        // a joinable character on the other.
                        if spaceStart > 0 && ((SourceText.isHan(prev) && SourceText.isJoinable(c))
                                              || (SourceText.isHan(c) && SourceText.isJoinable(prev))) {
                            removed += Int32(o - spaceStart)
                            for k in spaceStart..<o where buf[k] == 0x0A { joinedBreaks.append(Int32(spaceStart)); break }
                            o = spaceStart
                            removals.append((Int32(o), removed))
                        }
                        spaceStart = -1
                    }
                    buf[o] = c; o += 1
                    prev = c
                }
                initialized = o
            }
        }
        scalars = out
        self.removals = removals
        self.joinedBreaks = joinedBreaks
        self.lineStarts = lineStarts
        self.checkpoints = checkpoints
        originalCount = count
    }

    /// Original scalar offset of the cleaned index `i` (0 ≤ i ≤ scalars.count).
    @inline(__always)
    public func originalOffset(_ i: Int) -> Int {
        if removals.isEmpty || Int32(i) < removals[0].at { return i }
        var lo = 0, hi = removals.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if removals[mid].at <= Int32(i) { lo = mid } else { hi = mid - 1 }
        }
        return i + Int(removals[lo].total)
    }

    /// Original scalar offset of the cleaned index `i`, starting the search at `hint`
    /// (an index into the removal list) and leaving it there for the next, later call:
    /// records come in document order, so this is amortized O(1).
    @inline(__always)
    public func originalOffset(_ i: Int, hint: inout Int) -> Int {
        let n = removals.count
        if n == 0 || Int32(i) < removals[0].at { hint = 0; return i }
        if hint >= n || removals[hint].at > Int32(i) { return originalOffset(i) }
        while hint + 1 < n && removals[hint + 1].at <= Int32(i) { hint += 1 }
        return i + Int(removals[hint].total)
    }

    /// Original span of the cleaned span `[a, b)`, with a search hint (see `originalOffset(_:hint:)`).
    public func originalSpan(_ a: Int, _ b: Int, hint: inout Int) -> (start: Int, end: Int) {
        let s = originalOffset(a, hint: &hint)
        let e = b > a ? originalOffset(b - 1, hint: &hint) + 1 : s
        return (s, e)
    }

    /// Original span of the cleaned span `[a, b)`: from the original position of the
    /// first scalar to just past the original position of the last one.
    public func originalSpan(_ a: Int, _ b: Int) -> (start: Int, end: Int) {
        let s = originalOffset(a)
        let e = b > a ? originalOffset(b - 1) + 1 : s
        return (s, e)
    }

    /// 1-based line of an original scalar offset.
    public func line(ofOriginal offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo + 1
    }

    /// The original text of original scalar offsets `[start, end)`.
    public func slice(_ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= originalCount else { return "" }
        return original.utf8.withContiguousStorageIfAvailable { u -> String in
            let a = byteOffset(start, u), b = byteOffset(end, u)
            return String(decoding: UnsafeBufferPointer(rebasing: u[a..<b]), as: UTF8.self)
        } ?? ""
    }

    /// The original slice with line breaks (and the white space around them) removed,
    /// as names and objects are reported.
    public func sliceWithoutBreaks(_ start: Int, _ end: Int) -> String {
        let s = slice(start, end)
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = String.UnicodeScalarView()
        var pendingSpace = String.UnicodeScalarView()
        var sawBreak = false
        for u in s.unicodeScalars {
            if u == "\n" || u == "\r" { sawBreak = true; continue }
            if u == " " || u == "\t" || u == "\u{3000}" { pendingSpace.append(u); continue }
            if !sawBreak { out.append(contentsOf: pendingSpace) }
            pendingSpace.removeAll(); sawBreak = false
            out.append(u)
        }
        return String(out)
    }

    private func byteOffset(_ scalar: Int, _ u: UnsafeBufferPointer<UInt8>) -> Int {
        if scalar >= originalCount { return u.count }
        var byte = Int(checkpoints[scalar >> 4])
        var k = scalar & ~15
        while k < scalar {
            let b0 = u[byte]
            byte += b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            k += 1
        }
        return byte
    }
}
