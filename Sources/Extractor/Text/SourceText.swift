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
///
///     let source = SourceText("共 １３ 万\n个")
///     source.original                  // "共 １３ 万\n个", as given
///     source.scalars                   // the values of "共13万个": folded, white space around Han dropped
///     source.originalSpan(1, 5)        // (start: 2, end: 8): "１３ 万\n个" in the original
public struct SourceText: Sendable {
    /// The original text as UTF-8 bytes (after repair of invalid bytes, if any).
    ///
    ///     SourceText(utf8: [0x33, 0xFF, 0x36]).utf8   // the bytes of "3\u{FFFD}6"
    public let utf8: [UInt8]
    /// The original text.
    ///
    ///     SourceText(utf8: [0xEF, 0xBB, 0xBF] + Array("3 人".utf8)).original   // "3 人": no byte-order mark
    public var original: String { String(decoding: utf8, as: UTF8.self) }
    /// Byte offset of the first invalid UTF-8 sequence in the input, replaced by U+FFFD; nil if none.
    ///
    ///     SourceText(utf8: [0x33, 0xFF, 0x36]).firstInvalidByte   // 1
    public let firstInvalidByte: Int?
    /// True when the text holds U+FFFD: bytes that could not be decoded, here or before
    /// the text reached us. Records next to one are marked `damaged`.
    ///
    ///     SourceText(utf8: [0x33, 0xFF, 0x36]).hasReplacementCharacters   // true
    public let hasReplacementCharacters: Bool
    /// Folded scalar values with removable white space dropped.
    ///
    ///     SourceText("共 １３ 万").scalars.count   // 4: 共 1 3 万
    public internal(set) var scalars: [UInt32]
    /// For each run of removed white space: the cleaned index of the scalar after
    /// it, and the total number of original scalars removed up to there.
    let removals: [(at: Int32, total: Int32)]
    /// Cleaned positions where a removed run of white space held a line break: the
    /// paragraph breaks that cleaning joined (a sentence never continues across one
    /// for as_of scope).
    ///
    ///     SourceText("共 １３ 万\n个").joinedBreaks   // [4]: 个 came after a line break
    public let joinedBreaks: [Int32]
    /// Original scalar offsets at which lines 2, 3, … begin.
    let lineStarts: [Int32]
    /// UTF-8 offset of every 4th original scalar, to slice the original quickly.
    let checkpoints: [Int32]
    /// Number of scalars in the original.
    ///
    ///     SourceText("共 １３ 万").originalCount   // 6
    public let originalCount: Int

    /// The scalar of a value known to be one (decoded and checked, or folded from one): a
    /// `Unicode.Scalar` is its `UInt32` value, so this costs nothing. (`isHan` only compares
    /// ranges, so it is also safe on any value.)
    @inline(__always) static func scalar(_ v: UInt32) -> Unicode.Scalar { unsafeBitCast(v, to: Unicode.Scalar.self) }

    /// Characters that may stand on the far side of removable white space from a Han
    /// character: Han, ASCII letters and digits, and the signs that belong to figures.
    @inline(__always) static func isJoinable(_ c: Unicode.Scalar) -> Bool {
        c.isHan || c.isASCIILetterOrDigit
            || c == "%" || c == "‰" || c == "℃" || c == "°" || c == "." || c == "(" || c == ")"
    }

    /// Text from a String: offsets count its scalars exactly (a U+FEFF in it is kept).
    ///
    ///     let source = SourceText("服务时长 367.18 万小时")
    public init(_ text: String) {
        self.init(utf8: Array(text.utf8), stripByteOrderMark: false)
    }

    /// Text from UTF-8 bytes (a leading byte-order mark is not part of the text). Invalid
    /// bytes become U+FFFD and `firstInvalidByte` tells where the first one was.
    ///
    ///     SourceText(utf8: [0xEF, 0xBB, 0xBF] + Array("3 人".utf8)).originalCount   // 3
    public init(utf8 input: [UInt8], stripByteOrderMark: Bool = true) {
        var bytes = input
        var skipped = 0
        if stripByteOrderMark, bytes.starts(with: "\u{FEFF}".utf8) {
            bytes.removeFirst(3)
            skipped = 3
        }
        if let d = SourceText.decode(bytes) {
            self.init(bytes, d, invalid: nil)
        } else {
            let invalid = SourceText.firstInvalid(bytes).map { $0 + skipped }
            let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
            // Repaired text is valid by construction.
            let d = SourceText.decode(repaired) ?? Decoded()
            self.init(repaired, d, invalid: invalid)
        }
    }

