import Foundation
@_spi(Training) import Extractor

/// `extract-train segment …`: trains the word segmenter on a segmented corpus (one
/// sentence a line, words separated by spaces: `../shared/data/cws/pd1998.train.txt`)
/// and measures it (word P/R/F1 as the SIGHAN bakeoff counts them, and OOV recall).
///
///     extract-train segment train --data ../shared/data/cws/pd1998.train.txt   # writes TokenModel+Weights.swift
///     extract-train segment eval --data ../shared/eval/cws/pd1998.dev.txt --train ../shared/data/cws/pd1998.train.txt
enum Segmentation {
    static let usage = """
        usage: extract-train segment train --data TRAIN.txt [--out FILE.swift] [--model-out FILE.bin] [--no-source]
                                           [--eval DEV.txt]… [--tune] [--epochs N] [--folds N] [--min-count N]
                                           [--templates N] [--bits GROUP=BITS]… [--single-penalty N]
                                           [--seed HEX]
               extract-train segment eval --data DEV.txt [--train TRAIN.txt] [--model FILE.bin] [--examples N]
               extract-train segment speed --text FILE [--model FILE.bin] [--runs N]
               extract-train segment load                (first-use cost of the shipped model)
        """
    static let weightsFile = "Sources/Extractor/Tokens/TokenModel+Weights.swift"

    static func run(_ args: ArraySlice<String>) throws {
        guard let command = args.first else { fail(usage) }
        let options = Options(args.dropFirst(), flags: Commands.flags)
        switch command {
        case "train": try train(options)
        case "eval": try eval(options)
        case "speed": speed(options)
        case "load": load()
        default: fail(usage)
        }
    }

    /// The sentences of a segmented corpus: lines, words separated by white space.
    static func read(_ path: String) throws -> [[Substring]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\r" }) }
            .filter { !$0.isEmpty }
    }

    static func recipe(_ options: Options) -> SegmenterRecipe {
        var recipe = SegmenterRecipe.shipped
        if options.flags.contains("--tune") { recipe.tuning = true }
        if let e = options.one("--epochs").flatMap(Int.init) { recipe.epochs = e }
        if let f = options.one("--folds").flatMap(Int.init), f >= 2, f <= 30 { recipe.folds = f }
        if let m = options.one("--min-count").flatMap(Int.init), m >= 1 { recipe.minimumCount = m }
        if let t = options.one("--templates").flatMap(Int.init) { recipe.templates = TokenFeatures.Set(rawValue: t) }
        if let p = options.one("--single-penalty").flatMap(Int32.init) { recipe.singlePenalty = p }
        if let e = options.one("--seed").flatMap({ UInt64($0, radix: 16) }) { recipe.seed = e }
        for b in options.all("--bits") {
            let kv = b.split(separator: "=")
            if kv.count == 2, let v = Int(kv[1]) { recipe.bits[String(kv[0])] = v }
        }
        return recipe
    }

    /// Trains a model on `sentences` by `recipe`: the same sentences give the same bytes.
    static func train(_ sentences: [[Substring]], recipe: SegmenterRecipe,
                      log: (String) -> Void) -> (model: LinearModel, words: [String]) {
        let trainer = TokenTrainer(features: TokenFeatures(templates: recipe.templates),
                                   groups: recipe.groups(TokenFeatures(templates: recipe.templates)),
                                   folds: recipe.folds, minimumCount: recipe.minimumCount, epochs: recipe.epochs,
                                   seed: recipe.seed, singlePenalty: recipe.singlePenalty)
        return trainer.train(sentences, log: log)
    }

