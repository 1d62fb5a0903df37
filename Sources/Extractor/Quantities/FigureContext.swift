/// Ties figures to their context: the date they are "as of" (截至 3 月 11 日，……约
/// 3.15 亿元) and whether they are running totals (累计, 共, 总计, 合计). Also turns
/// resolved temporal mentions into date/time records.
final class FigureContext {
    let source: SourceText
    let mentions: [TemporalMention]
    let timex: [String]
    let lex = Lexicon.shared
    /// As-of scopes in cleaned coordinates: (from, to, timex), in document order.
    private(set) var scopes: [(Int, Int, String)] = []
    /// Index of the first joined paragraph break after the last figure annotated (figures come in order).
    private var breakCursor = 0

    init(source: SourceText, mentions: [TemporalMention], timex: [String]) {
        self.source = source
        self.mentions = mentions
        self.timex = timex
        scopes = source.withScalars { b in
            var out: [(Int, Int, String)] = []
            for (k, m) in mentions.enumerated() where m.value.hasDate || m.value.reference != nil {
                guard let marker = asOfMarker(b, before: m.start) else { continue }
                // 到 … 为止: 到 opens a scope only when 为止 follows the date.
                if marker == 1 {
                    guard m.end + 1 < b.count, b[m.end] == "为", b[m.end + 1] == "止" else { continue }
                }
                let end = nextBoundary(b, from: m.end, ends: lex.sentenceEnds, breaks: source.joinedBreaks)
                out.append((m.end, end, timex[k]))
            }
            return out
        }
    }

    /// Sets as_of and cumulative on one quantity record (records come in document order;
    /// `scope` is the caller's cursor into the scopes).
    func annotate(_ r: inout RecordDraft, span: Range<Int>, previousEnd: Int, scope si: inout Int) {
        // (A final class: annotation advances a cursor; one context per document.)
        while si < scopes.count && scopes[si].1 <= span.lowerBound { si += 1 }
        if si < scopes.count, scopes[si].0 <= span.lowerBound, span.lowerBound < scopes[si].1 {
            r.asOf = scopes[si].2
        }
        let breaks = source.joinedBreaks
        while breakCursor < breaks.count && Int(breaks[breakCursor]) <= span.lowerBound { breakCursor += 1 }
        let paragraphStart = breakCursor > 0 ? Int(breaks[breakCursor - 1]) : 0
        let cumulative = source.withScalars { b in
            isCumulative(b, at: span.lowerBound, notBefore: max(previousEnd, paragraphStart))
        }
        if cumulative { r.cumulative = true }
    }

    /// Words that open an as-of scope when written right before a date.
    static let asOfMarkers: [[Unicode.Scalar]] = ["截至到", "截止到", "截止至", "截至", "截止", "到"]
        .map(ContextTable.scalars)
    /// Words that make the figure after them a running total.
    static let cumulativeWords: [[Unicode.Scalar]] = [
        "累计", "共计", "总计", "合计", "总共", "一共", "共有", "累積", "總計", "合計",
    ].map(ContextTable.scalars)
    static let cumulativeFirsts = ScalarSet(cumulativeWords.compactMap { $0.first } + ["共"])
    /// Ends of a sentence (as-of scope) and of a clause (cumulative scope).
    static let sentenceEnds = ScalarSet("。！？；!?;\n")
    static let clauseEnds = ScalarSet("。！？；!?;\n，,、：:")
    /// 共 alone counts only when it is not part of another word (共享, 公共, 中共, 共青团).
    static let gongBlockersAfter = ScalarSet("享同建青产识赢鸣性振处存通用事商管担体党和济")
    static let gongBlockersBefore = ScalarSet("公中总一")

    /// The date of a dateline: an explicit year-month-day in the document's first three lines.
    static func dateline(_ mentions: [TemporalMention], _ source: SourceText) -> CivilDate? {
        for m in mentions {
            let line = source.line(ofOriginal: source.originalOffset(m.start))
            if line > 3 { break }
            let v = m.value
            if v.yearWritten, let y = v.year, let mo = v.month, let d = v.day {
                let c = CivilDate(year: y, month: mo, day: d)
                if c.isValid { return c }
            }
        }
        return nil
    }

    /// 截至 / 截止 (→ 2) or 到 (→ 1) right before `i`, or nil.
    func asOfMarker(_ b: UnsafeBufferPointer<Unicode.Scalar>, before i: Int) -> Int? {
        for w in lex.asOfMarkers where i >= w.count {
            var ok = true
            for (k, c) in w.enumerated() where b[i - w.count + k] != c { ok = false; break }
            if ok { return w.count == 1 ? 1 : 2 }
        }
        return nil
    }

    func nextBoundary(_ b: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, ends: ScalarSet, breaks: [Int32]) -> Int {
        var k = i
        // The first joined paragraph break after i.
        var lo = 0, hi = breaks.count
        while lo < hi { let mid = (lo + hi) / 2; if Int(breaks[mid]) <= i { lo = mid + 1 } else { hi = mid } }
        let limit = lo < breaks.count ? Int(breaks[lo]) : b.count
        while k < limit && !ends.contains(b[k]) { k += 1 }
        return k
    }

    /// 累计/共/总计 before the figure at `s`, in its clause (from `floor`: the paragraph start or
    /// the previous figure's end, whichever is later).
    func isCumulative(_ b: UnsafeBufferPointer<Unicode.Scalar>, at s: Int, notBefore floor: Int) -> Bool {
        var k = s - 1
        // 累计/共/总计 stand close before their figure: look back at most 24 characters.
        let start = max(floor, s - 24)
        let ends = lex.clauseEnds
        while k >= start && !ends.contains(b[k]) { k -= 1 }
        let from = k + 1
        var i = from
        let firsts = lex.cumulativeFirsts
        while i < s {
            if !firsts.contains(b[i]) { i += 1; continue }
            for w in lex.cumulativeWords where i + w.count <= s {
                var ok = true
                for (m, c) in w.enumerated() where b[i + m] != c { ok = false; break }
                if ok { return true }
            }
            if b[i] == "共",
               !(i + 1 < s && lex.gongBlockersAfter.contains(b[i + 1])),
               !(i > 0 && lex.gongBlockersBefore.contains(b[i - 1])) {
                return true
            }
            i += 1
        }
        return false
    }
}
