import Foundation
import Extractor

/// The `extract` command: arguments, input documents, output lines, exit status.
///
/// Exit statuses: 0 every document was read and extracted; 1 some document
/// could not be read (named on stderr; the others' records are all written);
/// 2 usage error (nothing is read).
enum CommandLineTool {
    static let version = "0.1.0"

    static let usage = """
    usage: extract [options] [FILE ...]

    Extracts figures from Chinese text as JSON Lines records (one per mention).
    With no FILE, or with -, reads standard input.

    options:
      --types LIST          record types to emit, comma-separated:
                            quantity, number, date, time, organization
                            (default: quantity,date,time; `number` = bare
                            numerals with no unit; `organization` = names of
                            organizations, opt-in for now; `all` = every type)
      --input-format FMT    text (default) or jsonl: one {"id","text","date"}
                            document per line; records carry doc = id, and
                            "date" (YYYY-MM-DD) is that document's date
      --reference-date D    the documents' publication date (YYYY-MM-DD), used
                            to resolve dates without a year and 今天/去年/上周;
                            without it, a dateline in the first lines is used
      -h, --help            this help
      --version             the version

    exit status: 0 all documents extracted, 1 some documents failed (named on
    stderr; the others' records are still written), 2 usage error.
    """

    enum InputFormat: String { case text, jsonl }

    struct Options {
        var types = Extractor.defaultTypes
        var inputFormat = InputFormat.text
        var referenceDate: CivilDate?
        var files: [String] = []
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
            case "--types":
                let raw = try v()
                var set = Set<RecordType>()
                for t in raw.split(separator: ",") where t.trimmingCharacters(in: .whitespaces) == "all" {
                    set.formUnion(RecordType.allCases)
                }
                for t in raw.split(separator: ",") where t.trimmingCharacters(in: .whitespaces) != "all" {
                    guard let rt = RecordType(rawValue: t.trimmingCharacters(in: .whitespaces)) else {
                        throw UsageError.badValue("--types", String(t))
                    }
                    set.insert(rt)
                }
                guard !set.isEmpty else { throw UsageError.badValue("--types", raw) }
                o.types = set
            case "--input-format":
                let raw = try v()
                guard let f = InputFormat(rawValue: raw) else { throw UsageError.badValue("--input-format", raw) }
                o.inputFormat = f
            case "--reference-date":
                let raw = try v()
                guard let d = CivilDate(raw) else { throw UsageError.badValue("--reference-date", raw) }
                o.referenceDate = d
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
        return o
    }

    static func run(_ args: [String]) -> Int32 {
        let options: Options
        do {
            guard let o = try parse(args) else { return 0 }
            options = o
        } catch {
            Diagnostics.error("\(error)\n(see extract --help)")
            return 2
        }
        let extractor = Extractor(types: options.types, referenceDate: options.referenceDate)
        let out = OutputBuffer()
        var failed = 0
        for file in options.files {
            let data: [UInt8]
            do {
                data = try InputReader.read(file)
            } catch {
                Diagnostics.error("\(error)")
                failed += 1
                continue
            }
            switch options.inputFormat {
            case .text:
                let source = SourceText(utf8: data)
                if let bad = source.firstInvalidByte {
                    Diagnostics.warning("\(file): invalid UTF-8 at byte \(bad); replaced with U+FFFD")
                }
                extractor.extract(source, doc: file) { out.write($0) }
            case .jsonl:
                failed += JSONLinesInput.forEachDocument(in: data, name: file) { id, text, date in
                    extractor.extract(text, doc: id, date: date) { out.write($0) }
                }
            }
        }
        out.flush()
        return failed > 0 ? 1 : 0
    }
}

/// Messages for the user on stderr, each naming its file and reason.
enum Diagnostics {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("extract: \(message)\n".utf8))
    }
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("extract: warning: \(message)\n".utf8))
    }
}

/// Buffered writing of records to stdout, as bytes.
final class OutputBuffer {
    private var buffer: [UInt8] = []
    init() { buffer.reserveCapacity(1 << 20) }

    func write(_ r: borrowing Record) {
        JSONLineWriter.append(r, to: &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var off = 0
            while off < p.count {
                let w = Glibc.write(1, base + off, p.count - off)
                if w <= 0 { break }
                off += w
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
