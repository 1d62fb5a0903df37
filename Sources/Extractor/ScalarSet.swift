/// A set of Unicode scalar values in the Basic Multilingual Plane as a bitmap:
/// one load and a mask per lookup, no hashing (the hot loop asks a lot).
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        for v in values where v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
    }

    init(_ characters: String) { self.init(characters.unicodeScalars.map { $0.value }) }

    @inline(__always) func contains(_ c: UInt32) -> Bool {
        c < 0x10000 && bits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0
    }
}
