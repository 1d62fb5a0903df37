/// A prototype of the document pass (phase 2 of the issue): a name found once is
/// found at its other mentions in the same document.
///
///     "团区委组织开展……来自团区委、应急管理局" with only the first 团区委 found
///     → both mentions of 团区委
extension OrganizationHybrid {
    /// `spans` plus every other occurrence, in the cleaned text, of a name they found
    /// (two characters or more) that no found name overlaps. Cleaned offsets, in order.
    public static func documentPass(_ spans: [(start: Int, end: Int)], source: SourceText,
                                    shortest: Int = 2) -> [(start: Int, end: Int)] {
        guard !spans.isEmpty else { return spans }
        return source.withScalars { b -> [(start: Int, end: Int)] in
            let names = spans.filter { $0.end - $0.start >= shortest }.map {
                (String(String.UnicodeScalarView(b[$0.start ..< $0.end])), UInt32(1))
            }
            guard !names.isEmpty else { return spans }
            let table = PhraseTable(values: names)
            var out = spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            var added: [(start: Int, end: Int)] = []
            var k = 0, i = 0
            while i < b.count {
                while k < out.count && out[k].end <= i { k += 1 }
                var longest = 0
                if table.mayStart(b[i]) { table.values(b, at: i) { len, _ in longest = len } }
                // Not inside or across a name already found.
                if longest > 0, k >= out.count || out[k].start >= i + longest {
                    added.append((start: i, end: i + longest))
                    i += longest
                    continue
                }
                i += 1
            }
            out += added
            out.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            return out
        }
    }
}
