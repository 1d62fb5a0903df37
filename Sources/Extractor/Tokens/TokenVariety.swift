/// How freely a string of two to four Han characters combines with its neighbours in raw
/// text: its accessor variety (Feng et al. 2004, *Accessor Variety Criteria for Chinese
/// Word Extraction*), the smaller of the number of different characters seen before it and
/// after it. A word is used in many contexts (解放碑 after 在, 到, 的 …, before 广场, 前, 一带 …);
/// a piece of a word is not (放碑 is always after 解). Zhao and Kit (2008) showed such
/// counts from unsegmented text help a character tagger with words it was never shown.
///
/// The counts come from unsegmented text at training time (`TokenVariety.counted`, the
/// training sentences and the sentences of the NER corpora, never an evaluation set) and
/// ship as a compact list; the marks put on each character are the buckets of the
/// 2-, 3- and 4-grams that start there (`TokenFeatures` reads those that end there too).
///
///     let v = TokenVariety.counted([Array("在解放碑前，到解放碑下".unicodeScalars)], minimum: 2)
///     // 解放碑 is seen after 在 and 到, before 前 and 下: variety 2, bucket 1; 放碑 has variety 1
@_spi(Training) public struct TokenVariety: Sendable {
    /// Open addressing: a slot holds a 29-bit fingerprint of the n-gram over its 3-bit bucket
    /// (0: an empty slot); the slot of a fingerprint is its low bits.
    let slots: [UInt32]
    let mask: Int
    /// The entries, fingerprint over bucket, in fingerprint order: what ships.
    public let entries: [UInt32]
    /// The n-gram lengths counted.
    public static let shortest = 2, longest = 4
    /// Where the buckets sit in a character's marks: three bits for each length from 2 on.
    static let markShift: UInt64 = 16
    /// Bucket k holds varieties from `thresholds[k - 1]` on (roughly doubling).
    static let thresholds = [2, 3, 5, 9, 17, 33, 65]

    /// No counts: every n-gram is in bucket 0.
    public static let empty = TokenVariety(entries: [])

    /// The table of `entries` (fingerprint over bucket; the order of insertion is theirs).
    public init(entries: [UInt32]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for e in entries where e & 7 != 0 {
            var slot = Int(e >> 3) & mask
            while slots[slot] != 0 && slots[slot] >> 3 != e >> 3 { slot = (slot + 1) & mask }
            slots[slot] = e
        }
        self.slots = slots
        self.mask = mask
        self.entries = entries
    }

    /// The entries as little-endian bytes (what the generated source holds), and back.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 4)
        for e in entries { for k in 0 ..< 4 { out.append(UInt8(truncatingIfNeeded: e >> (8 * UInt32(k)))) } }
        return out
    }

    public init(bytes: [UInt8]) {
        var entries: [UInt32] = []
        entries.reserveCapacity(bytes.count / 4)
        var i = 0
        while i + 3 < bytes.count {
            entries.append(UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
                           | UInt32(bytes[i + 3]) << 24)
            i += 4
        }
        self.init(entries: entries)
    }

    /// The 29-bit fingerprint of an n-gram's hash (`PhraseTable.step` from its seed), never 0.
    @inline(__always) static func fingerprint(_ h: UInt64) -> UInt32 {
        let f = UInt32(truncatingIfNeeded: h >> 35)
        return f == 0 ? 1 : f
    }

    /// The bucket of a variety (0 below the first threshold).
    static func bucket(_ variety: Int) -> UInt32 {
        var b: UInt32 = 0
        for t in thresholds where variety >= t { b += 1 }
        return b
    }

    /// The bucket of the n-gram with hash `h` (0: not listed).
    @inline(__always) func bucket(_ h: UInt64) -> UInt64 {
        let f = TokenVariety.fingerprint(h)
        return slots.withUnsafeBufferPointer { s in
            var slot = Int(f) & mask
            while true {
                let v = s[slot]
                if v >> 3 == f { return UInt64(v & 7) }
                if v == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The bucket of the `n`-gram starting at a character, from its marks.
    @inline(__always) static func bucket(_ m: UInt64, length n: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: m >> (markShift + 3 * UInt64(n - shortest)) & 7)
    }

    /// Adds to `marks` (same indices as `text`) the buckets of the 2-, 3- and 4-grams of Han
    /// characters starting at each character of `range`, within it.
    public func mark(_ text: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>,
                     into marks: UnsafeMutableBufferPointer<UInt64>) {
        guard !entries.isEmpty else { return }
        let end = range.upperBound
        var i = range.lowerBound
        while i + 1 < end {
            defer { i += 1 }
            guard text[i].isHan else { continue }
            var h = PhraseTable.step(PhraseTable.seed, text[i])
            var k = i + 1, shift = TokenVariety.markShift
            while k < end && k - i < TokenVariety.longest && text[k].isHan {
                h = PhraseTable.step(h, text[k])
                marks[i] |= bucket(h) << shift
                shift += 3
                k += 1
            }
        }
    }
}

extension TokenVariety {
    /// The varieties of the 2- to 4-grams of Han characters in `texts` (cleaned scalars; a text
    /// edge counts as one neighbour), keeping those of variety `minimum` or more.
    /// Deterministic: fingerprints are sorted, never hashed with a per-process seed.
    public static func counted(_ texts: [[Unicode.Scalar]], minimum: Int) -> TokenVariety {
        var entries: [UInt32] = []
        for n in shortest ... longest {
            var left: [UInt64] = [], right: [UInt64] = []
            for t in texts {
                let count = t.count
                guard count >= n else { continue }
                var i = 0
                while i + n <= count {
                    defer { i += 1 }
                    var h = PhraseTable.seed, han = true
                    for k in i ..< i + n {
                        guard t[k].isHan else { han = false; break }
                        h = PhraseTable.step(h, t[k])
                    }
                    guard han else { continue }
                    let f = UInt64(fingerprint(h)) << 32
                    left.append(f | UInt64(i > 0 ? t[i - 1].value : 0))
                    right.append(f | UInt64(i + n < count ? t[i + n].value : 0))
                }
            }
            let l = distinct(&left), r = distinct(&right)
            // Both lists hold every fingerprint, in the same order.
            for (a, b) in zip(l, r) where a.fingerprint == b.fingerprint {
                let v = min(a.count, b.count)
                if v >= minimum { entries.append(a.fingerprint << 3 | bucket(v)) }
            }
        }
        entries.sort()
        return TokenVariety(entries: entries)
    }

    /// Fingerprint-neighbour pairs → each fingerprint with its number of different neighbours.
    static func distinct(_ pairs: inout [UInt64]) -> [(fingerprint: UInt32, count: Int)] {
        pairs.sort()
        var out: [(fingerprint: UInt32, count: Int)] = []
        var previous: UInt64 = .max
        for p in pairs where p != previous {
            let f = UInt32(truncatingIfNeeded: p >> 32)
            if previous != .max && UInt32(truncatingIfNeeded: previous >> 32) == f {
                out[out.count - 1].count += 1
            } else {
                out.append((f, 1))
            }
            previous = p
        }
        return out
    }
}
