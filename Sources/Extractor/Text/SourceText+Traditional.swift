extension SourceText {
    /// The text with its traditional Han characters folded to simplified ones, one character
    /// for one, so that every offset stays: what the organization model and its rules read
    /// (國家發展委員會 reads as 国家发展委员会). The text itself when it holds none.
    ///
    ///     SourceText("臺灣大學").foldingTraditional().scalars   // the scalars of 台湾大学
    func foldingTraditional() -> SourceText {
        let fold = TraditionalFold.shared
        // Four characters a step, one branch for the four (most texts hold no traditional ones).
        let folds = fold.folds
        let found: Int? = scalars.withUnsafeBufferPointer { s in
            let n = s.count
            var k = 0
            while k &+ 4 <= n && folds.bit(s[k]) | folds.bit(s[k &+ 1]) | folds.bit(s[k &+ 2]) | folds.bit(s[k &+ 3]) == 0 {
                k &+= 4
            }
            while k < n { if folds.contains(s[k]) { return k }; k &+= 1 }
            return nil
        }
        guard let first = found else { return self }
        var copy = self
        copy.scalars.withUnsafeMutableBufferPointer { s in
            fold.simplified.withUnsafeBufferPointer { to in
                for k in first ..< s.count where folds.contains(s[k]) { s[k] = UInt32(to[Int(s[k])]) }
            }
        }
        return copy
    }
}

/// `TraditionalTable` as a set of the characters that fold and what each folds to, indexed
/// by the traditional character (all are in the Basic Multilingual Plane; a Dictionary
/// hashed every character of a traditional text).
final class TraditionalFold: Sendable {
    static let shared = TraditionalFold()
    let folds: ScalarSet
    /// `simplified[c]`: what `c` folds to, for the characters of `folds`.
    let simplified: [UInt16]

    init() {
        var to = [UInt16](repeating: 0, count: 0x10000)
        var from: [UInt32] = []
        for s in WordLists.words(TraditionalTable.pairs)
        where s.count == 2 && s[0].value < 0x10000 && s[1].value < 0x10000 {
            to[Int(s[0].value)] = UInt16(s[1].value)
            from.append(s[0].value)
        }
        simplified = to
        folds = ScalarSet(from)
    }
}
