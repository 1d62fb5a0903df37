/// A family of features that share one weight table. At every position `j` a
/// task writes up to `keys` hashed keys for the group (an n-gram starting at
/// `j`, a dictionary fact about `j`), and a key at `j` holds one row of weights
/// for each offset `d` of `reach`: it scores the tags of position `j + d`.
///
/// So the seven unigram templates C[-3] … C[+3] are one group (reach -3…3),
/// and the four bigram templates one group (reach -1…2): a character looks up
/// one row per group instead of one row per template, which is what keeps the
/// labeller fast (SWIFT-ON-LINUX: a weight look-up that misses the cache costs
/// more than all the arithmetic around it). The model is the same as with one
/// template per offset.
///
///     TemplateGroup(name: "bigram", reach: [-1, 0, 1, 2], keys: 1)
///     // key at j = (c[j], c[j+1]); scores positions j-1 … j+2, i.e. C[1]C[2] … C[-2]C[-1]
@_spi(Training) public struct TemplateGroup: Sendable, Equatable {
    public let name: String
    public let reach: [Int]
    public let keys: Int

    public init(name: String, reach: [Int], keys: Int = 1) {
        self.name = name; self.reach = reach; self.keys = keys
    }
}

/// What a task gives the shared labeller: its tag set and its templates (groups
/// of hashed keys). Organization names and word segmentation differ only here
/// (and in their training data): the linear model, the averaged perceptron and
/// Viterbi are the same code. `marks` carries what the task computed over the
/// whole text before the labeller runs (dictionary hits, the rules' own
/// proposals), one 64-bit word a character, so that templates can turn rule
/// knowledge into features.
@_spi(Training) public protocol SequenceFeatures: Sendable {
    /// The task's tags and their allowed transitions.
    var tagSet: TagSet { get }
    /// The template groups, in the order `keys` writes them.
    var groups: [TemplateGroup] { get }
    /// Names the templates and their version; a model remembers it and is read only
    /// with the same templates.
    var signature: String { get }
    /// Puts the keys of key positions `range.lowerBound - pad ..< range.upperBound + pad`
    /// (`pad` is the largest |reach|) into `sink`, position by position: every slot of a
    /// position (its groups' keys in order) gets `put` or `absent`, then `next()`.
    /// Positions outside `range` read as outside the text: a range is decoded as if it
    /// were the whole text, as training sentences are.
    func keys(_ text: UnsafeBufferPointer<Unicode.Scalar>, marks: UnsafeBufferPointer<UInt64>,
              range: Range<Int>, pad: Int, into sink: inout KeySink)
}

extension SequenceFeatures {
    /// Key positions beyond each end of a range.
    public var pad: Int { groups.flatMap(\.reach).map(abs).max() ?? 0 }
    /// Keys a position.
    public var keysPerPosition: Int { groups.reduce(0) { $0 + $1.keys } }
}

/// A trained model with its templates: hashes, scores and decodes one range of
/// text at a time into scratch space that the caller keeps, so that decoding
/// allocates nothing per character (and nothing at all once the scratch has grown
/// to the longest range).
@_spi(Training) public struct Labeller<Features: SequenceFeatures>: Sendable {
    public let model: LinearModel
    public let features: Features
    let path: PathScores
    let tagSet: TagSet
    let pad: Int
    let keysPerPosition: Int

    public init?(model: LinearModel, features: Features) {
        guard model.signature == features.signature, model.tagCount == features.tagSet.count,
              model.tagCount <= 8, model.pairSlot.count <= 256,
              model.groups.map(\.reach) == features.groups.map(\.reach),
              model.groups.map(\.keys) == features.groups.map(\.keys) else { return nil }
        self.model = model
        self.features = features
        tagSet = features.tagSet
        pad = features.pad
        keysPerPosition = features.keysPerPosition
        path = PathScores(tagSet: tagSet, transitions: model.transitions, firsts: model.firsts, lasts: model.lasts)
    }

