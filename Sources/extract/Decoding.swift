import Foundation
import Glibc

/// Text encodings of input files: detected (see `Decoder.decode`) or forced with `--encoding`.
enum TextEncoding: String, CaseIterable {
    case utf8 = "utf-8", utf16le = "utf-16le", utf16be = "utf-16be", gb18030 = "gb18030", big5 = "big5"

    /// Accepts common spellings: UTF8, gbk, gb2312 (both read as GB18030, a superset), BIG5.
    init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        case "utf-16", "utf16": self = .utf16le
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "big5", "big-5", "cp950": self = .big5
        default: return nil
        }
    }

    var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        case .gb18030: return "GB18030"
        case .big5: return "BIG5"
        }
    }
}

/// The result of decoding a file: UTF-8 bytes, the encoding used, and where the
/// invalid bytes were (each sequence replaced by U+FFFD), if any.
struct Decoded {
    var utf8: [UInt8]
    var encoding: TextEncoding
    /// Input byte offsets of the first `Decoder.offsetsKept` invalid sequences.
    var invalidOffsets: [Int] = []
    /// All invalid sequences, named or not.
    var invalidCount = 0
}

/// Why some bytes are not a text document.
struct NotText: Error, CustomStringConvertible {
    let description: String
}

enum Decoder {
    /// How many invalid byte offsets a warning names before it gives only the count.
    static let offsetsKept = 5

    /// The warning for a document whose bytes were partly replaced with U+FFFD: every
    /// damaged place up to `offsetsKept`, then how many more.
    static func invalidBytesWarning(doc: String, encoding: TextEncoding, offsets: [Int], count: Int) -> String {
        let name = encoding == .utf8 ? "UTF-8" : encoding.rawValue.uppercased()
        let places = offsets.map(String.init).joined(separator: ", ")
        let at = offsets.count == 1 ? "byte \(places)" : "bytes \(places)"
        let more = count > offsets.count ? " and \(count - offsets.count) more" : ""
        let total = count > 1 ? " (\(count) invalid sequences)" : ""
        return "\(doc): invalid \(name) at \(at)\(more)\(total); replaced with U+FFFD"
    }

    /// Decodes `bytes` with `forced`, or detects the encoding: a byte-order mark, then
    /// UTF-16 without one (NUL bytes on one side of each pair), then UTF-8 (kept even
    /// with a few damaged sequences), then GB18030 or Big5, whichever reads as Chinese.
    /// Bytes that decode to no plausible text in any of them are not a document.
    static func decode(_ bytes: [UInt8], forced: TextEncoding?) -> Result<Decoded, NotText> {
        var body = bytes[...]
        var bom: TextEncoding? = nil
        if bytes.starts(with: "\u{FEFF}".utf8) { bom = .utf8; body = bytes[3...] }
        else if bytes.starts(with: utf16LEMark) { bom = .utf16le; body = bytes[2...] }
        else if bytes.starts(with: utf16BEMark) { bom = .utf16be; body = bytes[2...] }
        let offset = bytes.count - body.count
        if let e = forced ?? bom {
            // The user's word, or the file's own mark: no guessing, no refusing.
            var d = convert(Array(body), from: e)
            d.invalidOffsets = d.invalidOffsets.map { $0 + offset }
            return .success(d)
        }
        let raw = Array(body)
        if raw.prefix(sniffLength).contains(0) {
            // NUL bytes: UTF-16 text without a byte-order mark, or binary data.
            if let e = utf16WithoutMark(raw) {
                let d = convert(raw, from: e)
                if looksLikeText(d) == nil { return .success(d) }
            }
            return .failure(NotText(description: "binary file (contains NUL bytes), skipped"))
        }
        let u = convert(raw, from: .utf8)
        // Valid UTF-8 is taken as is (as the fast path in DocumentLoader takes it).
        if u.invalidCount == 0 { return .success(u) }
        // UTF-8 with a few damaged sequences stays UTF-8: legacy text read as UTF-8 has
        // far more invalid sequences than valid multi-byte ones.
        if u.invalidCount * 200 <= raw.count || u.invalidCount * 2 <= validMultibyte(raw) {
            if let why = looksLikeText(u) { return .failure(why) }
            return .success(u)
        }
        // Otherwise the legacy encoding whose text reads most like Chinese: GB18030 accepts
        // nearly any byte pair, so error counts alone cannot tell it from Big5.
        let g = convert(raw, from: .gb18030)
        let b = convert(raw, from: .big5)
        let scores = [u, g, b].map { score($0) }
        let best = [u, g, b][scores.indices.max { scores[$0] < scores[$1] } ?? 0]
        if let why = looksLikeText(best) { return .failure(why) }
        return .success(best)
    }

    /// The byte-order mark U+FEFF in UTF-16, little- and big-endian.
    static let utf16LEMark: [UInt8] = [0xFF, 0xFE], utf16BEMark: [UInt8] = [0xFE, 0xFF]

