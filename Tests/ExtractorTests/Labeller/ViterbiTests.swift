import Testing
@_spi(Training) import Extractor

/// Viterbi never leaves the tag set's transitions, and the BIOES loop agrees with the
/// general one, on random scores (a seeded generator: the same cases every run).
@Suite struct ViterbiTests {
    static func random(_ rng: inout SplitMix64, _ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }

    static func decode(_ path: PathScores, _ e: [Int16], stride: Int, n: Int, general: Bool = false) -> [UInt8] {
        var back = [UInt8](repeating: 0, count: n * 8), tags = [UInt8](repeating: 0, count: n)
        e.withUnsafeBufferPointer { eb in
            back.withUnsafeMutableBufferPointer { b in
                tags.withUnsafeMutableBufferPointer { t in
                    if general {
                        path.viterbiGeneral(eb.baseAddress!, stride: stride, positions: n, back: b.baseAddress!,
                                            tags: t.baseAddress!)
                    } else {
                        path.viterbi(eb.baseAddress!, stride: stride, positions: n, back: b.baseAddress!,
                                     tags: t.baseAddress!)
                    }
                }
            }
        }
        return tags
    }

    @Test(arguments: [TagSet.bioes, TagSet.bmes])
    func neverAnInvalidSequence(_ tagSet: TagSet) {
        var rng = SplitMix64(seed: 2024)
        let t = tagSet.count
        for round in 0 ..< 400 {
            let n = 1 + round % 40
            let transitions = (0 ..< t * t).map { _ in Int32(Self.random(&rng, -300 ... 300)) }
            let firsts = (0 ..< t).map { _ in Int32(Self.random(&rng, -300 ... 300)) }
            let lasts = (0 ..< t).map { _ in Int32(Self.random(&rng, -300 ... 300)) }
            let path = PathScores(tagSet: tagSet, transitions: transitions, firsts: firsts, lasts: lasts)
            // Emissions that favour forbidden tags (I after O, E first) as often as not.
            let e = (0 ..< n * 8).map { _ in Int16(Self.random(&rng, -2000 ... 2000)) }
            let tags = Self.decode(path, e, stride: 8, n: n)
            #expect(tagSet.isValid(tags), "round \(round): \(tags.map { tagSet.names[Int($0)] })")
            #expect(tags == Self.decode(path, e, stride: 8, n: n, general: true), "round \(round)")
            // The path found scores what the best path scores.
            var score = Int64(firsts[Int(tags[0])]) + Int64(e[Int(tags[0])]) + Int64(lasts[Int(tags[n - 1])])
            for i in 1 ..< max(n, 1) {
                score += Int64(transitions[Int(tags[i - 1]) * t + Int(tags[i])]) + Int64(e[i * 8 + Int(tags[i])])
            }
            let best = e.withUnsafeBufferPointer { path.bestScore($0.baseAddress!, stride: 8, positions: n) }
            #expect(score == best, "round \(round)")
        }
    }

    @Test func spansAndTags() {
        let bioes = TagSet.bioes
        #expect(bioes.spans([0, 1, 2, 3, 0, 4]).map { [$0.start, $0.end] } == [[1, 4], [5, 6]])
        let tags = bioes.tags(count: 7, spans: [(start: 1, end: 4), (start: 5, end: 6)])
        #expect(tags == [0, 1, 2, 3, 0, 4, 0])
        #expect(bioes.isValid(tags))
        #expect(!bioes.isValid([0, 2, 3]))        // I after O
        #expect(!bioes.isValid([1, 2]))           // a name left open
        #expect(TagSet.bmes.tags(count: 3, spans: [(start: 0, end: 2)]) == [0, 2, 3])
    }
}

extension ViterbiTests {
    /// The margins from one forward and one backward pass equal those from decoding again
    /// with the span forced.
    @Test func marginsEqualForcedDecoding() {
        var rng = SplitMix64(seed: 99)
        let tagSet = TagSet.bioes, t = tagSet.count
        for round in 0 ..< 200 {
            let n = 1 + round % 25
            let transitions = (0 ..< t * t).map { _ in Int32(Self.random(&rng, -300 ... 300)) }
            let path = PathScores(tagSet: tagSet, transitions: transitions,
                                  firsts: (0 ..< t).map { _ in Int32(Self.random(&rng, -300 ... 300)) },
                                  lasts: (0 ..< t).map { _ in Int32(Self.random(&rng, -300 ... 300)) })
            let e = (0 ..< n * 8).map { _ in Int16(Self.random(&rng, -900 ... 900)) }
            let spans = (0 ..< 3).map { _ -> Range<Int> in
                let a = Self.random(&rng, 0 ... n - 1)
                return a ..< Self.random(&rng, a + 1 ... n)
            }
            e.withUnsafeBufferPointer { eb in
                let p = eb.baseAddress!
                let margins = path.margins(p, stride: 8, positions: n, spans: spans, tagSet: tagSet)
                let best = path.bestScore(p, stride: 8, positions: n)
                for (span, margin) in zip(spans, margins) {
                    let last = span.upperBound - 1
                    let forced = path.bestScore(p, stride: 8, positions: n, forcing: span) { i in
                        Int(span.count == 1 ? tagSet.single : i == span.lowerBound ? tagSet.begin
                            : i == last ? tagSet.end : tagSet.inside)
                    }
                    #expect(margin == best - forced, "round \(round), span \(span)")
                }
            }
        }
    }
}
