import Foundation

/// The trained word segmenter: a BMES character tagger (the shared labeller's
/// linear model over `TokenFeatures`) with its word list (`TokenDictionary`),
/// both written by `extract-train segment train` into `TokenModel+Weights.swift`.
///
/// Text is segmented a run of non-space characters at a time (space is never part of a
/// token); a run is decoded as a whole, as the training sentences were. Positions
/// where a word boundary is forced (the edges of recognized figures, dates and names)
/// are kept by Viterbi itself: no word there may continue from the character before.
///
///     let model = try TokenModel.shipped()
///     model.words(in: SourceText("共招募志愿者45018名")) { start, end in print(start, end) }
///     // 0 1, 1 3, 3 6, 6 11, 11 12: 共 招募 志愿者 45018 名 (cleaned offsets)
@_spi(Training) public final class TokenModel: Sendable {
    public let model: LinearModel
    public let features: TokenFeatures
    public let dictionary: TokenDictionary
    let pad: Int
    let keysPerPosition: Int
    /// Transition, first and last scores (BMES: B 0, M 1, E 2, S 3).
    let bm: Int64, be: Int64, mm: Int64, me: Int64, eb: Int64, es: Int64, sb: Int64, ss: Int64
    let firstB: Int64, firstS: Int64, lastE: Int64, lastS: Int64
    /// Runs longer than this are cut after a sentence end (or, failing one, here): scratch
    /// space stays small on a document with no line breaks.
    static let longestRun = 4096

    /// A model read with the templates its signature names.
    public init(model: LinearModel, dictionary: TokenDictionary) throws(TokenModelError) {
        let prefix = "cws-v1:"
        guard model.signature.hasPrefix(prefix), let raw = Int(model.signature.dropFirst(prefix.count)) else {
            throw TokenModelError(reason: "its signature \(model.signature) is not a segmenter's")
        }
        let features = TokenFeatures(templates: TokenFeatures.Set(rawValue: raw))
        guard model.tagCount == 4, model.groups.map(\.reach) == features.groups.map(\.reach),
              model.groups.map(\.keys) == features.groups.map(\.keys), model.pairSlot.count <= 256 else {
            throw TokenModelError(reason: "its tables do not fit the templates \(model.signature) names")
        }
        self.model = model
        self.features = features
        self.dictionary = dictionary
        pad = features.pad
        keysPerPosition = features.keysPerPosition
        let t = model.transitions.map(Int64.init)
        bm = t[1]; be = t[2]; mm = t[5]; me = t[6]; eb = t[8]; es = t[11]; sb = t[12]; ss = t[15]
        firstB = Int64(model.firsts[0]); firstS = Int64(model.firsts[3])
        lastE = Int64(model.lasts[2]); lastS = Int64(model.lasts[3])
    }

    /// A model from its bytes (base64) and its word list (words separated by white space).
    public convenience init(base64: String, words: String) throws(TokenModelError) {
        let model: LinearModel
        do { model = try LinearModel(base64: base64) } catch { throw TokenModelError(reason: "\(error)") }
        let dictionary = TokenDictionary(wordList: words)
        guard dictionary.isEmpty == false else { throw TokenModelError(reason: "its word list is empty") }
        try self.init(model: model, dictionary: dictionary)
    }

    /// The shipped model, decoded on first use (only runs that ask for tokens pay for it).
    public static func shipped() throws(TokenModelError) -> TokenModel { try loaded.get() }

    /// The shipped model; or, when the environment variable `EXTRACT_TOKEN_MODEL` names a file
    /// written by `extract-train segment train --model-out FILE` (and its `FILE.words`), that one.
    static let loaded: Result<TokenModel, TokenModelError> = Result { () throws(TokenModelError) -> TokenModel in
        if let path = ProcessInfo.processInfo.environment["EXTRACT_TOKEN_MODEL"] { return try load(path) }
        return try TokenModel(base64: TokenModel.weightsBase64, words: TokenModel.wordList)
    }

