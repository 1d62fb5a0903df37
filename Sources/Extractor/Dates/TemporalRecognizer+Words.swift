import Normalizer

/// Dates named by words: relative words (今天, 上周), weekday names, and the period
/// suffixes that narrow a month or year (月底, 上旬).
extension TemporalRecognizer {
    func matchRelative(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> (TemporalTable.Relative, Int)? {
        let n = b.count
        guard let candidates = lex.relativesByFirst[b[i]] else { return nil }
        for idx in candidates {
            let w = lex.relatives[idx].0
            guard i + w.count <= n else { continue }
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok {
                // 出现在 is not 现在; 当晚上 is 当 + 晚上 (the clock after it is read with 晚上).
                if i > 0, lex.relativeLeftBlockers.contains(b[i - 1]), w.first == 0x73B0 || w.first == 0x73FE { return nil }
                let rel = lex.relatives[idx].1
                if rel.anaphoric, rel.partOfDay != nil, i + w.count < n, b[i + w.count] == 0x4E0A { return nil }
                return (rel, i + w.count)
            }
        }
        return nil
    }

    func matchWeekdayPrefix(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> Int? {
        let n = b.count
        for w in lex.weekdayPrefixes where i + w.count < n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok { return i + w.count }
        }
        return nil
    }

    func skipPeriodSuffix(_ b: UnsafeBufferPointer<UInt32>, at i: Int) -> Int {
        let n = b.count
        for w in lex.periodSuffixes where i + w.count <= n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok {
                // 年中 / 月中 only as a period end, not 中国 etc.
                if w == [0x4E2D], i + 1 < n, SourceText.isHan(b[i + 1]) && !lex.boundaryAfterSuffix.contains(b[i + 1]) { continue }
                if w == [0x521D], i + 1 < n, NumeralTable.role(b[i + 1]) != nil { continue }   // 初一 is a day
                return i + w.count
            }
        }
        return i
    }
}
