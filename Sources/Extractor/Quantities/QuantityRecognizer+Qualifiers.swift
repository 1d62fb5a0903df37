import Normalizer

/// Qualifier words around a figure (约, 近, 超过 before it; 左右, 以上, 多 after it), read with
/// the tables of `QualifierTable`.
extension QuantityRecognizer {
    /// The prefix qualifier ending right before `i`: (qualifier, was it 近).
    func prefixQualifier(_ b: UnsafeBufferPointer<Unicode.Scalar>, before i: Int) -> (Qualifier, Bool)? {
        if let q = prefixQualifierAdjacent(b, before: i) { return (q.0, q.1) }
        // 至少有 10 个, 超过了 5 成, 最多为 5: one verb-like character between.
        if i >= 2, lex.gapCharacters.contains(b[i - 1]),
           let q = prefixQualifierAdjacent(b, before: i - 1) { return (q.0, q.1) }
        // 最多购买 2 袋, 大约需要 3 个小时, 至少隔离 21 天: a two-character qualifier, then a
        // verb of up to four Han characters (no 的, no numeral, no punctuation).
        var k = i - 1
        while k >= 0 && i - k <= 4 {
            let c = b[k]
            guard c.isHan, c != "的", NumeralTable.role(c) == nil else { return nil }
            if let q = prefixQualifierAdjacent(b, before: k), q.2 >= 2, q.0 != .exact { return (q.0, q.1) }
            k -= 1
        }
        return nil
    }

    func prefixQualifierAdjacent(_ b: UnsafeBufferPointer<Unicode.Scalar>, before i: Int) -> (Qualifier, Bool, Int)? {
        guard i > 0, lex.prefixLastCharacters.contains(b[i - 1]) else { return nil }
        for w in lex.falsePrefixWords where i >= w.count {
            var ok = true
            for (k, c) in w.enumerated() where b[i - w.count + k] != c { ok = false; break }
            if ok { return nil }
        }
        for (w, q) in lex.prefixes where i >= w.count {
            var ok = true
            for (k, c) in w.enumerated() where b[i - w.count + k] != c { ok = false; break }
            if ok { return (q, w == ["近"], w.count) }
        }
        return nil
    }

    /// A suffix qualifier at `j`: (qualifier, length).
    func suffixQualifierAt(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ j: Int) -> (Qualifier, Int)? {
        let n = b.count
        guard j < n, lex.suffixFirstCharacters.contains(b[j]) else { return nil }
        for (w, q) in lex.suffixes where j + w.count <= n {
            var ok = true
            for (k, c) in w.enumerated() where b[j + k] != c { ok = false; break }
            guard ok else { continue }
            let after = j + w.count
            if w.count == 1 {
                // 一年多 / 20 人余: only when no unit or numeral follows (多次, 多个 are other words).
                if after < n && (lex.unit(b, at: after) != nil || NumeralTable.role(b[after]) != nil
                                 || b[after].isHan && !lex.boundaryAfterSuffix.contains(b[after])
                                 && !lex.objectStopChars.contains(b[after]) && b[after] != "来") {
                    continue
                }
                if w[0] == "许" { continue }   // 许 only as a numeral suffix; too rare after units
            }
            if w == ["上", "下"] || w == ["前", "后"] {
                if after < n && !lex.boundaryAfterSuffix.contains(b[after]) { continue }
            }
            return (q, w.count)
        }
        return nil
    }
}
