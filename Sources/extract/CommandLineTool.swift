import Foundation
import Extractor

/// The `extract` command: arguments, input documents, output lines, exit status.
///
/// Exit statuses: 0 every document was read, extracted and written; 1 some
/// document could not be read (named on stderr and as an error record; the others'
/// records are all written); 2 usage error, or tokens asked for and the word
/// segmentation model cannot be loaded (nothing is read); 3 the output could
/// not be written (records were lost; the run stopped there).
enum CommandLineTool {
    static let version = "0.1.0"

    static let usage = """
    usage: extract [options] [FILE|DIR ...]
           extract verify CLAIMS... [--against SOURCE...]   (see extract verify --help)

    Extracts figures, dates, times and organization names from Chinese text as
    records, one per mention. Directories are read recursively in
    sorted order. With no FILE, or with -, reads standard input.

    options:
      --types LIST          record types, comma-separated: quantity, number, date,
                            time, organization, token, or all (default: all but
                            number and token; `number` = bare numerals with no
                            unit; `token` = the words of the text, `all` does not
                            include it)
      --input-format FMT    text (default), html, or jsonl: one {"id","text","date"}
                            document per line; records carry doc = id, and "date"
                            (YYYY-MM-DD) is that document's date. .html/.htm files
                            are read as HTML in text mode
      --encoding NAME       utf-8, utf-16le, utf-16be, gb18030 (also gbk, gb2312) or
                            big5 (default: detected per file)
      --include GLOB        only files whose path or name matches (repeatable)
      --exclude GLOB        skip files whose path or name matches (repeatable)
      --reference-date D    the documents' publication date (YYYY-MM-DD), used to
                            resolve dates without a year and 今天/去年/上周; without
                            it, a dateline in the first lines is used
      --format FMT          jsonl (default), json, csv, tsv, or html: a review page
                            with each document's text and its records marked; or
                            segmented: the text with its words separated by spaces,
                            line for line (tokens only)
      --limit N             with --format html: at most N documents on the page
                            (default 100); the rest are counted, not shown
      -o FILE               write to FILE (atomically: FILE.partial, then renamed)
      --resume              with -o: skip documents an interrupted run finished
      --errors FILE         error records go to FILE instead of the output
      --emit-text DIR       write the text extracted from HTML pages to DIR
      --jobs N              documents processed in parallel (default: all cores);
                            the output is the same for every N
      --quiet               no progress line and no summary
      --schema              print the JSON Schema of the records (draft 2020-12);
                            --schema=markdown prints the README's record table
      -h, --help            this help
      --version             the version

    exit status: 0 all documents extracted and written; 1 some documents failed
    (each named on stderr and as an error record; the others' records are all
    written); 2 usage error, or no word segmentation model for tokens (nothing
    read); 3 the output could not be written
    (disk full, closed pipe, unwritable file: the run stops, records are lost,
    and -o FILE is left untouched).
    """

    enum InputFormat: String { case text, jsonl, html }

    struct Options {
        var types = Extractor.defaultTypes
        var inputFormat = InputFormat.text
        var referenceDate: CivilDate?
        var files: [String] = []
        var encoding: TextEncoding?
        var include: [String] = []
        var exclude: [String] = []
        var format = OutputFormat.jsonl
        var output: String?
        var errors: String?
        var resume = false
        var emitTextDirectory: String?
        var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var quiet = false
        /// Documents on the review page (--format html).
        var limit: Int?
    }

    enum UsageError: Error, CustomStringConvertible {
        case unknownOption(String)
        case missingValue(String)
        case badValue(String, String)
        var description: String {
            switch self {
            case .unknownOption(let o): return "unknown option \(o)"
            case .missingValue(let o): return "option \(o) needs a value"
            case .badValue(let o, let v): return "option \(o): bad value '\(v)'"
            }
        }
    }