    static func train(_ options: Options) throws {
        guard let path = options.one("--data") else { fail("segment train needs --data TRAIN.txt") }
        let recipe = recipe(options)
        say("recipe: \(recipe)")
        var sentences = try read(path)
        var heldOut: [[Substring]] = []
        if recipe.tuning {
            let keep = sentences.count - sentences.count * recipe.holdoutPercent / 100
            heldOut = Array(sentences[keep...])
            sentences = Array(sentences[..<keep])
        }
        let clock = ContinuousClock(), started = clock.now
        let (model, words) = train(sentences, recipe: recipe) {
            FileHandle.standardError.write(($0 + "\n").data(using: .utf8) ?? Data())
        }
        let bytes = model.encoded()
        say("trained in \(clock.now - started); model \(bytes.count) bytes, \(words.count) words")
        if let out = options.one("--model-out") {
            let list = Array(words.joined(separator: "\n").utf8)
            guard FileManager.default.createFile(atPath: out, contents: Data(bytes)),
                  FileManager.default.createFile(atPath: out + ".words", contents: Data(list)) else {
                fail("cannot write \(out)")
            }
        }
        if !options.flags.contains("--no-source") {
            let out = options.one("--out") ?? weightsFile
            let header = """
                Generated by `extract-train segment train`: do not edit. The word segmenter's weights
                (LinearModel bytes, base64) and word list, decoded on first use by TokenModel.shipped().
                """ + "\n" + wrap("Recipe (Sources/extract-train/Recipe.swift, SegmenterRecipe): \(recipe). "
                                  + "Training sentences: \(sentences.count).", width: 96)
            var source = model.swiftSource(extending: "TokenModel", property: "weightsBase64", header: header)
            source += "\nextension TokenModel {\n    static let wordList = \"\"\"\n"
            var line = ""
            for w in words {
                if !line.isEmpty && line.count + 1 + w.count > 40 { source += line + "\n"; line = "" }
                line += (line.isEmpty ? "" : " ") + w
            }
            source += line + "\n\"\"\"\n}\n"
            do { try source.write(toFile: out, atomically: true, encoding: .utf8) } catch { fail("\(out): \(error)") }
            say("wrote \(out) (\(source.utf8.count) bytes)")
        }
        let segmenter = try TokenModel(model: model, dictionary: TokenDictionary(words: words))
        let vocabulary = Set(sentences.joined().map(String.init))
        if !heldOut.isEmpty {
            say(SegmentationScore.of(segmenter, heldOut, vocabulary: vocabulary).line("held-out slice"))
        }
        for dev in options.all("--eval") {
            say(SegmentationScore.of(segmenter, try read(dev), vocabulary: vocabulary).line(dev))
        }
    }

    /// The shipped model, or `--model FILE.bin` (with its word list in FILE.bin.words).
    static func model(_ options: Options) throws -> TokenModel {
        guard let path = options.one("--model") else { return try TokenModel.shipped() }
        return try TokenModel.load(path)
    }

