@_spi(Training) import Extractor

/// Short local forms of names, made from the training data: bulletins call a city's
/// bureau 市民政局 and a district's centre 区疾控中心, where 1990s People's Daily text
/// mostly writes the place in full (北京市民政局). For each training sentence with a
/// name that starts with a city, district, county or province (a PlaceTable name
/// ending in 市, 区, 县 or 省, followed by at least two more characters), a copy with
/// the place cut to that last character is added: 北京市民政局 → 市民政局.
enum Augmentation {
    static let places: Set<String> = Set(OrganizationMarks.placeNames.filter {
        $0.count >= 3 && "市区县省".contains($0.last!)
    })
    static let longestPlace = places.map(\.count).max() ?? 0

    static func shortForms(_ sentences: [AnnotatedSentence]) -> [AnnotatedSentence] {
        sentences.compactMap(shortForm)
    }

    /// The sentence with its first name that starts with a place cut to the short form, or nil.
    static func shortForm(_ s: AnnotatedSentence) -> AnnotatedSentence? {
        let scalars = Array(s.text.unicodeScalars)
        for g in s.gold.sorted() {
            for len in stride(from: min(longestPlace, g.end - g.start - 2), through: 3, by: -1) {
                let place = String(String.UnicodeScalarView(scalars[g.start ..< g.start + len]))
                guard places.contains(place) else { continue }
                let cut = len - 1
                var text = String.UnicodeScalarView(scalars[..<g.start])
                text.append(contentsOf: scalars[(g.start + cut)...])
                let gold = s.gold.map { o -> Span in
                    if o == g { return Span(start: o.start, end: o.end - cut) }
                    return o.start >= g.end ? Span(start: o.start - cut, end: o.end - cut) : o
                }
                return AnnotatedSentence(text: String(text), gold: gold, corpus: s.corpus)
            }
        }
        return nil
    }
}
