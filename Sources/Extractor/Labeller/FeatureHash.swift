/// Feature hashing for the sequence labeller: a feature (a template id and the
/// characters it looks at) becomes one 64-bit value, and the model maps that
/// value to a row of its weight table.
///
/// The hash is FNV-1a over 32-bit words (the template id, then each scalar
/// value), finished with a multiplication by an odd constant so that the high
/// bits used for the bucket depend on every input bit. It is fixed by this file, not by the
/// process: Swift's `Hasher` is seeded per run, which would make a trained model
/// useless in the next process.
///
///     FeatureHash.hash(3, "银", "行")   // the same value in every process and on every machine
@_spi(Training) public enum FeatureHash {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The state after the template id.
    @inline(__always) public static func start(_ template: UInt32) -> UInt64 {
        (offsetBasis ^ UInt64(template)) &* prime
    }

    /// The state after one more 32-bit value (a scalar, a class, a flag word).
    @inline(__always) public static func add(_ h: UInt64, _ value: UInt32) -> UInt64 {
        (h ^ UInt64(value)) &* prime
    }

    /// The finished hash: one multiplication spreads every input bit into the high bits
    /// that pick the bucket; never 0, which marks an absent feature.
    @inline(__always) public static func finish(_ h: UInt64) -> UInt64 {
        (h &* 0x9E37_79B9_7F4A_7C15) | 1
    }

    @inline(__always) public static func hash(_ template: UInt32, _ a: UInt32) -> UInt64 {
        finish(add(start(template), a))
    }

    @inline(__always) public static func hash(_ template: UInt32, _ a: UInt32, _ b: UInt32) -> UInt64 {
        finish(add(add(start(template), a), b))
    }

    @inline(__always) public static func hash(_ template: UInt32, _ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        finish(add(add(add(start(template), a), b), c))
    }

    public static func hash(_ template: UInt32, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        hash(template, a.value, b.value)
    }

    /// A feature that is absent at a position: it costs no weight look-up.
    public static let absent: UInt64 = 0
}

/// A small deterministic pseudo-random generator (SplitMix64) for shuffling
/// training sentences: the same seed gives the same order everywhere.
@_spi(Training) public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A Fisher–Yates shuffle that depends only on the seed (the standard library's
    /// `shuffle(using:)` does not promise its algorithm across versions).
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
    }
}
