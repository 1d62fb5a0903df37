import Foundation
import Normalizer

/// Sentences, headlines and character bigrams around a figure, for context similarity.
extension Verifier {
    // MARK: - Text helpers

    /// True when the line holding `i` is short and has no sentence punctuation.
    static func isHeadline(_ s: [Unicode.Scalar], around i: Int) -> Bool {
        var a = min(max(0, i), s.count), b = a
        while a > 0 && s[a - 1] != "\n" { a -= 1 }
        while b < s.count && s[b] != "\n" { b += 1 }
        return b - a <= 60 && !s[a..<b].contains { "。！？；!?;".unicodeScalars.contains($0) }
    }

    /// The span between the nearest ends around [start, end).
    static func span(around start: Int, _ end: Int, in s: [Unicode.Scalar], ends: Set<Unicode.Scalar>) -> Range<Int> {
        var a = min(max(0, start), s.count)
        while a > 0 && !ends.contains(s[a - 1]) { a -= 1 }
        var b = min(max(a, end), s.count)
        while b < s.count && !ends.contains(s[b]) { b += 1 }
        return a..<b
    }

    /// Pairs of neighbouring content characters (Han, not inside a figure or date, not a
    /// function word) in `range`.
    static func bigrams(_ s: [Unicode.Scalar], _ range: Range<Int>, _ covered: [Bool],
                        keepStops: Bool = false) -> [UInt64] {
        Array(bigramSet(s, range, covered, keepStops: keepStops)).sorted()
    }

    static func bigramSet(_ s: [Unicode.Scalar], _ range: Range<Int>, _ covered: [Bool],
                          keepStops: Bool) -> Set<UInt64> {
        var out = Set<UInt64>()
        var previous: UInt32? = nil
        for k in range where k < s.count {
            let c = s[k]
            guard !covered[k], c.isHan, keepStops || !VerifyTable.contextStops.contains(c) else {
                if covered[k] || !c.isHan { previous = nil }
                continue
            }
            if let p = previous { out.insert(UInt64(p) << 32 | UInt64(c.value)) }
            previous = c.value
        }
        return out
    }

    /// The content characters of `range` (Han, outside figures and dates), as text.
    static func content(_ s: [Unicode.Scalar], _ range: Range<Int>, _ covered: [Bool]) -> String {
        var v = String.UnicodeScalarView()
        for k in range where k < s.count && !covered[k] && s[k].isHan { v.append(s[k]) }
        return String(v)
    }

    /// True when `needle` occurs in `haystack` (short arrays: a plain scan).
    static func occurs(_ needle: [UInt32], in haystack: [UInt32]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        outer: for k in 0...(haystack.count - needle.count) {
            for m in 0..<needle.count where haystack[k + m] != needle[m] { continue outer }
            return true
        }
        return false
    }

    static func compact(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 != " " && $0 != "\n" }))
    }

    static func text(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        guard r.lowerBound < r.upperBound, r.lowerBound >= 0, r.upperBound <= s.count else { return "" }
        return String(String.UnicodeScalarView(s[r])).replacingOccurrences(of: " ", with: "")
    }
}
