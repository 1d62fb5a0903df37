extension SourceText {
    /// The text with its traditional Han characters folded to simplified ones, one character
    /// for one, so that every offset stays: what the organization model and its rules read
    /// (國家發展委員會 reads as 国家发展委员会). The text itself when it holds none.
    ///
    ///     SourceText("臺灣大學").foldingTraditional().scalars   // the scalars of 台湾大学
    func foldingTraditional() -> SourceText {
        let fold = TraditionalFold.shared
        guard let first = scalars.firstIndex(where: { fold.folds.contains($0) }) else { return self }
        var copy = self
        copy.scalars.withUnsafeMutableBufferPointer { s in
            for k in first ..< s.count where fold.folds.contains(s[k]) { s[k] = fold.simplified[s[k]] ?? s[k] }
        }
        return copy
    }
}

/// `TraditionalTable` as a set of the characters that fold and a map to what they fold to.
final class TraditionalFold: Sendable {
    static let shared = TraditionalFold()
    let folds: ScalarSet
    let simplified: [UInt32: UInt32]

    init() {
        var map: [UInt32: UInt32] = [:]
        for s in WordLists.words(TraditionalTable.pairs) where s.count == 2 { map[s[0].value] = s[1].value }
        simplified = map
        folds = ScalarSet(map.keys)
    }
}