    private init(_ bytes: [UInt8], _ d: Decoded, invalid: Int?) {
        utf8 = bytes
        firstInvalidByte = invalid
        hasReplacementCharacters = d.replacements
        scalars = d.scalars
        removals = d.removals
        joinedBreaks = d.joinedBreaks
        lineStarts = d.lineStarts
        checkpoints = d.checkpoints
        originalCount = d.count
    }

    struct Decoded {
        var scalars: [UInt32] = []
        var removals: [(at: Int32, total: Int32)] = []
        var joinedBreaks: [Int32] = []
        var lineStarts: [Int32] = []
        var checkpoints: [Int32] = [0]
        var count = 0
        var replacements = false
    }

    /// Offset of the first invalid UTF-8 sequence.
    static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var it = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let v): offset += v.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Decodes, validates, folds and cleans in one pass; nil on invalid UTF-8.
    static func decode(_ bytes: [UInt8]) -> Decoded? {
        var out = Cleaned()
        var valid = true
        var scalars: [UInt32] = []
        let checkpoints = bytes.withUnsafeBufferPointer { u in
            // The scalars and checkpoints are written through raw buffers (an Array.append per
            // scalar costs a uniqueness check each time), by `clean`, whose state stays in locals.
            [Int32](unsafeUninitializedCapacity: u.count / 4 + 2) { cbuf, cinit in
                scalars = [UInt32](unsafeUninitializedCapacity: u.count + 1) { buf, initialized in
                    guard let b = buf.baseAddress, let c = cbuf.baseAddress else { return }
                    valid = clean(u, into: b, checkpoints: c, &out)
                    initialized = valid ? out.written : 0
                    cinit = valid ? out.checkpointCount : 0
                }
            }
        }
        guard valid else { return nil }
        return Decoded(scalars: scalars, removals: out.removals, joinedBreaks: out.joinedBreaks,
                       lineStarts: out.lineStarts, checkpoints: checkpoints, count: out.count,
                       replacements: out.replacements)
    }

    /// What `clean` leaves besides the scalars and checkpoints it writes.
    struct Cleaned {
        var written = 0
        var checkpointCount = 0
        var count = 0
        var replacements = false
        var removals: [(at: Int32, total: Int32)] = []
        var joinedBreaks: [Int32] = []
        var lineStarts: [Int32] = []
    }

    /// The decoding pass: UTF-8 `u` to folded scalars in `buf` (white space next to Han
    /// dropped), the UTF-8 offset of every 4th scalar in `cbuf`; false on invalid UTF-8.
    /// `tightLoops: false` sends every character through the general path (for the tests that
    /// hold the two paths equal).
    static func clean(_ u: UnsafeBufferPointer<UInt8>, into buf: UnsafeMutablePointer<UInt32>,
                      checkpoints cbuf: UnsafeMutablePointer<Int32>, _ r: inout Cleaned,
                      tightLoops: Bool = true) -> Bool {
        let n = u.count
        var count = 0, cp = 0, replacements = false
        var removals: [(at: Int32, total: Int32)] = []
        var joinedBreaks: [Int32] = []
        var lineStarts: [Int32] = []
        var o = 0                      // next write position in buf
        var i = 0
        var removed: Int32 = 0
        var spaceStart = -1            // buf index where a white-space run begins
        var prev: Unicode.Scalar = "\0"   // last non-space scalar written
        var prevOriginal: Unicode.Scalar = "\0"
        let lineFeed = ("\n" as Unicode.Scalar).value
        let fullWidthZero: Unicode.Scalar = "０"
        let ideographicSpace = ("　" as Unicode.Scalar).value, fullWidthFirst = ("！" as Unicode.Scalar).value
        // UTF-8: a lead byte 0xxxxxxx, 110xxxxx, 1110xxxx or 11110xxx, then
        // continuation bytes 10xxxxxx, each carrying six bits.
        @inline(__always) func cont(_ x: UInt8) -> Bool { x & 0b1100_0000 == 0b1000_0000 }
        @inline(__always) func bits(_ x: UInt8) -> UInt32 { UInt32(x & 0b0011_1111) }
        defer {
            r.written = o; r.checkpointCount = cp; r.count = count; r.replacements = replacements
            r.removals = removals; r.joinedBreaks = joinedBreaks; r.lineStarts = lineStarts
        }
        while i < n {
            // Most of the text: a run of three-byte characters after the ideographic space and
            // before the full-width forms (CJK), which need no folding and are never white
            // space, with no white space pending. Copied in a tight loop; anything else (or
            // anything invalid) falls through to the general path below.
            if spaceStart < 0, tightLoops, let base = u.baseAddress {
                var last: UInt32 = 0
                // A character's three bytes (and the next one's first) as one little-endian word
                // (Linux on x86-64 and arm64): a lead byte 1110xxxx and two continuation bytes
                // are one masked compare; at a checkpoint, four characters are checked together.
                let mask: UInt32 = 0x00C0_C0F0, lead: UInt32 = 0x0080_80E0
                @inline(__always) func scalar(_ w: UInt32) -> UInt32 {
                    (w & 0x0F) << 12 | (w >> 2) & 0x0FC0 | (w >> 16) & 0x3F
                }
                // Above U+3000 (so not overlong), below U+FF01, not a UTF-16 surrogate.
                @inline(__always) func plain(_ v: UInt32) -> Bool {
                    v &- (ideographicSpace + 1) < fullWidthFirst - (ideographicSpace + 1) && v &- 0xD800 >= 0x800
                }
                while i &+ 3 < n {
                    // Four characters in a step at a checkpoint (each fourth character has one).
                    if count & 3 == 0, i &+ 12 < n {
                        let p = UnsafeRawPointer(base + i)
                        let w0 = p.loadUnaligned(as: UInt32.self)
                        let w1 = p.loadUnaligned(fromByteOffset: 3, as: UInt32.self)
                        let w2 = p.loadUnaligned(fromByteOffset: 6, as: UInt32.self)
                        let w3 = p.loadUnaligned(fromByteOffset: 9, as: UInt32.self)
                        if (w0 & mask ^ lead) | (w1 & mask ^ lead) | (w2 & mask ^ lead) | (w3 & mask ^ lead) == 0 {
                            let v0 = scalar(w0), v1 = scalar(w1), v2 = scalar(w2), v3 = scalar(w3)
                            if plain(v0) && plain(v1) && plain(v2) && plain(v3) {
                                cbuf[cp] = Int32(truncatingIfNeeded: i); cp &+= 1
                                buf[o] = v0; buf[o &+ 1] = v1; buf[o &+ 2] = v2; buf[o &+ 3] = v3
                                o &+= 4; i &+= 12; count &+= 4
                                last = v3
                                continue
                            }
                        }
                    }
                    let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self)
                    guard w & mask == lead else { break }
                    let v = scalar(w)
                    guard plain(v) else { break }
                    if count & 3 == 0 { cbuf[cp] = Int32(truncatingIfNeeded: i); cp &+= 1 }
                    buf[o] = v
                    o &+= 1; i &+= 3; count &+= 1
                    last = v
                }
                if last != 0 { prev = SourceText.scalar(last); prevOriginal = prev }
                if i >= n { break }
            }
            if count & 3 == 0 { cbuf[cp] = Int32(i); cp += 1 }
            let b0 = u[i]
            let v: UInt32
            if b0 & 0b1111_0000 == 0b1110_0000 {
                guard i + 2 < n, cont(u[i + 1]), cont(u[i + 2]) else { return false }
                v = UInt32(b0 & 0b0000_1111) << 12 | bits(u[i + 1]) << 6 | bits(u[i + 2]); i += 3
                // Not overlong (below U+0800), not a UTF-16 surrogate.
                guard v >= 0x800, v < 0xD800 || v > 0xDFFF else { return false }
            } else if b0 < 0b1000_0000 {
                v = UInt32(b0); i += 1
            } else if b0 >= 0b1100_0010 && b0 < 0b1110_0000 {     // C0 and C1 would be overlong
                guard i + 1 < n, cont(u[i + 1]) else { return false }
                v = UInt32(b0 & 0b0001_1111) << 6 | bits(u[i + 1]); i += 2
            } else if b0 >= 0b1111_0000 && b0 < 0b1111_0101 {     // F5 and up would pass U+10FFFF
                guard i + 3 < n, cont(u[i + 1]), cont(u[i + 2]), cont(u[i + 3]) else { return false }
                v = UInt32(b0 & 0b0000_0111) << 18 | bits(u[i + 1]) << 12
                    | bits(u[i + 2]) << 6 | bits(u[i + 3]); i += 4
                // Beyond the Basic Multilingual Plane, up to U+10FFFF.
                guard v >= 0x10000, v <= 0x10FFFF else { return false }
            } else {
                return false
            }
            var c = SourceText.scalar(v)
            count += 1
            if c.isASCII {
                prevOriginal = c
                if c == "\n" { lineStarts.append(Int32(count)) }
                if c.isASCIISpace {
                    if spaceStart < 0 { spaceStart = o }
                    buf[o] = c.value; o += 1
                    continue
                }
            } else if v <= ideographicSpace || v >= fullWidthFirst {
                // ４，５６５: a full-width comma between full-width digits is a thousands
                // separator. ０–９ share their first two UTF-8 bytes; the last counts up.
                if c == "，", prevOriginal.value &- fullWidthZero.value < 10, SourceText.isFullWidthDigit(u, at: i) {
                    c = ","
                }
                // ２９·４％, ３·１５亿: a middle dot between digits is a decimal point in older print
                // (People's Daily) when a percent sign or 万/亿 follows the digits after it; not
                // in 3·15晚会 or 5·12地震, dates that name events.
                if c == "·", prevOriginal.isASCIIDigit || prevOriginal.value &- fullWidthZero.value < 10,
                   SourceText.decimalAfterMiddleDot(u, from: i) {
                    c = "."
                }
                prevOriginal = c
                if c == "\u{FFFD}" { replacements = true }   // the replacement character
                c = SourceText.scalar(NumeralTable.fold(c.value))
                if c == " " {
                    if spaceStart < 0 { spaceStart = o }
                    buf[o] = c.value; o += 1
                    continue
                }
            } else {
                prevOriginal = c                              // CJK after white space
            }
            if spaceStart >= 0 {
                // Drop the run when it stands next to a Han character on one side and
                // a joinable character on the other.
                if spaceStart > 0 && ((prev.isHan && SourceText.isJoinable(c))
                                      || (c.isHan && SourceText.isJoinable(prev))) {
                    removed += Int32(o - spaceStart)
                    for k in spaceStart..<o where buf[k] == lineFeed {
                        joinedBreaks.append(Int32(spaceStart)); break
                    }
                    o = spaceStart
                    removals.append((Int32(o), removed))
                }
                spaceStart = -1
            }
            buf[o] = c.value; o += 1
            prev = c
        }
        return true
    }

    /// Do the UTF-8 bytes from `i` hold digits (ASCII or full-width) and then a percent sign
    /// or 万/亿 (the fractional part of a figure written with a middle dot)?
    static func decimalAfterMiddleDot(_ u: UnsafeBufferPointer<UInt8>, from i: Int) -> Bool {
        let n = u.count
        var k = i, digits = 0
        while k < n {
            if u[k] &- 0x30 < 10 { k += 1; digits += 1; continue }
            if isFullWidthDigit(u, at: k) { k += 3; digits += 1; continue }
            break
        }
        guard digits > 0, k < n else { return false }
        if u[k] == 0x25 { return true }                                      // %
        guard k + 2 < n else { return false }
        let next = (u[k], u[k + 1], u[k + 2])
        for word in SourceText.afterDecimalDot where next == word { return true }
        return false
    }

    /// Do the UTF-8 bytes at `i` hold a full-width digit? (０–９ share their first two bytes;
    /// the last counts up.)
    @inline(__always) static func isFullWidthDigit(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let z = fullWidthZeroUTF8
        return i + 2 < u.count && u[i] == z.0 && u[i + 1] == z.1 && u[i + 2] &- z.2 < 10
    }

    /// ０ as UTF-8.
    static let fullWidthZeroUTF8: (UInt8, UInt8, UInt8) = {
        let b = Array("０".utf8)
        return (b[0], b[1], b[2])
    }()

    /// ％, 万, 亿 as UTF-8.
    static let afterDecimalDot: [(UInt8, UInt8, UInt8)] = ["％", "万", "亿", "萬", "億"].map {
        let b = Array($0.utf8)
        return (b[0], b[1], b[2])
    }

    /// Original scalar offset of the cleaned index `i` (0 ≤ i ≤ scalars.count).
    ///
    ///     SourceText("共 １３ 万").originalOffset(2)   // 3: the ３
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
    ///
    ///     var hint = 0
    ///     let starts = [1, 3].map { source.originalOffset($0, hint: &hint) }   // in increasing order
    @inline(__always)
    public func originalOffset(_ i: Int, hint: inout Int) -> Int {
        let n = removals.count
        if n == 0 || Int32(i) < removals[0].at { hint = 0; return i }
        if hint >= n || removals[hint].at > Int32(i) { return originalOffset(i) }
        while hint + 1 < n && removals[hint + 1].at <= Int32(i) { hint += 1 }
        return i + Int(removals[hint].total)
    }

    /// Original span of the cleaned span `[a, b)`, with a search hint (see `originalOffset(_:hint:)`).
    ///
    ///     var hint = 0
    ///     let span = source.originalSpan(1, 4, hint: &hint)
    public func originalSpan(_ a: Int, _ b: Int, hint: inout Int) -> (start: Int, end: Int) {
        let s = originalOffset(a, hint: &hint)
        let e = b > a ? originalOffset(b - 1, hint: &hint) + 1 : s
        return (s, e)
    }

    /// Original span of the cleaned span `[a, b)`: from the original position of the
    /// first scalar to just past the original position of the last one.
    ///
    ///     SourceText("共 １３ 万\n个").originalSpan(2, 5)   // (start: 3, end: 8)
    public func originalSpan(_ a: Int, _ b: Int) -> (start: Int, end: Int) {
        let s = originalOffset(a)
        let e = b > a ? originalOffset(b - 1) + 1 : s
        return (s, e)
    }

    /// 1-based line of an original scalar offset, searching forward from `hint` (an index
    /// into the line starts left by the previous, earlier call).
    ///
    ///     var hint = 0
    ///     let lines = [0, 7].map { source.line(ofOriginal: $0, hint: &hint) }   // [1, 2] for "共 １３ 万\n个"
    @inline(__always)
    public func line(ofOriginal offset: Int, hint: inout Int) -> Int {
        let n = lineStarts.count
        if hint > n || (hint > 0 && Int(lineStarts[hint - 1]) > offset) { hint = line(ofOriginal: offset) - 1 }
        while hint < n && Int(lineStarts[hint]) <= offset { hint += 1 }
        return hint + 1
    }

    /// 1-based line of an original scalar offset.
    ///
    ///     SourceText("共 １３ 万\n个").line(ofOriginal: 7)   // 2
    public func line(ofOriginal offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo + 1
    }

    /// True when U+FFFD (an undecodable byte) is inside original `[start, end)` or among
    /// the two characters before or after it on its line, spaces aside: the mention may
    /// have lost or gained a part there (`33<FF>6 小时`, `3 月 1<FF>日`).
    func touchesReplacement(_ start: Int, _ end: Int) -> Bool {
        let reach = 6   // characters looked at on each side, spaces included
        let from = max(0, start - reach), to = min(originalCount, end + reach)
        let window = Array(slice(from, to).unicodeScalars)
        guard window.count == to - from else { return false }
        let replacement: Unicode.Scalar = "\u{FFFD}"
        let a = start - from, b = end - from
        if window[a..<b].contains(replacement) { return true }
        func near<C: Sequence>(_ side: C) -> Bool where C.Element == Unicode.Scalar {
            var seen = 0
            for c in side {
                if c == "\n" || c == "\r" { return false }
                if c == " " || c == "\t" || c == "　" { continue }
                if c == replacement { return true }
                seen += 1
                if seen == 2 { return false }
            }
            return false
        }
        return near(window[..<a].reversed()) || near(window[b...])
    }

    /// Number of line feeds in the original text (lines − 1).
    ///
    ///     SourceText("a\nb\n").lineBreakCount   // 2
    public var lineBreakCount: Int { lineStarts.count }

    /// The original text of original scalar offsets `[start, end)`.
    ///
    ///     SourceText("共 １３ 万\n个").slice(2, 6)   // "１３ 万"
    public func slice(_ start: Int, _ end: Int) -> String {
        guard start < end, start >= 0, end <= originalCount else { return "" }
        return utf8.withUnsafeBufferPointer { u -> String in
            let a = byteOffset(start, u), b = byteOffset(end, u)
            return String(decoding: UnsafeBufferPointer(rebasing: u[a..<b]), as: UTF8.self)
        }
    }

    /// True when a line break was joined right before cleaned position `i` (PDF text).
    ///
    ///     SourceText("共 １３ 万\n个").isJoinedBreak(at: 4)   // true
    public func isJoinedBreak(at i: Int) -> Bool { nextJoinedBreak(from: i) == i }

    /// The first cleaned position at or after `i` where a line break was joined (Int.max if none):
    /// one binary search, then scans compare positions.
    ///
    ///     SourceText("共 １３ 万\n个").nextJoinedBreak(from: 0)   // 4
    public func nextJoinedBreak(from i: Int) -> Int {
        var lo = 0, hi = joinedBreaks.count
        if hi == 0 { return Int.max }
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(joinedBreaks[mid]) < i { lo = mid + 1 } else { hi = mid }
        }
        return lo < joinedBreaks.count ? Int(joinedBreaks[lo]) : Int.max
    }

    /// The original slice with line breaks (and the white space around them) removed,
    /// as names and objects are reported.
    ///
    ///     SourceText("共 １３ 万\n个").sliceWithoutBreaks(2, 8)   // "１３ 万个"
    public func sliceWithoutBreaks(_ start: Int, _ end: Int) -> String {
        SourceText.withoutBreaks(slice(start, end))
    }

    /// `s` with line breaks (and the white space around them) removed; `s` itself,
    /// without a copy, when it has none (the usual case).
    ///
    ///     SourceText.withoutBreaks("深圳市\n医师协会")   // "深圳市医师协会"
    public static func withoutBreaks(_ s: String) -> String {
        var s = s
        let hasBreak = s.withUTF8 { u -> Bool in
            for byte in u where byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return true }
            return false
        }
        guard hasBreak else { return s }
        var out = String.UnicodeScalarView()
        var pendingSpace = String.UnicodeScalarView()
        var sawBreak = false
        for u in s.unicodeScalars {
            if u == "\n" || u == "\r" { sawBreak = true; continue }
            if u == " " || u == "\t" || u == "　" { pendingSpace.append(u); continue }   // and the ideographic space
            if !sawBreak { out.append(contentsOf: pendingSpace) }
            pendingSpace.removeAll(); sawBreak = false
            out.append(u)
        }
        return String(out)
    }

    /// UTF-8 offset of the original scalar offset `scalar` in `u` (the bytes of `utf8`).
    func byteOffset(_ scalar: Int, _ u: UnsafeBufferPointer<UInt8>) -> Int {
        if scalar >= originalCount { return u.count }
        var byte = Int(checkpoints[scalar >> 2])
        var k = scalar & ~3
        while k < scalar {
            let b0 = u[byte]
            byte += b0 < 0b1000_0000 ? 1 : b0 < 0b1110_0000 ? 2 : b0 < 0b1111_0000 ? 3 : 4   // by the lead byte
            k += 1
        }
        return byte
    }
}