    /// Bytes looked at to tell text from binary data.
    static let sniffLength = 65_536

    /// UTF-16 without a byte-order mark: NUL bytes fall mostly on one side of the byte
    /// pairs (the high byte of ASCII characters: odd offsets little-endian), never in
    /// pairs (U+0000 is not text). Chinese text has few ASCII characters, and some Han
    /// characters hold a NUL byte too (一 is U+4E00), so both byte orders are decoded and
    /// the one that reads as Chinese wins.
    static func utf16WithoutMark(_ raw: [UInt8]) -> TextEncoding? {
        guard raw.count >= 2, raw.count % 2 == 0 else { return nil }
        var even = 0, odd = 0, pairs = 0
        for k in stride(from: 0, to: min(raw.count, sniffLength) - 1, by: 2) {
            let a = raw[k] == 0, b = raw[k + 1] == 0
            if a && b { pairs += 1 } else if a { even += 1 } else if b { odd += 1 }
        }
        guard pairs * 100 <= even + odd else { return nil }
        // Mostly on one side, and more than a stray byte or two.
        guard max(even, odd) >= 3, max(even, odd) >= 3 * min(even, odd) else { return nil }
        let sample = Array(raw.prefix(sniffLength))
        let candidates = [TextEncoding.utf16le, .utf16be].map { e -> (TextEncoding, Int)? in
            let d = convert(sample, from: e)
            return looksLikeText(d) == nil ? (e, score(d)) : nil
        }
        return candidates.compactMap { $0 }.max { $0.1 < $1.1 }?.0
    }

