import Testing
@testable import Extractor

/// The word lists read scalar by scalar (`WordLists`, start-up) are the lists read as
/// Characters, and matchers built from them group their words as before.
@Suite struct WordListsTests {
    static let tagged = [OrganizationTable.headSource, OrganizationTable.knownSource, OrganizationTable.subunitSource,
                         OrganizationTable.leadingWordSource, OrganizationTable.genericSource]
    static let plain = tagged + [OrganizationTable.genericModifiers, PlaceTable.source, OrganizationTable.genericTeamWords,
                                 "a:b c\n  d\n:e\nf::g h: i\n\n x "]

    @Test func linesAsCharacters() {
        for source in WordListsTests.tagged + ["a:b c\n  d\n:e\nf::g h: i\n\n x ", " t : u v"] {
            let scalars = WordLists.lines(source).map { (String(String.UnicodeScalarView($0.0)), $0.1) }
            let characters = OrganizationLexicon.lines(source)
            #expect(scalars.map(\.0) == characters.map(\.0))
            #expect(scalars.map(\.1) == characters.map(\.1))
        }
    }

    @Test func wordsAsCharacters() {
        for source in WordListsTests.plain {
            let characters = source.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.unicodeScalars) }
            #expect(WordLists.words(source) == characters)
        }
    }

    /// The grouping `WordMatcher` had: a dictionary of groups by first character, groups in
    /// character order, longest word first.
    static func groups(_ words: [[Unicode.Scalar]]) -> [Int] {
        var map: [Unicode.Scalar: [([Unicode.Scalar], Int)]] = [:]
        for (id, s) in words.enumerated() {
            guard let f = s.first, f.value < ScalarSet.planeEnd, s.count < 256 else { continue }
            map[f, default: []].append((s, id))
        }
        var ids: [Int] = []
        for k in map.keys.sorted() {
            for (_, id) in (map[k] ?? []).sorted(by: { $0.0.count > $1.0.count }) { ids.append(id) }
        }
        return ids
    }

    @Test func matcherGroups() {
        for source in WordListsTests.plain {
            let words = WordLists.words(source)
            let m = WordMatcher(scalarWords: words.map { ($0, "") })
            #expect(m.ids.map(Int.init) == WordListsTests.groups(words))
            #expect(m.scalars == m.ids.flatMap { words[Int($0)] })
        }
    }

    @Test func stringsOfScalars() {
        for w in WordLists.words(PlaceTable.source) + [Array("a√é中𝄞".unicodeScalars)] {
            #expect(WordLists.string(w) == String(String.UnicodeScalarView(w)))
        }
    }
}
