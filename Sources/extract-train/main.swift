import Foundation
@_spi(Training) import Extractor

/// extract-train: trains the organization-name model and measures it.
///
///     extract-train train --data ../shared/data/ner [--out Sources/Extractor/Organizations/OrganizationModel+Weights.swift]
///     extract-train eval  --data ../shared/eval/ner/peoples_daily.dev.jsonl [--heldout ../shared/data/ner]
///                         [--seed-doc DOC.txt --seed-gold GOLD.jsonl] [--model MODEL.bin]
///     extract-train speed --text /tmp/varied.txt [--model MODEL.bin]
///
/// Options of `train` that override the recipe (for experiments only): --mix msra=1,cluener=1,
/// --epochs N, --bits B, --templates N (OrganizationFeatures.Set raw value), --model-out FILE.bin
/// (the model as bytes, for `eval --model`), --no-source (do not write the Swift file),
/// --eval FILE (score after training; repeatable), --seed-doc/--seed-gold, --eval-epochs.
let usage = """
    usage: extract-train train --data DIR [--out FILE.swift] [--eval FILE.jsonl]… [options]
           extract-train eval (--data FILE.jsonl)… [--heldout DIR] [--seed-doc F --seed-gold F] [--model FILE]
           extract-train speed --text FILE [--model FILE]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write("extract-train: \(message)\n".data(using: .utf8)!)
    exit(2)
}

func say(_ s: String) { FileHandle.standardOutput.write((s + "\n").data(using: .utf8)!) }

struct Options {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    init(_ args: ArraySlice<String>, flags known: Set<String>) {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            guard a.hasPrefix("--") else { fail("unexpected argument \(a)\n\(usage)") }
            if known.contains(a) { flags.insert(a); i += 1; continue }
            guard i + 1 < args.endIndex else { fail("\(a) needs a value") }
            values[a, default: []].append(args[i + 1])
            i += 2
        }
    }

    func one(_ k: String) -> String? { values[k]?.last }
    func all(_ k: String) -> [String] { values[k] ?? [] }
}

func loadModel(_ options: Options) -> OrganizationModel {
    guard let path = options.one("--model") else { return OrganizationModel.shared }
    do {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        guard let m = OrganizationModel(model: try LinearModel(bytes: bytes)) else { fail("\(path): other templates") }
        return m
    } catch { fail("\(path): \(error)") }
}

/// Scores a model on dev sets, the held-out slice and the seed document.
func evaluate(_ model: OrganizationModel, options: Options, heldOut: [AnnotatedSentence]?, sets: [String]) {
    let evaluation = Evaluation(model: model)
    let examples = options.one("--examples").flatMap(Int.init) ?? 0
    for path in sets {
        do { say(evaluation.report(path, try Corpus.read(path, corpus: "dev"), examples: examples)) } catch { fail("\(path): \(error)") }
    }
    if let h = heldOut { say(evaluation.report("msra held-out slice", h, examples: examples)) }
    if let doc = options.one("--seed-doc"), let goldPath = options.one("--seed-gold") {
        do {
            let text = try String(contentsOf: URL(fileURLWithPath: doc), encoding: .utf8)
            let gold = try DocumentScore.readGold(goldPath)
            let source = SourceText(utf8: Array(text.utf8))
            let (marks, rules) = OrganizationMarks.shared.analyze(source)
            let p = Proposals(model, source: source, marks: marks, rules: rules.map { Span(start: $0.start, end: $0.end) })
            say("seed document \(doc):")
            for c in evaluation.combinations {
                let spans = c.decide(p).map { s -> Span in
                    let o = source.originalSpan(s.start, s.end); return Span(start: o.start, end: o.end)
                }
                let score = DocumentScore(gold: gold, spans: spans, source: source)
                say("  \(c.name.padding(toLength: 46, withPad: " ", startingAt: 0)) \(score.line)")
                if options.flags.contains("--verbose") {
                    for x in score.misses { say("      MISS  \(x)") }
                    for x in score.extras { say("      EXTRA \(x)") }
                    for x in score.wrong { say("      WRONG \(x)") }
                }
            }
        } catch { fail("seed document: \(error)") }
    }
}

/// `text` in lines of at most `width` characters, broken at spaces.
func wrap(_ text: String, width: Int) -> String {
    var lines: [String] = [], line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail(usage) }
let options = Options(args.dropFirst(2), flags: ["--no-source", "--eval-epochs", "--verbose", "--tune", "--no-short-forms"])

switch args[1] {
case "train":
    var recipe = Recipe.shipped
    if let m = options.one("--mix") {
        recipe.mix = m.split(separator: ",").map { part in
            let kv = part.split(separator: "=")
            return (String(kv[0]), Int32(kv.count > 1 ? String(kv[1]) : "1") ?? 1)
        }
    }
    if let e = options.one("--epochs").flatMap(Int.init) { recipe.epochs = e }
    if let e = options.one("--ensemble").flatMap(Int.init) { recipe.ensemble = e }
    if let e = options.one("--seed").flatMap({ UInt64($0, radix: 16) }) { recipe.seed = e }
    for b in options.all("--bits") {        // --bits bigram=16
        let kv = b.split(separator: "=")
        if kv.count == 2, let v = Int(kv[1]) { recipe.bits[String(kv[0])] = v }
    }
    if let t = options.one("--templates").flatMap(Int.init) { recipe.templates = OrganizationFeatures.Set(rawValue: t) }
    if options.flags.contains("--tune") { recipe.tuning = true }
    if options.flags.contains("--no-short-forms") { recipe.shortForms = false }
    guard let dir = options.one("--data") else { fail("train needs --data DIR (the folder of msra.train.jsonl)") }
    say("recipe: \(recipe)")
    let training = Training(recipe: recipe, dataDirectory: dir)
    let clock = ContinuousClock()
    let started = clock.now
    let (train, tune, heldOut) = try training.load()
    say("loaded in \(clock.now - started)")
    let model = training.train(train) { epoch, m in
        guard options.flags.contains("--eval-epochs"), let om = OrganizationModel(model: m) else { return }
        say("after epoch \(epoch): held-out " + Evaluation(model: om, combinations: [.model]).ner(heldOut)[0].line)
    }
    let bytes = model.encoded()
    say("trained in \(clock.now - started); model \(bytes.count) bytes")
    if let path = options.one("--model-out") {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fail("cannot write \(path)") }
    }
    if !options.flags.contains("--no-source") {
        let path = options.one("--out") ?? "Sources/Extractor/Organizations/OrganizationModel+Weights.swift"
        let header = """
            Generated by `extract-train train`: do not edit. The organization-name model's weights
            (LinearModel bytes, base64), decoded once on first use by OrganizationModel.shared.
            """ + "\n" + wrap("Recipe (Sources/extract-train/Recipe.swift): \(recipe). Training sentences: \(train.count) "
                + "(\(Set(train.map(\.corpus)).sorted().joined(separator: ", "))).", width: 96)
        let source = model.swiftSource(extending: "OrganizationModel", property: "weightsBase64", header: header)
        do { try source.write(toFile: path, atomically: true, encoding: .utf8) } catch { fail("\(path): \(error)") }
        say("wrote \(path) (\(source.utf8.count) bytes)")
    }
    guard let om = OrganizationModel(model: model) else { fail("the trained model does not read back") }
    if recipe.tuning { say(Evaluation(model: om).report("msra tuning slice", tune)) }
    evaluate(om, options: options, heldOut: heldOut, sets: options.all("--eval"))
case "eval":
    var heldOut: [AnnotatedSentence]? = nil
    if let dir = options.one("--heldout") {
        heldOut = try Training(recipe: .shipped, dataDirectory: dir).load().heldOut
    }
    evaluate(loadModel(options), options: options, heldOut: heldOut, sets: options.all("--data"))
case "analyze":
    guard let dir = options.one("--data") else { fail("analyze needs --data DIR") }
    var recipe = Recipe.shipped
    recipe.tuning = true
    let tune = try Training(recipe: recipe, dataDirectory: dir).load().tune
    say(Analysis.rules(tune, model: loadModel(options)))
case "explain":
    // extract-train explain --text "…" [--model M]: the rules' names with the model's margins,
    // the model's names and the hybrid's, one sentence or document.
    guard let text = options.one("--text") else { fail("explain needs --text TEXT") }
    let model = loadModel(options)
    let source = SourceText(text)
    let (marks, rules) = OrganizationMarks.shared.analyze(source)
    let (found, margins) = model.decode(in: source, marks: marks, rules: rules)
    func show(_ s: (start: Int, end: Int)) -> String { let o = source.originalSpan(s.start, s.end); return source.slice(o.start, o.end) }
    for (r, m) in zip(rules, margins) { say("rule   \(show(r))  margin \(m == Int64.max ? "∞" : String(m))") }
    for m in found { say("model  \(show(m))") }
    for h in OrganizationHybrid.decide(model: found, rules: rules, margins: margins, source: source) { say("hybrid \(show(h))") }
case "stats":
    // extract-train stats [--model M]: per group, rows in use and the size of the weights.
    let labeller = loadModel(options).labeller, model = labeller.model
    var start = 0
    for (g, name) in zip(model.groups, labeller.features.groups.map(\.name)) {
        let width = g.reach.count * model.tagCount, rows = 1 << g.bits
        var used = 0, small = 0
        for r in 0 ..< rows {
            let row = model.weights[start + r * width ..< start + (r + 1) * width]
            let m = row.map { abs(Int($0)) }.max() ?? 0
            if m > 0 { used += 1 }
            if m > 0 && m <= 2 { small += 1 }
        }
        say("\(name): \(rows) rows × \(width), \(used) in use, \(small) of them with no weight beyond ±2")
        start += rows * width
    }
case "load":
    // extract-train load: how long the shipped model takes to decode on first use.
    // Thread CPU time, not wall time: the machine is shared.
    func cpu() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }
    let t0 = cpu()
    _ = OrganizationMarks.shared
    let t1 = cpu()
    let ok = OrganizationModel.shared.labeller.model.weights.count > 1000
    let t2 = cpu()
    say(String(format: "dictionaries (OrganizationMarks.shared) %.1f ms CPU, model (OrganizationModel.shared) %.1f ms CPU%@",
               t1 - t0, t2 - t1, ok ? "" : " (EMPTY fallback model)"))
case "speed":
    guard let path = options.one("--text") else { fail("speed needs --text FILE") }
    Speed.run(path: path, model: loadModel(options), only: options.one("--only"),
              runs: options.one("--runs").flatMap(Int.init) ?? 9)
default:
    fail(usage)
}
