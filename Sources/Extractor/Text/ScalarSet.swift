/// A set of Unicode scalar values in the Basic Multilingual Plane as a bitmap:
/// one load and a mask per lookup, no hashing (the hot loops ask a lot).
///
/// The 8 KiB bitmap is never mutated after `init`, so it is read through a raw
/// pointer: no bounds check and no reference counting per lookup. An owner object
/// frees it with the last copy of the set (most sets are static tables, but a
/// document's names get a `PhraseTable`, and so a set, of their own).
struct ScalarSet: @unchecked Sendable {
    private let bits: UnsafeMutablePointer<UInt64>
    private let owner: Bitmap

    /// Holds the bitmap's memory.
    private final class Bitmap {
        let bits: UnsafeMutablePointer<UInt64>
        init(_ bits: UnsafeMutablePointer<UInt64>) { self.bits = bits }
        deinit { bits.deallocate() }
    }

    /// The end of the Basic Multilingual Plane: the sets hold the scalars below it.
    @inline(__always) static var planeEnd: UInt32 { 0x10000 }

    init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: 1024)
        bits.initialize(repeating: 0, count: 1024)
        for v in values where v < ScalarSet.planeEnd { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        self.bits = bits
        owner = Bitmap(bits)
    }

    init<S: Sequence>(_ values: S) where S.Element == Unicode.Scalar { self.init(values.lazy.map(\.value)) }

    /// The set of the characters of a string: `ScalarSet("个名人")`.
    init(_ characters: String) { self.init(characters.unicodeScalars.map { $0.value }) }

    @inline(__always) func contains(_ c: Unicode.Scalar) -> Bool { contains(c.value) }

    @inline(__always) func contains(_ c: UInt32) -> Bool {
        c < ScalarSet.planeEnd && bits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0
    }

    /// 1 when the set holds `c`, else 0, without a branch: hot loops that test several sets
    /// a character combine the bits and branch once (a branch on each set mispredicted
    /// often on running text).
    @inline(__always) func bit(_ c: UInt32) -> UInt64 {
        // 1 below U+10000 (c - 0x10000 wraps to a value with its top bit set), 0 beyond.
        let inPlane = UInt64((c &- ScalarSet.planeEnd) >> 31)
        return (bits[Int(truncatingIfNeeded: (c & 0xFFFF) >> 6)] >> UInt64(c & 63)) & inPlane
    }

    /// The rank of `c` (below U+10000) among the set's characters: how many of them are below it,
    /// with `base` from `rankBases()`. Tables indexed by rank hold one entry a member, where a
    /// table indexed by character would hold 65,536.
    @inline(__always) func rank(_ c: UInt32, base: UnsafeBufferPointer<Int32>) -> Int {
        let w = Int(c >> 6)
        return Int(base[w]) + (bits[w] & ((1 << UInt64(c & 63)) &- 1)).nonzeroBitCount
    }

    /// For each 64-character word of the bitmap, the number of members below it (for `rank`).
    func rankBases() -> [Int32] {
        var out: [Int32] = [], below: Int32 = 0
        out.reserveCapacity(1024)
        for w in 0 ..< 1024 { out.append(below); below += Int32(bits[w].nonzeroBitCount) }
        return out
    }
}
