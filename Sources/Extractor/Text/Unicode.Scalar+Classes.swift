/// Character classes the scanners ask about on every scalar, as cheap range checks
/// (`Unicode.Scalar.Properties` costs 20× more per call).
///
/// The recognizers read the cleaned text as `Unicode.Scalar`s (see
/// `SourceText.withScalars`), so a rule compares against the character it means:
/// `b[i] == "个"`, `case "《", "〈":`.
extension Unicode.Scalar {
    /// 0–9 (full-width digits are folded to these by cleaning).
    @inline(__always) var isASCIIDigit: Bool { value &- ("0" as Unicode.Scalar).value < 10 }

    /// A–Z, a–z.
    @inline(__always) var isASCIILetter: Bool {
        let folded = value | 0x20   // ASCII case bit: "A" | 0x20 == "a"
        return folded >= ("a" as Unicode.Scalar).value && folded <= ("z" as Unicode.Scalar).value
    }

    /// A–Z, a–z, 0–9.
    @inline(__always) var isASCIILetterOrDigit: Bool { isASCIIDigit || isASCIILetter }

    /// A Han character: the CJK Unified Ideographs with extension A, the
    /// supplementary planes' ideographs, the compatibility ideographs, and 〇.
    @inline(__always) var isHan: Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF) || self == "〇"
            || (value >= 0x20000 && value <= 0x2FFFF) || (value >= 0xF900 && value <= 0xFAFF)
    }

    /// ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return.
    @inline(__always) var isASCIISpace: Bool {
        switch self {
        case " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r": return true
        default: return false
        }
    }
}

extension SourceText {
    /// The cleaned scalars as `Unicode.Scalar`s, for scanners that compare against
    /// character literals. `scalars` holds valid scalar values only, and a
    /// `Unicode.Scalar` is a `UInt32` in memory, so this is a view, not a copy.
    @inline(__always)
    func withScalars<R>(_ body: (UnsafeBufferPointer<Unicode.Scalar>) throws -> R) rethrows -> R {
        try scalars.withUnsafeBufferPointer { raw in
            try raw.withMemoryRebound(to: Unicode.Scalar.self) { try body($0) }
        }
    }
}
