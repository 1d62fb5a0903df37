import Foundation
import Extractor

/// `extract verify CLAIMS [--against SOURCE...]`: checks each figure of the claims against
/// the sources (or, without --against, against the rest of its own document).
///
/// Exit statuses: 0 nothing contradicted; 1 some claim figure is contradicted; 2 usage
/// error, or an input that cannot be read (the rest is verified and written, but the
/// gate does not pass); 3 the output could not be written.
enum VerifyCommand {
    static let usage = """
    usage: extract verify [options] CLAIMS... [--against SOURCE...]

    Checks every figure in CLAIMS against the figures of SOURCE (files, directories,
    or JSON Lines documents with --input-format jsonl). Without --against, figures
    that state the same thing twice in one document (a headline and its body) are
    checked against each other.

    Each claim figure gets a verdict: supported (a source figure about the same
    thing agrees), contradicted (a source figure about the same thing disagrees),
    or unsupported (no source figure is about it). Figures agree when the
    intervals their wording implies meet: 4.5 万 is [44500, 45500), 1500 多 is
    [1500, 1600), 逾 2700 万 is above 2700 万, 约 is ± the tolerance.

    options:
      --against SOURCE...   the sources (every argument after it, up to the next option)
      --tolerance X         relative tolerance of 约/左右/近 figures (default 0.05)
      --format FMT          jsonl (default): one line per claim figure, {"claim",
                            "verdict", "source", "reason"}; json: the same objects
                            as one array; csv or tsv: one row per claim figure
                            (claim and source columns, verdict, reason); text: a
                            readable report; html: a page with the claim figures
                            marked by verdict beside their source figures
      --input-format FMT    text (default), html, or jsonl (as for extraction)
      --encoding NAME       as for extraction (default: detected per file)
      --reference-date D    YYYY-MM-DD, for dates without a year
      --quiet               no summary line on stderr
      -h, --help            this help

    exit status: 0 nothing contradicted, 1 something contradicted, 2 usage error or
    an input that cannot be read (the others are still verified and written), 3
    the output could not be written.
    """

    enum Format: String { case jsonl, json, csv, tsv, text, html }

    struct Options {
        var claims: [String] = []
        var sources: [String] = []
        var hasAgainst = false
        var tolerance = Decimal(string: "0.05") ?? 0
        var format = Format.jsonl
        var base = CommandLineTool.Options()
        var quiet = false
    }

