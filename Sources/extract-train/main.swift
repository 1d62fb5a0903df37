import Foundation
@_spi(Training) import Extractor

/// extract-train: trains the organization-name model and measures it. Run from the
/// package root; the data folders are arguments, never read by `extract` or its tests.
///
///     extract-train train --data ../shared/data/ner          # writes OrganizationModel+Weights.swift
///     extract-train eval --data ../shared/eval/ner/peoples_daily.dev.jsonl --heldout ../shared/data/ner \
///                        --seed-doc ../shared/eval/docs/seed-bulletin.txt \
///                        --seed-gold ../shared/eval/gold/seed-bulletin.jsonl
///     extract-train speed --text /tmp/varied.txt
///
///     extract-train segment train --data ../shared/data/cws/pd1998.train.txt   # the word segmenter
///
/// `train` with no other options trains `Recipe.shipped`; see `Commands.usage` for the
/// options that override it in experiments, and the other commands.
let args = CommandLine.arguments
guard args.count >= 2 else { fail(Commands.usage + "\n" + Segmentation.usage) }
if args[1] == "segment" {
    try Segmentation.run(args.dropFirst(2))
    exit(0)
}
let options = Options(args.dropFirst(2), flags: Commands.flags)

switch args[1] {
case "train": try Commands.train(options)
case "eval": try Commands.eval(options)
case "analyze": try Commands.analyze(options)
case "explain": Commands.explain(options)
case "stats": Commands.stats(options)
case "load": Commands.load()
case "gate": try Commands.gate(options)
case "speed":
    guard let path = options.one("--text") else { fail("speed needs --text FILE") }
    Speed.run(path: path, model: Commands.model(options), only: options.one("--only"),
              runs: options.one("--runs").flatMap(Int.init) ?? 9)
default:
    fail(Commands.usage)
}
