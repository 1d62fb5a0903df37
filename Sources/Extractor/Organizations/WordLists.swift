/// The organization word lists read from their source strings scalar by scalar.
///
/// Splitting the sources as `Character`s (`split(whereSeparator: { $0 == " " })`)
/// compared graphemes as strings and cost about 60 M instructions at start-up,
/// more than a small file's whole extraction; the lists hold Han and ASCII words
/// only, whose scalars are their characters, so the words are the same
/// (`WordListsTests` holds both readings equal).
enum WordLists {
    /// The words of `source` separated by spaces and line breaks.
    static func words(_ source: String) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        for c in source.unicodeScalars {
            if c == " " || c == "\n" {
                if !word.isEmpty { out.append(word); word.removeAll(keepingCapacity: true) }
            } else {
                word.append(c)
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    /// The place names of `PlaceTable`, read once for the rules and the marks.
    static let places = words(PlaceTable.source)

    /// The (word, tag) pairs of `tag: word word …` lines, as `OrganizationLexicon.lines` reads
    /// them: a line without a colon has the tag "", an indented line continues the tag above.
    static func lines(_ source: String) -> [([Unicode.Scalar], String)] {
        var out: [([Unicode.Scalar], String)] = []
        var tag = ""
        let all = Array(source.unicodeScalars)
        var lineStart = 0
        while lineStart < all.count {
            var lineEnd = lineStart
            while lineEnd < all.count && all[lineEnd] != "\n" { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart else { continue }
            var wordsStart = lineStart
            if all[lineStart] != " " {
                // `split(separator: ":", maxSplits: 1)`, empty parts left out.
                var parts: [Range<Int>] = []
                var partStart = lineStart, k = lineStart
                while k < lineEnd {
                    if all[k] == ":" {
                        let appended = k > partStart
                        if appended { parts.append(partStart ..< k) }
                        k += 1
                        partStart = k
                        if appended && parts.count == 1 { break }
                        continue
                    }
                    k += 1
                }
                if partStart != lineEnd { parts.append(partStart ..< lineEnd) }
                if parts.count == 2 {
                    var a = parts[0].lowerBound, b = parts[0].upperBound
                    while a < b && all[a] == " " { a += 1 }
                    while b > a && all[b - 1] == " " { b -= 1 }
                    tag = string(all[a ..< b])
                    wordsStart = parts[1].lowerBound
                } else {
                    tag = ""
                    wordsStart = parts.first?.lowerBound ?? lineEnd
                }
            }
            var word = wordsStart
            for k in wordsStart ... lineEnd {
                if k == lineEnd || all[k] == " " {
                    if k > word { out.append((Array(all[word ..< k]), tag)) }
                    word = k + 1
                }
            }
        }
        return out
    }

    /// A string of scalars, through UTF-8 (appending scalars to a `UnicodeScalarView`
    /// one by one cost thousands of instructions a word).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for c in scalars { bytes.append(contentsOf: UTF8.encode(c)!) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