    static func parse(_ args: [String]) throws -> Options? {
        var o = Options()
        var i = 0
        var intoSources = false
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw CommandLineTool.UsageError.missingValue(name) }
            return args[i]
        }
        while i < args.count {
            let a = args[i]
            // Sources run from --against to the next option.
            if a != "--against" && a.hasPrefix("-") && a != "-" { intoSources = false }
            switch a {
            case "-h", "--help": print(usage); return nil
            case "--against": o.hasAgainst = true; intoSources = true
            case "--tolerance":
                let raw = try value(a)
                guard let t = Decimal(string: raw), t >= 0, t < 1 else {
                    throw CommandLineTool.UsageError.badValue(a, raw)
                }
                o.tolerance = t
            case "--format":
                let raw = try value(a)
                guard let f = Format(rawValue: raw) else { throw CommandLineTool.UsageError.badValue(a, raw) }
                o.format = f
            case "--input-format":
                let raw = try value(a)
                guard let f = CommandLineTool.InputFormat(rawValue: raw) else {
                    throw CommandLineTool.UsageError.badValue(a, raw)
                }
                o.base.inputFormat = f
            case "--encoding":
                let raw = try value(a)
                guard let e = TextEncoding(name: raw) else { throw CommandLineTool.UsageError.badValue(a, raw) }
                o.base.encoding = e
            case "--reference-date":
                let raw = try value(a)
                guard let d = CivilDate(raw) else { throw CommandLineTool.UsageError.badValue(a, raw) }
                o.base.referenceDate = d
            case "--quiet": o.quiet = true
            default:
                if a.hasPrefix("-") && a != "-" { throw CommandLineTool.UsageError.unknownOption(a) }
                if intoSources { o.sources.append(a) } else { o.claims.append(a) }
            }
            i += 1
        }
        if o.claims.isEmpty { throw CommandLineTool.UsageError.missingValue("CLAIMS (a file to verify)") }
        if o.hasAgainst && o.sources.isEmpty { throw CommandLineTool.UsageError.missingValue("--against") }
        if o.claims.contains("-") && o.sources.contains("-") {
            throw CommandLineTool.UsageError.badValue("--against", "- (standard input is already the claims)")
        }
        return o
    }

    static func run(_ args: [String]) -> Int32 {
        let options: Options
        do {
            guard let o = try parse(args) else { return 0 }
            options = o
        } catch {
            Diagnostics.error("verify: \(error)\n(see extract verify --help)")
            return 2
        }
        var unreadable = 0
        func load(_ paths: [String]) -> [VerifyDocument] {
            var base = options.base
            base.files = paths
            var docs: [VerifyDocument] = []
            Inputs(options: base).enumerate { w in
                switch Loader.text(of: w, options: base) {
                case .success(let d):
                    docs.append(VerifyDocument(doc: d.doc, text: d.text, date: d.date))
                case .failure(let e):
                    Diagnostics.error("\(e.doc): \(e.message)")
                    unreadable += 1
                }
                return true
            }
            return docs
        }
        let claims = load(options.claims)
        let sources = load(options.sources)
        let verifier = Verifier(tolerance: options.tolerance,
                                extractor: Extractor(types: [.quantity, .date, .time, .organization],
                                                     referenceDate: options.base.referenceDate))
        var counts: [Verifier.Verdict: Int] = [:]
        var out: [UInt8] = []
        var writeFailure: String? = nil
        func flush() {
            if writeFailure == nil, let why = RecordSink.writeAll(STDOUT_FILENO, out) {
                writeFailure = "cannot write to standard output: \(why)"
            }
            out.removeAll(keepingCapacity: true)
        }
        switch options.format {
        case .json: out.append(contentsOf: Array("[\n".utf8))
        case .csv, .tsv: appendRow(columns, format: options.format, to: &out)
        default: break
        }
        // Sources are extracted and indexed once for all the claim documents.
        let all = options.hasAgainst ? verifier.verify(claims: claims, against: sources)
                                     : claims.map { verifier.verifyWithin($0) }
        var written = 0
        if options.format == .html {
            var texts: [String: [Unicode.Scalar]] = [:]
            for d in claims + sources where texts[d.doc] == nil {
                texts[d.doc] = Array(d.source.original.unicodeScalars)
            }
            out = VerifyPage.render(claims: claims, findings: all, texts: texts)
            for f in all.joined() { counts[f.verdict, default: 0] += 1 }
        }
        for findings in all where options.format != .html {
            for f in findings {
                counts[f.verdict, default: 0] += 1
                switch options.format {
                case .jsonl: appendJSON(f, to: &out)
                case .json:
                    if written > 0 { out.append(contentsOf: Array(",\n".utf8)) }
                    appendJSON(f, to: &out)
                    out.removeLast()   // the newline: the array puts its own separators
                case .csv, .tsv: appendRow(row(f), format: options.format, to: &out)
                case .text: out.append(contentsOf: Array(report(f).utf8))
                case .html: break
                }
                written += 1
            }
            if out.count > 1 << 20 { flush() }
        }
        if options.format == .json { out.append(contentsOf: Array((written > 0 ? "\n]\n" : "]\n").utf8)) }
        flush()
        if let why = writeFailure {
            Diagnostics.error("verify: \(why); the output is incomplete")
            return 3
        }
        let contradicted = counts[.contradicted] ?? 0
        if !options.quiet {
            let total = counts.values.reduce(0, +)
            Diagnostics.note("verify: \(total) claim figures: \(counts[.supported] ?? 0) supported, "
                             + "\(contradicted) contradicted, \(counts[.unsupported] ?? 0) unsupported")
        }
        if unreadable > 0 {
            // The figures of an unreadable input are unknown: do not pass the gate.
            Diagnostics.error("verify: \(unreadable) input(s) could not be read (named above); "
                              + "the verdicts above do not cover them")
            return 2
        }
        return contradicted > 0 ? 1 : 0
    }

    /// `{"claim": {...}, "verdict": "...", "source": {...} | null, "reason": "..."}`
    static func appendJSON(_ f: Verifier.Finding, to out: inout [UInt8]) {
        out.append(contentsOf: Array("{\"claim\":".utf8))
        JSONLineWriter.append(f.claim, to: &out)
        out.append(contentsOf: Array(",\"verdict\":\"\(f.verdict.rawValue)\",\"source\":".utf8))
        if let s = f.source { JSONLineWriter.append(s, to: &out) } else { out.append(contentsOf: Array("null".utf8)) }
        out.append(contentsOf: Array(",\"reason\":".utf8))
        JSONLineWriter.appendString(f.reason, to: &out)
        out.append(contentsOf: Array("}\n".utf8))
    }

    /// CSV/TSV columns: the claim figure, the verdict, the source figure it rests on, why.
    static let columns = ["claim_doc", "claim_text", "claim_start", "claim_end", "claim_line", "claim_value",
                          "claim_unit", "claim_qualifier", "verdict", "source_doc", "source_text", "source_start",
                          "source_end", "source_line", "source_value", "source_unit", "source_qualifier", "reason"]

    static func row(_ f: Verifier.Finding) -> [String?] {
        func figure(_ r: Record?) -> [String?] {
            guard let r else { return [String?](repeating: nil, count: 8) }
            return [r.doc, r.text, String(r.start), String(r.end), String(r.line), r.value?.description, r.unit,
                    r.qualifier?.rawValue]
        }
        return figure(f.claim) + [f.verdict.rawValue] + figure(f.source) + [f.reason]
    }

    static func appendRow(_ values: [String?], format: Format, to out: inout [UInt8]) {
        RecordFormat.appendRow(values, format: format == .csv ? .csv : .tsv, to: &out)
    }

    static func report(_ f: Verifier.Finding) -> String {
        func oneLine(_ s: String) -> String {
            s.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        }
        var s = "\(f.verdict.rawValue.uppercased())  \(f.claim.doc):\(f.claim.line)  \(f.claim.text)\n"
        s += "  claim:  \(oneLine(f.claimSentence))\n"
        if let src = f.source {
            s += "  source: \(src.doc):\(src.line)  \(src.text)  \(oneLine(f.sourceSentence ?? ""))\n"
        }
        s += "  reason: \(f.reason)\n\n"
        return s
    }
}

/// Reads one input as text, decoded exactly as extraction decodes it.
enum Loader {
    struct Loaded { var doc: String; var text: String; var date: CivilDate? }

    static func text(of w: Work, options: CommandLineTool.Options) -> Result<Loaded, LoadFailure> {
        DocumentLoader.load(w, options: options).map { d in
            for warning in d.warnings { Diagnostics.warning(warning) }
            return Loaded(doc: d.doc, text: d.source.original, date: d.date)
        }
    }
}
