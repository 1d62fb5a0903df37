/// A small word matcher: words by first character, longest first.
/// Storage is flat (all words' scalars in one array) so that matching touches no
/// reference counts: a word is (offset, length, id) into `scalars`.
struct WordMatcher: Sendable {
    /// All words' scalars, grouped by first character, longest word first in each group.
    let scalars: [Unicode.Scalar]
    /// Per word, in group order: where its scalars start, its length, its id (input index).
    let offsets: [Int32]
    let lengths: [UInt8]
    let ids: [Int32]
    /// Tags by id.
    let tags: [String]
    /// The first characters, `firsts`'s rank bases, and for the k-th first character (in
    /// scalar order, `ScalarSet.rank`) the first word of its group (in group order); the group
    /// runs while the first scalar stays c. (A table of 65,536 entries a matcher, 256 KiB, was
    /// read at a cache line of its own for each character, in six matchers: the misses cost
    /// more than the words.)
    let firsts: ScalarSet
    let rankBase: [Int32]
    let groupStart: [Int32]
    let lasts: ScalarSet
    /// First characters of one-character words, and the first two characters of longer ones:
    /// most positions are rejected by these before any word is compared.
    let singles: ScalarSet
    let seconds: ScalarSet
    /// A 64K-bit filter of first pairs: a clear bit means no word starts with the pair; a set
    /// bit may be a collision, which the exact compare then rejects. (A Set lookup hashes.)
    let bigrams: [UInt64]

    /// The filter bit of a pair: a multiplicative hash (odd multipliers, not characters) to 16 bits.
    @inline(__always) static func pairBit(_ c: Unicode.Scalar, _ d: Unicode.Scalar) -> Int {
        Int((c.value &* 0x9E37 ^ d.value &* 0x85EB) & 0xFFFF)
    }

    init(_ words: [(String, String)]) {
        self.init(scalarWords: words.map { (Array($0.0.unicodeScalars), $0.1) })
    }

    /// Words as scalars with their tags (`WordLists`: no Strings to take apart at start-up).
    init(scalarWords words: [([Unicode.Scalar], String)]) {
        // Groups in the order of their first character, longest word first in a group, and
        // words of one length in input order: sorted once, without a dictionary of groups.
        // One sort key a word: first character, 255 - length, input index.
        var keys: [UInt64] = []
        keys.reserveCapacity(words.count)
        for (id, (s, _)) in words.enumerated() {
            guard let f = s.first, f.value < ScalarSet.planeEnd, s.count < 256 else { continue }
            keys.append(UInt64(f.value) << 40 | UInt64(255 - s.count) << 32 | UInt64(id))
        }
        keys.sort()
        let order = keys.map { Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
        var scalars: [Unicode.Scalar] = [], offsets: [Int32] = [], lengths: [UInt8] = [], ids: [Int32] = []
        // Groups come in scalar order of their first character (the sort above), so the k-th
        // group started is the k-th first character's.
        var groupStart: [Int32] = [], previous: Unicode.Scalar? = nil
        for id in order {
            let w = words[id].0
            if w[0] != previous { previous = w[0]; groupStart.append(Int32(offsets.count)) }
            offsets.append(Int32(scalars.count)); lengths.append(UInt8(w.count)); ids.append(Int32(id))
            scalars.append(contentsOf: w)
        }
        self.scalars = scalars; self.offsets = offsets; self.lengths = lengths; self.ids = ids
        self.tags = words.map { $0.1 }
        firsts = ScalarSet(order.lazy.map { words[$0].0[0] })
        rankBase = firsts.rankBases(); self.groupStart = groupStart
        lasts = ScalarSet(words.lazy.compactMap { $0.0.last })
        singles = ScalarSet(words.lazy.filter { $0.0.count == 1 }.map { $0.0[0] })
        seconds = ScalarSet(words.lazy.filter { $0.0.count >= 2 }.map { $0.0[1] })
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for (w, _) in words where w.count >= 2 {
            let k = WordMatcher.pairBit(w[0], w[1])
            bits[k >> 6] |= 1 << UInt64(k & 63)
        }
        bigrams = bits
    }

    /// Could a word start at `i`? (One-character words, or a known first pair.)
    @inline(__always) func mayStart(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        mayStartBit(b, at: i) != 0
    }

    /// `mayStart` as 1 or 0, computed without branches (`i` must be in `b`): a scan can
    /// combine the tests of several matchers and branch once, where each test alone was a
    /// coin toss for the branch predictor on running text.
    @inline(__always) func mayStartBit(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UInt64 {
        let c = b[i], more = i + 1 < b.count
        let d = b[more ? i + 1 : i]
        let k = WordMatcher.pairBit(c, d)
        let pair = bigrams.withUnsafeBufferPointer { ($0[k >> 6] >> UInt64(k & 63)) & 1 }
        return singles.bit(c.value) | (seconds.bit(d.value) & pair & (more ? 1 : 0))
    }

    /// The longest word at `i`: (length, tag).
    func longest(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, String)? {
        match(b, at: i, length: nil).map { ($0.0, tags[$0.1]) }
    }

    /// The longest word at `i`: (length, tag, id: its index in the word list given to init).
    func entry(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, String, Int)? {
        match(b, at: i, length: nil).map { ($0.0, tags[$0.1], $0.1) }
    }

    /// True when a word of exactly `length` starts at `i`.
    func exact(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, length: Int) -> Bool {
        match(b, at: i, length: length) != nil
    }

    /// The longest word at `i` (of exactly `length`, when given): (length, id).
    @inline(__always)
    private func match(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, length: Int?) -> (Int, Int)? {
        guard i >= 0, i < b.count else { return nil }
        let c = b[i]
        guard c.value < ScalarSet.planeEnd, firsts.contains(c) else { return nil }
        if length == nil, !mayStart(b, at: i) { return nil }
        // The group of c: its rank among the first characters (`firsts` holds c).
        let rank = rankBase.withUnsafeBufferPointer { firsts.rank(c.value, base: $0) }
        let first = groupStart.withUnsafeBufferPointer { Int($0[rank]) }
        return scalars.withUnsafeBufferPointer { w -> (Int, Int)? in
            var k = first
            while k < offsets.count {
                let o = Int(offsets[k]), len = Int(lengths[k])
                if w[o] != c { return nil }                       // past this character's group
                if let length, len != length { k += 1; continue }
                if i + len <= b.count {
                    var m = 1
                    while m < len && b[i + m] == w[o + m] { m += 1 }
                    if m == len { return (len, Int(ids[k])) }
                }
                k += 1
            }
            return nil
        }
    }

    /// True when a word of the list occurs anywhere in `[s, e)`.
    func occurs(_ b: UnsafeBufferPointer<Unicode.Scalar>, from s: Int, to e: Int) -> Bool {
        var k = s
        while k < e {
            if let (len, _, _) = entry(b, at: k), k + len <= e { return true }
            k += 1
        }
        return false
    }

    /// A word ending at `end` and starting at or after `floor`: its length.
    func longestEnding(_ b: UnsafeBufferPointer<Unicode.Scalar>, at end: Int, notBefore floor: Int) -> Int? {
        guard end > 0, end <= b.count, lasts.contains(b[end - 1]) else { return nil }
        for len in stride(from: min(4, end - floor), through: 2, by: -1) {
            if let (l, _) = longest(b, at: end - len), l == len { return len }
        }
        return nil
    }
}