    /// True when `bytes` is well-formed UTF-8: a tight loop that skips ASCII eight bytes at
    /// a time (the standard library's validation costs several times more per byte).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { u -> Bool in
            let n = u.count
            guard let base = u.baseAddress else { return true }
            var i = 0
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && u[k] & 0b1100_0000 == 0b1000_0000 }
            while i < n {
                if i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }   // eight ASCII bytes
                    // A run of three-byte characters (CJK): lead byte 1110xxxx and two continuation
                    // bytes in one masked compare of the little-endian word; not overlong (below
                    // U+0800), not a UTF-16 surrogate.
                    var w = UInt32(truncatingIfNeeded: word)
                    while w & 0x00C0_C0F0 == 0x0080_80E0 {
                        let v = (w & 0x0F) << 12 | (w >> 2) & 0x0FC0 | (w >> 16) & 0x3F
                        guard v >= 0x800, v &- 0xD800 >= 0x800 else { return false }
                        i &+= 3
                        guard i &+ 4 <= n else { break }
                        w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self)
                    }
                    if i >= n { break }
                }
                let b = u[i]
                if b < 0b1000_0000 { i += 1; continue }
                if b >= 0b1100_0010 && b < 0b1110_0000 {                    // 2 bytes (C0, C1 overlong)
                    guard cont(i + 1) else { return false }
                    i += 2
                } else if b & 0b1111_0000 == 0b1110_0000 {                 // 3 bytes
                    guard cont(i + 1), cont(i + 2) else { return false }
                    let second = u[i + 1]
                    if b == 0b1110_0000 && second < 0b1010_0000 { return false }   // overlong
                    if b == 0b1110_1101 && second >= 0b1010_0000 { return false }  // UTF-16 surrogate
                    i += 3
                } else if b >= 0b1111_0000 && b < 0b1111_0101 {             // 4 bytes, up to U+10FFFF
                    guard cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
                    let second = u[i + 1]
                    if b == 0b1111_0000 && second < 0b1001_0000 { return false }   // overlong
                    if b == 0b1111_0100 && second >= 0b1001_0000 { return false }  // past U+10FFFF
                    i += 4
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Number of well-formed multi-byte UTF-8 sequences (non-ASCII characters) in `raw`.
    static func validMultibyte(_ raw: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var it = raw.makeIterator()
        var count = 0
        loop: while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let v): if v.count > 1 { count += 1 }
            case .emptyInput: break loop
            case .error: continue
            }
        }
        return count
    }

    /// Nil when the start of the decoded text reads as text; otherwise why not. Binary
    /// data read in a legacy encoding gives control and private-use characters, and Han
    /// characters drawn evenly from the whole repertoire, where real text uses few.
    static func looksLikeText(_ d: Decoded) -> NotText? {
        var total = 0, odd = 0, han = 0, commonHan = 0
        for u in String(decoding: d.utf8.prefix(sniffLength), as: UTF8.self).unicodeScalars {
            total += 1
            switch u.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: break                 // tab, line breaks, form feed
            case 0x00...0x1F, 0x7F...0x9F: odd += 1                   // C0 and C1 controls, DEL
            case 0xE000...0xF8FF, 0xF0000...0x10FFFF: odd += 1        // private use
            case 0xFFFD where d.encoding != .utf8: odd += 1           // undecodable bytes (UTF-8 kept
                                                                      // only when few were)
            case 0x4E00...0x9FFF:
                han += 1
                if common.contains(u.value) { commonHan += 1 }
            default: break
            }
        }
        let name = d.encoding == .utf8 ? "UTF-8" : d.encoding.rawValue.uppercased()
        if total >= 16 && odd * 20 > total {
            return NotText(description: "binary file (as \(name), \(odd * 100 / total)% of its characters are control, "
                           + "private-use or undecodable), skipped")
        }
        if han >= 200 && commonHan * 10 < han {
            return NotText(description: "binary file (as \(name), its Chinese characters are almost all rare ones), "
                           + "skipped")
        }
        return nil
    }

    /// Very common characters, simplified and traditional: decoded text that holds many of
    /// them is in the right encoding.
    static let common = Set(("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面" +
        "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其" +
        "些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军" +
        "很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角" +
        "期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济油思术极交受联认" +
        "六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况" +
        "今集温传土许步群广石记需段研界林律且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般" +
        "們個國會這來時為說對發後從當與經過動學開關長問間現實點業體機麼兩裡頭無軍員產種進義見總計區設輪將東華萬萬報資邊" +
        "統據處隊給門領導濟權認轉單風帶場車務類聲議傳記須際驗連斷難備辦響約歷縣價").unicodeScalars.map { $0.value })

    static func score(_ d: Decoded) -> Int {
        var hits = 0
        for u in String(decoding: d.utf8.prefix(200_000), as: UTF8.self).unicodeScalars where common.contains(u.value) {
            hits += 1
        }
        return hits - 10 * d.invalidCount
    }

    /// Converts with iconv, replacing each undecodable byte with U+FFFD and going on.
    static func convert(_ input: [UInt8], from encoding: TextEncoding) -> Decoded {
        if encoding == .utf8 {
            if String(validating: input, as: UTF8.self) != nil {
                return Decoded(utf8: input, encoding: .utf8)
            }
            // Count and repair invalid sequences.
            var parser = Unicode.UTF8.ForwardParser()
            var it = input.makeIterator()
            var offset = 0, offsets: [Int] = [], count = 0
            loop: while true {
                switch parser.parseScalar(from: &it) {
                case .valid(let v): offset += v.count
                case .emptyInput: break loop
                case .error(let len):
                    if offsets.count < offsetsKept { offsets.append(offset) }
                    count += 1; offset += len
                }
            }
            return Decoded(utf8: Array(String(decoding: input, as: UTF8.self).utf8), encoding: .utf8,
                           invalidOffsets: offsets, invalidCount: count)
        }
        let cd = iconv_open("UTF-8", encoding.iconvName)
        guard let cd, cd != UnsafeMutableRawPointer(bitPattern: -1) else {
            return Decoded(utf8: Array(String(decoding: input, as: UTF8.self).utf8), encoding: encoding,
                           invalidOffsets: [0], invalidCount: input.count)
        }
        defer { iconv_close(cd) }
        var out = [UInt8]()
        out.reserveCapacity(input.count * 3 / 2 + 16)
        var offsets: [Int] = []
        var invalid = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var inputCopy = input
        inputCopy.withUnsafeMutableBufferPointer { inBuf in
            guard let inBase = inBuf.baseAddress else { return }
            var pos = 0
            let total = inBuf.count
            while pos < total {
                var inPtr: UnsafeMutablePointer<CChar>? =
                    UnsafeMutableRawPointer(inBase + pos).assumingMemoryBound(to: CChar.self)
                var inLeft = total - pos
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuf -> Int in
                    guard let outBase = outBuf.baseAddress else { return 0 }
                    var outPtr: UnsafeMutablePointer<CChar>? =
                        UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    let room = outBuf.count - 4          // 3 bytes kept for a U+FFFD
                    var outLeft = room
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let err = r == -1 ? errno : 0
                    let consumed = (total - pos) - inLeft
                    pos += consumed
                    let n = room - outLeft
                    if r == -1 && err != E2BIG {
                        // EILSEQ or EINVAL (truncated at the end): one bad byte becomes U+FFFD.
                        if offsets.count < offsetsKept { offsets.append(pos) }
                        invalid += 1
                        pos += 1
                        for (k, byte) in "\u{FFFD}".utf8.enumerated() { outBuf[n + k] = byte }
                        return n + 3
                    }
                    return n
                }
                out.append(contentsOf: chunk[0..<produced])
                if produced == 0 && inLeft > 0 && pos < total { pos += 1 }   // no progress: skip a byte
            }
        }
        return Decoded(utf8: out, encoding: encoding, invalidOffsets: offsets, invalidCount: invalid)
    }
}
