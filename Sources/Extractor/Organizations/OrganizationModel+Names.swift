/// The organization names `extract` reports: the trained model's spans decided together
/// with the rules (`OrganizationHybrid`), each with a category.
extension OrganizationModel {
    /// Names in cleaned offsets, in order. A name takes the category of the rule name it
    /// overlaps, else that of the head word it ends with (…局 government, …医院 hospital),
    /// else `other`.
    func names(in text: SourceText) -> [OrganizationRecognizer.Found] {
        // Traditional characters read as simplified ones (offsets stay): the model, the head words
        // and the places were all made from simplified text.
        names(inFolded: text.foldingTraditional())
    }

    /// `names(in:)` of a text already folded (`SourceText.foldingTraditional`).
    func names(inFolded source: SourceText) -> [OrganizationRecognizer.Found] {
        let recognizer = OrganizationRecognizer(source: source)
        let rules = recognizer.run()
        let m = source.withScalars { marks.marks($0, rules: rules.map { ($0.start, $0.end, $0.category) }) }
        let ruleSpans = rules.map { (start: $0.start, end: $0.end) }
        let (found, margins) = decode(in: source, marks: m, rules: ruleSpans,
                                      measuring: OrganizationHybrid.marginThreshold > 0)
        let decided = OrganizationHybrid.decide(model: found, rules: ruleSpans, margins: margins, source: source)
        let spans = source.withScalars { b in
            Self.trimmed(Self.outsideTitles(Self.splitMerged(decided, rules: ruleSpans), b), b)
        }
        var r = 0
        return source.withScalars { b in
            spans.map { s in
                // Rules come in order and never overlap one another: one cursor serves all.
                while r < rules.count && rules[r].end <= s.start { r += 1 }
                if r < rules.count && rules[r].start < s.end {
                    return .init(start: s.start, end: s.end, category: rules[r].category)
                }
                let category = recognizer.headCategory(b, start: s.start, end: s.end)
                return .init(start: s.start, end: s.end, category: category)
            }
        }
    }
}

extension OrganizationModel {
    /// A model name that holds two or more whole rule names joined by a word (杭州市人力资源和
    /// 社会保障局联合宁波市住房和城乡建设局) is those names.
    static func splitMerged(_ spans: [(start: Int, end: Int)], rules: [(start: Int, end: Int)])
        -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)] = []
        var r = 0
        for s in spans {
            while r < rules.count && rules[r].start < s.start { r += 1 }
            var inside: [(start: Int, end: Int)] = []
            var k = r
            while k < rules.count && rules[k].start < s.end {
                if rules[k].end <= s.end { inside.append(rules[k]) }
                k += 1
            }
            if inside.count >= 2 { out += inside } else { out.append(s) }
        }
        return out
    }

    /// A name never starts or ends with white space (`、 利民 公司 道路 桥函 队` in text spaced
    /// word by word gives `利民 公司 道路 桥函 队`); a name of white space alone is none.
    static func trimmed(_ spans: [(start: Int, end: Int)], _ b: UnsafeBufferPointer<Unicode.Scalar>)
        -> [(start: Int, end: Int)] {
        // ASCII white space and the ideographic space (U+3000, invisible when written as itself).
        @inline(__always) func blank(_ c: Unicode.Scalar) -> Bool { c.isASCIISpace || c == "\u{3000}" }
        return spans.compactMap { s in
            var (start, end) = s
            while start < end && blank(b[start]) { start += 1 }
            while end > start && blank(b[end - 1]) { end -= 1 }
            return start < end ? (start: start, end: end) : nil
        }
    }

    /// A name inside a longer title (人民日报社 in 《人民日报社论选编》) is part of the title; a
    /// title that is a name (《人民日报》) stays one. A title runs from 《 to 》, or to the
    /// end of its line when left open.
    static func outsideTitles(_ spans: [(start: Int, end: Int)], _ b: UnsafeBufferPointer<Unicode.Scalar>)
        -> [(start: Int, end: Int)] {
        var titles: [Range<Int>] = []
        var open: Int? = nil
        for i in 0..<b.count {
            switch b[i] {
            case "《": open = i + 1
            case "》", "\n":
                if let o = open { titles.append(o..<i) }
                open = nil
            default: break
            }
        }
        if let o = open { titles.append(o..<b.count) }
        guard !titles.isEmpty else { return spans }
        var t = 0
        return spans.filter { s in
            while t < titles.count && titles[t].upperBound < s.end { t += 1 }
            guard t < titles.count, titles[t].lowerBound <= s.start, s.end <= titles[t].upperBound else { return true }
            return titles[t] == s.start..<s.end   // 《人民日报》 names the paper; 《人民日报社论选编》 does not
        }
    }
}

extension OrganizationRecognizer {
    /// The category of the longest head word that ends a name at `end` (上海证券交易所 →
    /// the head 交易所), or `other`.
    func headCategory(_ b: UnsafeBufferPointer<Unicode.Scalar>, start: Int, end: Int) -> String {
        for length in stride(from: min(6, end - start), through: 1, by: -1) {
            if let (l, tag, _) = lex.heads.entry(b, at: end - length), l == length { return tag }
        }
        return "other"
    }
}
