/// The tags of a sequence-labelling task and which tag may follow which.
///
/// Viterbi decoding never leaves the allowed transitions, so a name tagged with
/// BIOES always comes out whole (B I… E, or S), and a word segmentation with BMES
/// always closes its words.
///
///     TagSet.bioes.spans([0, 1, 2, 3, 0])   // O B I E O → [(start: 1, end: 4)]
@_spi(Training) public struct TagSet: Sendable, Equatable {
    public let names: [String]
    /// `allowed[from * count + to]`: may `to` follow `from`?
    public let allowed: [Bool]
    /// May a sequence start / end with this tag?
    public let allowedFirst: [Bool]
    public let allowedLast: [Bool]
    /// Tags that begin a span, continue it, end it, or make a span on their own;
    /// `outside` is the tag of characters outside every span (none in BMES).
    public let begin: UInt8, inside: UInt8, end: UInt8, single: UInt8
    public let outside: UInt8?

    public var count: Int { names.count }

    public init(names: [String], transitions: [(String, String)], first: [String], last: [String],
                begin: String, inside: String, end: String, single: String, outside: String?) {
        self.names = names
        let index = { (s: String) -> Int in names.firstIndex(of: s) ?? 0 }
        var allowed = [Bool](repeating: false, count: names.count * names.count)
        for (a, b) in transitions { allowed[index(a) * names.count + index(b)] = true }
        self.allowed = allowed
        allowedFirst = names.map { first.contains($0) }
        allowedLast = names.map { last.contains($0) }
        self.begin = UInt8(index(begin)); self.inside = UInt8(index(inside))
        self.end = UInt8(index(end)); self.single = UInt8(index(single))
        self.outside = outside.map { UInt8(index($0)) }
    }

    /// Names: Outside, Begin, Inside, End, Single (tags 0…4).
    public static let bioes = TagSet(
        names: ["O", "B", "I", "E", "S"],
        transitions: [("O", "O"), ("O", "B"), ("O", "S"), ("B", "I"), ("B", "E"), ("I", "I"), ("I", "E"),
                      ("E", "O"), ("E", "B"), ("E", "S"), ("S", "O"), ("S", "B"), ("S", "S")],
        first: ["O", "B", "S"], last: ["O", "E", "S"],
        begin: "B", inside: "I", end: "E", single: "S", outside: "O")

    /// Word segmentation: Begin, Middle, End, Single (every character is in a word).
    public static let bmes = TagSet(
        names: ["B", "M", "E", "S"],
        transitions: [("B", "M"), ("B", "E"), ("M", "M"), ("M", "E"),
                      ("E", "B"), ("E", "S"), ("S", "B"), ("S", "S")],
        first: ["B", "S"], last: ["E", "S"],
        begin: "B", inside: "M", end: "E", single: "S", outside: nil)

    @inline(__always) public func allows(_ from: Int, _ to: Int) -> Bool { allowed[from * names.count + to] }

    /// True when the whole sequence keeps to the allowed transitions.
    public func isValid(_ tags: [UInt8]) -> Bool {
        guard let f = tags.first, let l = tags.last else { return true }
        guard allowedFirst[Int(f)], allowedLast[Int(l)] else { return false }
        for k in tags.indices.dropFirst() where !allows(Int(tags[k - 1]), Int(tags[k])) { return false }
        return true
    }

    /// The spans `[start, end)` that a valid tag sequence marks.
    public func spans(_ tags: UnsafeBufferPointer<UInt8>, offset: Int = 0, into out: inout [(start: Int, end: Int)]) {
        var open = -1
        // The outside tag (most characters) closes any open span, whatever the other tags are.
        let plain: Int = outside.map { o in o == single || o == begin || o == end || o == inside ? -1 : Int(o) } ?? -1
        guard let base = tags.baseAddress else { return }
        let n = tags.count
        // Eight outside tags in a row (most of a text) are passed over with one compare: they
        // only close an open span.
        let plainRun: UInt64? = plain >= 0 ? UInt64(plain) &* 0x0101_0101_0101_0101 : nil
        var k = 0
        while k < n {
            if let plainRun, k &+ 8 <= n,
               UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self) == plainRun {
                open = -1; k &+= 8; continue
            }
            let t = base[k]
            defer { k &+= 1 }
            if Int(t) == plain { open = -1; continue }
            if t == single { out.append((offset + k, offset + k + 1)); open = -1 }
            else if t == begin { open = k }
            else if t == end, open >= 0 { out.append((offset + open, offset + k + 1)); open = -1 }
            else if t != inside { open = -1 }
        }
    }

    public func spans(_ tags: [UInt8]) -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)] = []
        tags.withUnsafeBufferPointer { spans($0, into: &out) }
        return out
    }

    /// Tags for `count` characters with the given non-overlapping spans (sorted or not);
    /// in BMES, characters outside every span are single-character words.
    public func tags(count: Int, spans: [(start: Int, end: Int)]) -> [UInt8] {
        var t = [UInt8](repeating: outside ?? single, count: count)
        for s in spans where s.start < s.end && s.start >= 0 && s.end <= count {
            if s.end - s.start == 1 { t[s.start] = single; continue }
            t[s.start] = begin
            for k in s.start + 1 ..< s.end - 1 { t[k] = inside }
            t[s.end - 1] = end
        }
        return t
    }
}