    static func eval(_ options: Options) throws {
        guard let path = options.one("--data") else { fail("segment eval needs --data DEV.txt") }
        let segmenter = try model(options)
        var vocabulary = Set<String>()
        if let train = options.one("--train") { vocabulary = Set(try read(train).joined().map(String.init)) }
        let score = SegmentationScore.of(segmenter, try read(path), vocabulary: vocabulary,
                             examples: options.one("--examples").flatMap(Int.init) ?? 0)
        say(score.line(path))
        for e in score.examples { say(e) }
        if let out = options.one("--out") {
            // The text segmented by the model, a sentence a line (the bakeoff's format).
            var lines: [String] = []
            for words in try read(path) {
                let (text, _) = TokenModel.sentence(words)
                let scalars = Array(text.unicodeScalars), source = SourceText(text)
                var got: [String] = []
                segmenter.words(in: source) { a, b in
                    let o = source.originalSpan(a, b)
                    got.append(String(String.UnicodeScalarView(scalars[o.start ..< o.end])))
                }
                lines.append(got.joined(separator: " "))
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
    }

    /// Characters a second of the segmenter on a text read as one document: best of
    /// `--runs`, in CPU time of this thread.
    static func speed(_ options: Options) {
        guard let path = options.one("--text"), let data = FileManager.default.contents(atPath: path) else {
            fail("segment speed needs --text FILE")
        }
        let segmenter: TokenModel
        do { segmenter = try model(options) } catch { fail("\(error)") }
        let source = SourceText(utf8: [UInt8](data))
        let runs = options.one("--runs").flatMap(Int.init) ?? 5
        var best = Double.infinity, count = 0
        for _ in 0 ..< runs {
            let t0 = cpuMilliseconds()
            count = 0
            segmenter.words(in: source) { _, _ in count += 1 }
            best = min(best, cpuMilliseconds() - t0)
        }
        let n = source.scalars.count
        say(String(format: "%@: %d characters, %d tokens, %.1f ms, %.1f M characters/s, %.1f MB/s", path, n, count,
                   best, Double(n) / best / 1000, Double(data.count) / best / 1000))
    }

    static func load() {
        // The parts of a model file's first use (`SEGMENT_MODEL_PARTS=FILE.bin`), for profiling.
        if let path = ProcessInfo.processInfo.environment["SEGMENT_MODEL_PARTS"],
           let bytes = FileManager.default.contents(atPath: path),
           let words = FileManager.default.contents(atPath: path + ".words") {
            let b0 = cpuMilliseconds()
            let model = try? LinearModel(bytes: [UInt8](bytes))
            let b1 = cpuMilliseconds()
            let list = String(decoding: words, as: UTF8.self)
            let b2 = cpuMilliseconds()
            _ = TokenDictionary(wordList: list)
            let b3 = cpuMilliseconds()
            let weights: Int = model?.weights.count ?? 0
            let times: [Double] = [b1 - b0, b2 - b1, b3 - b2]
            say("parts: model bytes, word list split, dictionary (ms): \(times) (\(weights) weights)")
        }
        let t0 = cpuMilliseconds()
        let ok = (try? TokenModel.shipped()) != nil
        say(String(format: "TokenModel.shipped(): %.1f ms CPU%@", cpuMilliseconds() - t0, ok ? "" : " (FAILED)"))
    }
}

/// Word precision, recall and F1 (a word is right when both its ends are), and the recall
/// of words not in the training text.
struct SegmentationScore {
    var gold = 0, predicted = 0, right = 0, oov = 0, oovRight = 0
    var examples: [String] = []

    static func of(_ model: TokenModel, _ sentences: [[Substring]], vocabulary: Set<String>,
                   examples: Int = 0) -> SegmentationScore {
        var s = SegmentationScore()
        for words in sentences {
            let (text, spans) = TokenModel.sentence(words)
            let source = SourceText(text)
            var got = Set<Int>()
            var list: [(Int, Int)] = []
            model.words(in: source) { a, b in
                let o = source.originalSpan(a, b)
                got.insert(o.start << 32 | o.end)
                list.append((o.start, o.end))
            }
            s.gold += spans.count
            s.predicted += got.count
            var wrong = false
            for (w, span) in zip(words, spans) {
                let hit = got.contains(span.start << 32 | span.end)
                if hit { s.right += 1 } else { wrong = true }
                if !vocabulary.isEmpty && !vocabulary.contains(String(w)) {
                    s.oov += 1
                    if hit { s.oovRight += 1 }
                }
            }
            if wrong && s.examples.count < examples {
                let scalars = Array(text.unicodeScalars)
                let mine = list.map { String(String.UnicodeScalarView(scalars[$0.0 ..< $0.1])) }
                s.examples.append("  gold: \(words.joined(separator: " "))\n  got:  \(mine.joined(separator: " "))")
            }
        }
        return s
    }

    func line(_ title: String) -> String {
        let p = Double(right) / Double(max(1, predicted)), r = Double(right) / Double(max(1, gold))
        let f = p + r > 0 ? 2 * p * r / (p + r) : 0
        return String(format: "%@: %d words, P %.4f R %.4f F1 %.4f, OOV recall %.4f (%d OOV words)", title, gold,
                      p, r, f, Double(oovRight) / Double(max(1, oov)), oov)
    }
}
