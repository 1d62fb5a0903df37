/// A dictionary of short phrases for dictionary features: which listed words
/// start at a position, with their tag (or, built with `values:`, a bit set of
/// the lists a word is in, so that one walk answers for several lists). Words
/// are found by hashing their prefixes one character at a time into an
/// open-addressing table, so a look-up stops as soon as no listed word
/// continues, and a first-character bitmap rejects most positions with one load.
///
///     let t = PhraseTable([("委员会", 1), ("委员", 2)])
///     t.matches(text, at: i) { length, tag in … }   // 3, 1 then 2, 2 at "委员会…"
@_spi(Training) public struct PhraseTable: Sendable {
    /// Slot k holds its key at `slots[2k]` and its value at `slots[2k + 1]`, side by side so
    /// that a probe touches one cache line (the keys and values in two arrays cost two misses
    /// a probe). Keys are prefix hashes (0: empty slot); a value is 1 << 31 when longer words
    /// continue the prefix, plus the value of the word it completes (tag + 1 for tagged
    /// words; 0: none).
    private let slots: [UInt64]
    private let mask: Int
    private let firsts: ScalarSet
    /// The first two characters of the words of two or more, hashed to 16 bits: most positions
    /// whose first character starts a word are rejected here, before a hash probe that misses
    /// the cache.
    private let pairs: ScalarSet
    /// The words of one character: `mayStart` asks them without hashing.
    private let singles: ScalarSet
    public let longestWord: Int
    static let continues: UInt32 = 1 << 31

    /// Words with their tags (0 …); a word listed twice keeps its first tag.
    public init<S: Sequence>(_ words: S) where S.Element == (String, Int) {
        self.init(entries: words.map { ($0.0, UInt32($0.1 + 1)) }, merge: false)
    }

    /// Words with values (bit sets, 1 ..< 2^31): a word listed twice gets the union of its values.
    public init<S: Sequence>(values words: S) where S.Element == (String, UInt32) {
        self.init(entries: Array(words), merge: true)
    }

    /// Words as scalars with values (bit sets), as `init(values:)`.
    public init(scalarValues words: [([Unicode.Scalar], UInt32)]) {
        self.init(scalarEntries: words, merge: true)
    }

    private init(entries words: [(String, UInt32)], merge: Bool) {
        self.init(scalarEntries: words.map { (Array($0.0.unicodeScalars), $0.1) }, merge: merge)
    }

    private init(scalarEntries words: [([Unicode.Scalar], UInt32)], merge: Bool) {
        // The prefixes' values gathered in an open-addressing table of their own (a Dictionary
        // hashed every prefix again), in the order they first appear.
        var total = 0
        for (w, _) in words { total += w.count }
        var capacity = 16
        while capacity < total * 2 { capacity <<= 1 }
        var gatherKeys = [UInt64](repeating: 0, count: capacity), gatherIndex = [Int32](repeating: 0, count: capacity)
        var order: [UInt64] = [], entries: [UInt32] = []
        var firstScalars: [UInt32] = [], pairHashes: [UInt32] = [], singleScalars: [UInt32] = []
        var longest = 0
        for (scalars, value) in words {
            guard let f = scalars.first else { continue }
            firstScalars.append(f.value)
            if scalars.count > 1 {
                pairHashes.append(PhraseTable.pair(f, scalars[1]))
            } else {
                singleScalars.append(f.value)
            }
            longest = max(longest, scalars.count)
            var h = PhraseTable.seed
            for (k, c) in scalars.enumerated() {
                h = PhraseTable.step(h, c)
                var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
                while gatherKeys[slot] != 0 && gatherKeys[slot] != h { slot = (slot + 1) & (capacity - 1) }
                if gatherKeys[slot] == 0 {
                    gatherKeys[slot] = h; gatherIndex[slot] = Int32(order.count)
                    order.append(h); entries.append(0)
                }
                let e = Int(gatherIndex[slot])
                if k < scalars.count - 1 {
                    entries[e] |= PhraseTable.continues
                } else if merge || entries[e] & ~PhraseTable.continues == 0 {
                    entries[e] |= value & ~PhraseTable.continues
                }
            }
        }
        capacity = 16
        while capacity < order.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: 2 * capacity)
        for (e, h) in order.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
            while slots[2 * slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[2 * slot] = h; slots[2 * slot + 1] = UInt64(entries[e])
        }
        self.slots = slots; mask = capacity - 1
        firsts = ScalarSet(firstScalars)
        pairs = ScalarSet(pairHashes)
        singles = ScalarSet(singleScalars)
        longestWord = longest
    }

    static let seed = FeatureHash.start(0x5048_5241)   // "PHRA"

    @inline(__always) static func step(_ h: UInt64, _ c: Unicode.Scalar) -> UInt64 {
        FeatureHash.finish(FeatureHash.add(h, c.value))
    }

    @inline(__always) private func value(_ h: UInt64) -> UInt32? {
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[2 &* slot]
            if k == h { return UInt32(truncatingIfNeeded: slots[2 &* slot &+ 1]) }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Could a listed word start with this character?
    @inline(__always) public func mayStart(_ c: Unicode.Scalar) -> Bool { firsts.contains(c) }

    @inline(__always) static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt32 {
        (a.value &* 0x9E37_79B1 ^ b.value &* 0x85EB_CA77) >> 16
    }

    /// Could a listed word start at `i`: its first character, and its first two (or a word of one)?
    @inline(__always) func mayStart(_ text: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        guard i < text.count else { return false }
        // The three bitmap tests combined without branches, then one branch: on running text
        // each test alone was a coin toss for the branch predictor.
        let a = text[i], last = i + 1 >= text.count
        let b = text[last ? i : i + 1]
        // (A word of one character is asked of `singles`; the walk after this filter decides.)
        let pair = pairs.bit(PhraseTable.pair(a, b)) | singles.bit(a.value) | (last ? 1 : 0)
        return firsts.bit(a.value) & pair != 0
    }

    /// Calls `body(length, tag)` for each listed word starting at `i` and ending before
    /// `limit`, shortest first.
    @inline(__always)
    public func matches(_ text: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, limit: Int? = nil,
                        _ body: (Int, Int) -> Void) {
        guard mayStart(text, at: i) else { return }
        let end = min(limit ?? text.count, i + longestWord)
        var h = PhraseTable.seed
        var k = i
        while k < end {
            h = PhraseTable.step(h, text[k])
            guard let v = value(h) else { return }
            if v & ~PhraseTable.continues != 0 { body(k - i + 1, Int(v & ~PhraseTable.continues) - 1) }
            if v & PhraseTable.continues == 0 { return }
            k += 1
        }
    }

    /// Calls `body(length, value)` for each word of a table built with `values:` that
    /// starts at `i`, shortest first.
    @inline(__always)
    public func values(_ text: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, _ body: (Int, UInt32) -> Void) {
        guard mayStart(text, at: i) else { return }
        let end = min(text.count, i + longestWord)
        var h = PhraseTable.seed
        var k = i
        while k < end {
            h = PhraseTable.step(h, text[k])
            guard let v = value(h) else { return }
            if v & ~PhraseTable.continues != 0 { body(k - i + 1, v & ~PhraseTable.continues) }
            if v & PhraseTable.continues == 0 { return }
            k += 1
        }
    }

    /// The longest listed word at `i`: (length, tag).
    public func longest(_ text: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, limit: Int? = nil) -> (Int, Int)? {
        var best: (Int, Int)? = nil
        matches(text, at: i, limit: limit) { best = ($0, $1) }
        return best
    }
}