    static func parse(_ args: [String]) throws -> Options? {
        var o = Options()
        var typesGiven = false
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < args.count else { throw UsageError.missingValue(name) }
            return args[i]
        }
        while i < args.count {
            var a = args[i]
            var inline: String? = nil
            if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
                inline = String(a[a.index(after: eq)...])
                a = String(a[..<eq])
            }
            func v() throws -> String { if let x = inline { return x }; return try value(a) }
            switch a {
            case "-h", "--help":
                print(usage)
                return nil
            case "--version":
                print("extract \(version)")
                return nil
            case "--schema":
                guard let text = SchemaCommand.render(inline ?? "json") else {
                    throw UsageError.badValue("--schema", inline ?? "")
                }
                print(text, terminator: "")
                return nil
            case "--limit":
                let raw = try v()
                guard let n = Int(raw), n >= 1 else { throw UsageError.badValue("--limit", raw) }
                o.limit = n
            case "--types":
                let raw = try v()
                var set = Set<RecordType>()
                for t in raw.split(separator: ",") {
                    let name = t.trimmingCharacters(in: .whitespaces)
                    if name == "all" { set.formUnion(RecordType.allCases.filter { $0 != .token }); continue }
                    guard let rt = RecordType(rawValue: name) else { throw UsageError.badValue("--types", String(t)) }
                    set.insert(rt)
                }
                guard !set.isEmpty else { throw UsageError.badValue("--types", raw) }
                o.types = set
                typesGiven = true
            case "--input-format":
                let raw = try v()
                guard let f = InputFormat(rawValue: raw) else { throw UsageError.badValue("--input-format", raw) }
                o.inputFormat = f
            case "--encoding":
                let raw = try v()
                guard let e = TextEncoding(name: raw) else { throw UsageError.badValue("--encoding", raw) }
                o.encoding = e
            case "--include": o.include.append(try v())
            case "--exclude": o.exclude.append(try v())
            case "--reference-date":
                let raw = try v()
                guard let d = CivilDate(raw) else { throw UsageError.badValue("--reference-date", raw) }
                o.referenceDate = d
            case "--format":
                let raw = try v()
                guard let f = OutputFormat(rawValue: raw) else { throw UsageError.badValue("--format", raw) }
                o.format = f
            case "-o", "--output": o.output = try v()
            case "--errors": o.errors = try v()
            case "--resume": o.resume = true
            case "--emit-text": o.emitTextDirectory = try v()
            case "--jobs", "-j":
                let raw = try v()
                guard let n = Int(raw), n >= 1, n <= 1024 else { throw UsageError.badValue("--jobs", raw) }
                o.jobs = n
            case "--quiet", "-q": o.quiet = true
            case "--":
                o.files.append(contentsOf: args[(i + 1)...])
                i = args.count
                continue
            default:
                if a.hasPrefix("-") && a != "-" { throw UsageError.unknownOption(a) }
                o.files.append(a)
            }
            i += 1
        }
        if o.files.isEmpty { o.files = ["-"] }
        if o.resume && o.output == nil { throw UsageError.badValue("--resume", "needs -o FILE") }
        if o.resume && o.format == .html {
            throw UsageError.badValue("--resume", "the review page (--format html) is written in one run")
        }
        if o.limit != nil && o.format != .html { throw UsageError.badValue("--limit", "needs --format html") }
        // The segmented text is made of tokens: of tokens alone unless --types says more.
        if o.format == .segmented { o.types = typesGiven ? o.types.union([.token]) : [.token] }
        return o
    }

    static func run(_ args: [String]) -> Int32 {
        if args.first == "verify" { return VerifyCommand.run(Array(args.dropFirst())) }
        let options: Options
        do {
            guard let o = try parse(args) else { return 0 }
            options = o
        } catch {
            Diagnostics.error("\(error)\n(see extract --help)")
            return 2
        }
        if options.types.contains(.token) {
            // Tokens asked for: the model is read now, and a run without it stops before reading.
            do { try Extractor.loadTokenModel() } catch {
                Diagnostics.error("\(error)")
                return 2
            }
        }
        let done = options.resume ? options.output.flatMap(RecordSink.finished) : nil
        let sink: RecordSink
        do {
            sink = try RecordSink(format: options.format, output: options.output, errors: options.errors,
                                  resume: options.resume, resumeFrom: done,
                                  page: ReviewPage(limit: options.limit ?? ReviewPage.defaultLimit))
        } catch {
            Diagnostics.error("\(error)")
            return 2
        }
        let batch = BatchRun(options: options, writer: sink)
        let failed = batch.run(skipping: done?.docs ?? [])
        sink.finish()
        if let why = sink.failure {
            // Reported even with --quiet: records were lost.
            let kept = options.output.map { sink.atomic ? " (\($0) left as it was)" : "" } ?? ""
            let documents = "\(batch.documents) document\(batch.documents == 1 ? "" : "s")"
            Diagnostics.error("\(why); the output is incomplete\(kept), stopped after \(documents)")
        }
        if !options.quiet {
            let secs = max(0.001, Date().timeIntervalSince(batch.started))
            let mb = Double(batch.inputBytes) / 1e6
            var summary = String(format: "%d documents, %d records, %d errors, %.1f MB in %.2f s (%.1f MB/s)",
                                 batch.documents, batch.records, batch.failures, mb, secs, mb / secs)
            if sink.failure != nil { summary += "; OUTPUT FAILED" }
            Diagnostics.note(summary)
        }
        if sink.failure != nil { return 3 }
        return failed > 0 ? 1 : 0
    }
}

/// Messages for the user on stderr, each naming its file and reason. Written with
/// write(2): a closed or full stderr must not stop the run (the exit status still tells).
enum Diagnostics {
    static func error(_ message: String) { say("extract: \(message)\n") }
    static func note(_ message: String) { say("extract: \(message)\n") }
    static func warning(_ message: String) { say("extract: warning: \(message)\n") }

    static func say(_ text: String) { _ = RecordSink.writeAll(STDERR_FILENO, Array(text.utf8)) }
}