    /// A model from its file and word list (`extract-train segment train --model-out FILE`).
    public static func load(_ path: String) throws(TokenModelError) -> TokenModel {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw TokenModelError(reason: "\(path): no such file, or not readable")
        }
        guard let words = FileManager.default.contents(atPath: path + ".words") else {
            throw TokenModelError(reason: "\(path).words: no such file, or not readable")
        }
        let model: LinearModel
        do {
            model = try LinearModel(bytes: [UInt8](bytes))
        } catch {
            throw TokenModelError(reason: "\(path): \(error)")
        }
        let list = TokenDictionary(wordList: String(decoding: words, as: UTF8.self))
        return try TokenModel(model: model, dictionary: list)
    }

    /// Calls `body(start, end)` with the cleaned span of each token of `source`, in order.
    /// `boundaries` (sorted cleaned positions) are word boundaries whatever the model says.
    public func words(in source: SourceText, boundaries: [Int] = [], _ body: (Int, Int) -> Void) {
        var scratch = TokenScratch()
        source.withScalars { b in
            boundaries.withUnsafeBufferPointer { f in
                var next = 0
                TokenModel.runs(b) { run in
                    while next < f.count && f[next] <= run.lowerBound { next += 1 }
                    var stop = next
                    while stop < f.count && f[stop] < run.upperBound { stop += 1 }
                    segment(b, run: run, forced: UnsafeBufferPointer(rebasing: f[next ..< stop]),
                            scratch: &scratch, body)
                    next = stop
                }
            }
        }
    }

    /// The runs of `b` that are segmented on their own: between spaces, and long ones cut
    /// after a sentence end.
    static func runs(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ body: (Range<Int>) -> Void) {
        let n = b.count
        var i = 0
        while i < n {
            while i < n && TokenCharacterClass.isSpace(b[i]) { i += 1 }
            guard i < n else { return }
            var start = i, lastStop = -1
            while i < n && !TokenCharacterClass.isSpace(b[i]) {
                let c = b[i]
                if c == "。" || c == "!" || c == "?" || c == "；" { lastStop = i + 1 }
                i += 1
                if i - start >= longestRun {
                    let cut = lastStop > start ? lastStop : i
                    body(start ..< cut)
                    start = cut; lastStop = -1
                }
            }
            if i > start { body(start ..< i) }
        }
    }

    /// Segments one run; `forced` are the boundaries inside it, in text positions.
    func segment(_ b: UnsafeBufferPointer<Unicode.Scalar>, run: Range<Int>, forced: UnsafeBufferPointer<Int>,
                 scratch: inout TokenScratch, _ body: (Int, Int) -> Void) {
        let n = run.count
        guard n > 1 else {
            if n == 1 { body(run.lowerBound, run.upperBound) }
            return
        }
        let text = UnsafeBufferPointer(rebasing: b[run])
        scratch.reserve(positions: n, keys: (n + 2 * pad) * keysPerPosition)
        scratch.marks.withUnsafeMutableBufferPointer { marks in
            dictionary.mark(text, range: 0 ..< n, into: marks)
        }
        scratch.rows.withUnsafeMutableBufferPointer { r in
        scratch.emissions.withUnsafeMutableBufferPointer { e in
        scratch.back.withUnsafeMutableBufferPointer { back in
        scratch.marks.withUnsafeBufferPointer { marks in
            // Never nil: `reserve` made every buffer longer than the run.
            guard let rows = r.baseAddress, let emissions = e.baseAddress, let backs = back.baseAddress else { return }
            model.withSink(rows: rows) {
                features.keys(text, marks: UnsafeBufferPointer(rebasing: marks[0 ..< n]), range: 0 ..< n, pad: pad,
                              into: &$0)
            }
            model.emissions(rows: rows, positions: n, pad: pad, into: emissions)
            viterbi(emissions, positions: n, forced: forced, offset: run.lowerBound, back: backs)
        }
        }
        }
        }
        // Back from the end: a word starts where the tag is B or S.
        var starts = scratch.starts
        scratch.starts = []                            // uniquely referenced while appending
        starts.removeAll(keepingCapacity: true)
        scratch.back.withUnsafeBufferPointer { back in
            var tag = back[n * 4]                      // the last tag, left there by viterbi
            var k = n - 1
            while k >= 0 {
                if tag == 0 || tag == 3 { starts.append(Int32(k)) }
                tag = back[k * 4 + Int(tag)]
                k -= 1
            }
        }
        var k = starts.count - 1                       // starts hold the last word first
        while k >= 0 {
            let end = k > 0 ? Int(starts[k - 1]) : n
            body(run.lowerBound + Int(starts[k]), run.lowerBound + end)
            k -= 1
        }
        scratch.starts = starts
    }

    /// BMES Viterbi over 16-bit emissions (eight lanes a position) in registers: B and S
    /// follow E or S, M and E follow B or M. At a forced boundary M and E are ruled out.
    /// Leaves the back-pointers in `back[i * 4 + tag]` and the best last tag in `back[n * 4]`.
    @inline(__always)
    func viterbi(_ e: UnsafeMutablePointer<Int16>, positions n: Int, forced: UnsafeBufferPointer<Int>, offset: Int,
                 back: UnsafeMutablePointer<UInt8>) {
        let never = PathScores.forbidden
        var pB = firstB &+ Int64(e[0]), pM = never, pE = never, pS = firstS &+ Int64(e[3])
        var f = 0
        var nextForced = forced.isEmpty ? Int.max : forced[0] - offset
        var i = 1
        while i < n {
            let ei = e + i &* 8, bk = back + i &* 4
            let fromEB = pE &+ eb, fromSB = pS &+ sb, fromBM = pB &+ bm, fromMM = pM &+ mm
            let fromBE = pB &+ be, fromME = pM &+ me, fromES = pE &+ es, fromSS = pS &+ ss
            let nB = fromSB > fromEB ? fromSB : fromEB
            let nM = fromMM > fromBM ? fromMM : fromBM
            let nE = fromME > fromBE ? fromME : fromBE
            let nS = fromSS > fromES ? fromSS : fromES
            bk[0] = fromSB > fromEB ? 3 : 2; bk[1] = fromMM > fromBM ? 1 : 0
            bk[2] = fromME > fromBE ? 1 : 0; bk[3] = fromSS > fromES ? 3 : 2
            pB = nB &+ Int64(ei[0]); pS = nS &+ Int64(ei[3])
            if i == nextForced {
                pM = never; pE = never
                while nextForced <= i {
                    f += 1
                    nextForced = f < forced.count ? forced[f] - offset : Int.max
                }
            } else {
                pM = nM &+ Int64(ei[1]); pE = nE &+ Int64(ei[2])
            }
            i += 1
        }
        back[n * 4] = pS &+ lastS > pE &+ lastE ? 3 : 2
    }
}

/// Buffers the segmenter reuses from run to run: key rows, emissions, back-pointers,
/// dictionary marks, word starts (last first).
struct TokenScratch {
    var rows: [Int32] = []
    var emissions: [Int16] = []
    var back: [UInt8] = []
    var marks: [UInt64] = []
    var starts: [Int32] = []

    mutating func reserve(positions n: Int, keys k: Int) {
        if rows.count < k + 1 { rows = [Int32](repeating: 0, count: max(k + 1, rows.count * 2)) }
        if emissions.count < n * 8 + 8 { emissions = [Int16](repeating: 0, count: max(n * 8 + 8, emissions.count * 2)) }
        if back.count < n * 4 + 4 { back = [UInt8](repeating: 0, count: max(n * 4 + 4, back.count * 2)) }
        if marks.count < n { marks = [UInt64](repeating: 0, count: max(n, marks.count * 2)) }
    }
}

/// Why the word segmentation model could not be read (`Extractor.loadTokenModel()`).
///
///     do { try Extractor.loadTokenModel() } catch { print(error) }
///     // cannot load the word segmentation model: model bytes are malformed: truncated
public struct TokenModelError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the file when one was read.
    public let reason: String
    public var description: String { "cannot load the word segmentation model: \(reason)" }
}