    /// Tags for the characters of `range` (in `scratch.tags[0 ..< range.count]`).
    public func tag(_ text: UnsafeBufferPointer<Unicode.Scalar>, marks: UnsafeBufferPointer<UInt64>,
                    range: Range<Int>, scratch: inout SequenceScratch) {
        let n = range.count
        guard n > 0 else { return }
        scratch.reserve(positions: n, keys: (n + 2 * pad) * keysPerPosition, tags: model.tagCount)
        scratch.rows.withUnsafeMutableBufferPointer { r in
        scratch.emissions.withUnsafeMutableBufferPointer { e in
        scratch.back.withUnsafeMutableBufferPointer { b in
        scratch.tags.withUnsafeMutableBufferPointer { t in
            model.withSink(rows: r.baseAddress!) {
                features.keys(text, marks: marks, range: range, pad: pad, into: &$0)
            }
            model.emissions(rows: r.baseAddress!, positions: n, pad: pad, into: e.baseAddress!)
            path.viterbi(UnsafePointer(e.baseAddress!), stride: 8, positions: n, back: b.baseAddress!,
                         tags: t.baseAddress!)
        }
        }
        }
        }
    }

    /// The spans that the model marks in `range`, in text coordinates.
    public func spans(_ text: UnsafeBufferPointer<Unicode.Scalar>, marks: UnsafeBufferPointer<UInt64>,
                      range: Range<Int>, scratch: inout SequenceScratch, into out: inout [(start: Int, end: Int)]) {
        guard !range.isEmpty else { return }
        tag(text, marks: marks, range: range, scratch: &scratch)
        scratch.tags.withUnsafeBufferPointer { t in
            tagSet.spans(UnsafeBufferPointer(rebasing: t[0 ..< range.count]), offset: range.lowerBound, into: &out)
        }
    }
}

extension Labeller {
    /// After `tag` of a range of `n` positions: for each span (range coordinates), how much
    /// lower the best path that marks it as one name (B I… E, or S) scores than the best
    /// path (≥ 0).
    public func margins(of spans: [Range<Int>], positions n: Int, scratch: SequenceScratch) -> [Int64] {
        scratch.emissions.withUnsafeBufferPointer { eb in
            path.margins(eb.baseAddress!, stride: 8, positions: n, spans: spans, tagSet: tagSet)
        }
    }
}

/// Buffers reused from range to range: the rows of the keys, emission scores
/// (eight lanes a position), Viterbi back-pointers and the tags. Grown on demand,
/// never shrunk.
@_spi(Training) public struct SequenceScratch: Sendable {
    public var rows: [Int32] = []
    public var emissions: [Int16] = []
    public var back: [UInt8] = []
    public var tags: [UInt8] = []

    public init() {}

    public mutating func reserve(positions n: Int, keys k: Int, tags t: Int) {
        if rows.count < k + 1 { rows = [Int32](repeating: 0, count: max(k + 1, rows.count * 2)) }
        if emissions.count < n * 8 { emissions = [Int16](repeating: 0, count: max(n * 8, emissions.count * 2)) }
        if back.count < n * t { back = [UInt8](repeating: 0, count: max(n * t, back.count * 2)) }
        if tags.count < n { tags = [UInt8](repeating: 0, count: max(n, tags.count * 2)) }
    }
}

/// Characters as the templates of every task read them: ASCII digits as one character (0)
/// and Latin letters in lower case, so that 1998年 and 2022年 share their features; and
/// the two values that stand for positions before and after the range decoded.
enum CharacterKey {
    static let before: UInt32 = 0x11_0001, after: UInt32 = 0x11_0002   // beyond the last scalar, U+10FFFF

    /// The character as features see it.
    ///
    ///     CharacterKey.of("7") == CharacterKey.of("0")   // true
    @inline(__always) static func of(_ c: Unicode.Scalar) -> UInt32 {
        if c.isASCIIDigit { return ("0" as Unicode.Scalar).value }
        if c.value >= ("A" as Unicode.Scalar).value && c.value <= ("Z" as Unicode.Scalar).value {
            return c.value | 0x20      // ASCII case bit: "A" | 0x20 == "a"
        }
        return c.value
    }
}

/// The template groups of a task, gathered in order and each switched on or off, with
/// where each group's keys start among a position's keys.
///
///     var layout = TemplateLayout()
///     layout.add(true, TemplateGroup(name: "unigram", reach: [-2, -1, 0, 1, 2]))   // 0
///     layout.add(false, TemplateGroup(name: "trigram", reach: [0]))                // -1: off
struct TemplateLayout {
    private(set) var groups: [TemplateGroup] = []
    private var keys = 0

    /// Adds `g` when `on`; returns where its keys start (-1 when it is off).
    @discardableResult
    mutating func add(_ on: Bool, _ g: TemplateGroup) -> Int {
        guard on else { return -1 }
        defer { groups.append(g); keys += g.keys }
        return keys
    }
}
