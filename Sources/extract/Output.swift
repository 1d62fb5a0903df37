import Foundation
import Glibc
import Extractor

/// Output formats: JSON Lines (the contract), one JSON array, CSV (RFC 4180), TSV, the
/// review page (HTML: each document's text with its records marked, written by `ReviewPage`),
/// or the segmented text (each document's text, its words separated by spaces: `SegmentedText`).
enum OutputFormat: String { case jsonl, json, csv, tsv, html, segmented }

enum RecordFormat {
    /// Columns of CSV and TSV output: every field of the contract (`RecordFields`), in contract
    /// order. `damaged` marks a mention next to undecodable bytes; `error` holds the message of an
    /// error row (`type` = error), for a document that failed.
    static let columns = RecordFields.all.map(\.name)

    static func header(_ format: OutputFormat) -> [UInt8] {
        switch format {
        case .csv: return Array((columns.joined(separator: ",") + "\r\n").utf8)
        case .tsv: return Array((columns.joined(separator: "\t") + "\n").utf8)
        default: return []
        }
    }

    /// One record in `format` (JSON formats: one object and a newline; the array framing
    /// is the sink's). The review page is not written a record at a time: `RecordSink.document`.
    static func append(_ r: Record, format: OutputFormat, to out: inout [UInt8]) {
        switch format {
        case .jsonl, .json, .html, .segmented:
            JSONLineWriter.append(r, to: &out)
            out.append(UInt8(ascii: "\n"))
        case .csv, .tsv:
            let values: [String?] = [r.doc, r.type.rawValue, r.text, String(r.start), String(r.end), String(r.line),
                                     r.value?.description, r.unit, r.dimension, r.qualifier?.rawValue, r.currency,
                                     r.low?.description, r.high?.description, r.object, r.timex, r.asOf,
                                     r.cumulative.map { $0 ? "true" : "false" }, r.name, r.category, r.full,
                                     r.damaged.map { $0 ? "true" : "false" }, nil]
            appendRow(values, format: format, to: &out)
        }
    }

    /// The row of a document that failed: its doc, type `error`, and the message.
    static func appendError(doc: String, message: String, format: OutputFormat, to out: inout [UInt8]) {
        var values = [String?](repeating: nil, count: columns.count)
        values[0] = doc
        values[1] = "error"
        values[columns.count - 1] = message
        appendRow(values, format: format, to: &out)
    }

    static func appendRow(_ values: [String?], format: OutputFormat, to out: inout [UInt8]) {
        for (k, v) in values.enumerated() {
            if k > 0 { out.append(format == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t")) }
            out.append(contentsOf: (format == .csv ? csvField(v ?? "") : tsvField(v ?? "")).utf8)
        }
        out.append(contentsOf: format == .csv ? [UInt8(ascii: "\r"), UInt8(ascii: "\n")] : [UInt8(ascii: "\n")])
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
    static func csvField(_ s: String) -> String {
        let special: Set<Character> = [",", "\"", "\n", "\r", "\r\n"]
        guard s.contains(where: special.contains) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// TSV: tabs, line breaks and backslashes escaped as \t, \n, \r, \\.
    static func tsvField(_ s: String) -> String {
        let special: Set<Character> = ["\t", "\n", "\r", "\\", "\r\n"]
        guard s.contains(where: special.contains) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

/// Where records go: stdout, or `-o FILE` written to FILE.partial and renamed into
/// place at the end (an interrupted or failed run never leaves a truncated FILE). With
/// -o, each finished document is noted in FILE.partial.done with the output size after
/// it, so `--resume` can skip finished documents and cut off an unfinished one. A
/// target that is not a regular file (a device, a pipe) is written directly.
///
/// Every failed write is kept in `failure`: the run stops reading and says so, and
/// FILE is never replaced by an incomplete output.
final class RecordSink {
    let format: OutputFormat
    let fd: Int32
    let target: String?
    /// Written through FILE.partial and renamed (false for stdout, devices and pipes).
    let atomic: Bool
    /// The review page (`--format html`), which writes whole documents.
    let page: ReviewPage?
    var errorsFD: Int32 = -1
    let errorsPath: String?
    var wroteRecord = false
    var doneFD: Int32 = -1
    var size: Int = 0
    private var buffer: [UInt8] = []
    /// The first write that failed: "cannot write to standard output: No space left on device".
    private(set) var failure: String?

    /// The output as the user named it, for messages.
    var outputName: String { target.map { atomic ? $0 + ".partial" : $0 } ?? "standard output" }

    init(format: OutputFormat, output: String?, errors: String?, resume: Bool = false,
         resumeFrom done: (size: Int, docs: Set<String>)?, page: ReviewPage? = nil) throws {
        self.format = format
        self.page = format == .html ? page ?? ReviewPage() : nil
        target = output
        errorsPath = errors
        func failed(_ option: String, _ path: String) -> CommandLineTool.UsageError {
            .badValue(option, "\(path): \(String(cString: strerror(errno)))")
        }
        if let path = output {
            var st = stat()
            let exists = stat(path, &st) == 0
            atomic = !exists || (st.st_mode & S_IFMT) == S_IFREG
            if !atomic {
                if resume { throw CommandLineTool.UsageError.badValue("--resume", "\(path) is not a regular file") }
                fd = open(path, O_WRONLY)
                guard fd >= 0 else { throw failed("-o", path) }
            } else {
                let partial = path + ".partial"
                let flags = done == nil ? (O_WRONLY | O_CREAT | O_TRUNC) : (O_WRONLY | O_CREAT)
                fd = open(partial, flags, 0o644)
                guard fd >= 0 else { throw failed("-o", partial) }
                if let d = done {
                    guard ftruncate(fd, off_t(d.size)) == 0, lseek(fd, off_t(d.size), SEEK_SET) >= 0 else {
                        throw failed("--resume", partial)
                    }
                    size = d.size
                    wroteRecord = d.size > RecordFormat.header(format).count + (format == .json ? 2 : 0)
                }
                doneFD = open(partial + ".done", O_WRONLY | O_CREAT | O_APPEND | (done == nil ? O_TRUNC : 0), 0o644)
                guard doneFD >= 0 else { throw failed("-o", partial + ".done") }
            }
        } else {
            fd = STDOUT_FILENO
            atomic = false
        }
        if let e = errors {
            errorsFD = open(e, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard errorsFD >= 0 else { throw failed("--errors", e) }
        }
        if size == 0 {
            if format == .json { emit(Array("[\n".utf8)) }
            emit(RecordFormat.header(format))
            if let page = self.page { emit(page.head()) }
        }
    }

    /// A finished document's serialized records (one line each), and its end.
    func write(_ bytes: [UInt8], doc: String, records: Int) {
        append(bytes, records: records)
        endDocument(doc: doc)
    }

    /// Serialized records (one line each) of a document that goes on (a piece of it).
    func append(_ bytes: [UInt8], records: Int) {
        if format == .json && records > 0 {
            // Objects separated by ",\n": the document's lines joined, and a comma before it.
            var joined: [UInt8] = []
            joined.reserveCapacity(bytes.count + records)
            if wroteRecord { joined.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
            var lineStart = 0
            for (k, c) in bytes.enumerated() where c == UInt8(ascii: "\n") {
                if lineStart > 0 { joined.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
                joined.append(contentsOf: bytes[lineStart..<k])
                lineStart = k + 1
            }
            emit(joined)
        } else {
            emit(bytes)
        }
        if records > 0 { wroteRecord = true }
    }

    /// A whole document for the review page: its text and its records.
    func document(doc: String, text: String, records: [Record]) {
        documentPiece(doc: doc, text: text, from: 0, records: records)
        endDocument(doc: doc)
    }

    /// The next piece of a long document for the review page: its original text, which starts
    /// at scalar `base` of the document, and its records. `endDocument` ends the document.
    func documentPiece(doc: String, text: String, from base: Int, records: [Record]) {
        guard let page else { for r in records { record(r) }; return }
        if !page.isOpen { emit(page.begin(doc: doc)) }
        emit(page.piece(text: text, from: base, records: records))
        if !records.isEmpty { wroteRecord = true }
    }

    /// One record, straight from extraction (documents processed one at a time).
    func record(_ r: Record) {
        if format == .json {
            if wroteRecord { buffer.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]); size += 2 }
            let before = buffer.count
            JSONLineWriter.append(r, to: &buffer)
            size += buffer.count - before
        } else {
            let before = buffer.count
            RecordFormat.append(r, format: format, to: &buffer)
            size += buffer.count - before
        }
        wroteRecord = true
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Records that `fill` appends as JSON lines (returning how many): straight into the
    /// buffer for JSON Lines, joined as the array's objects for JSON.
    func appendJSONLines(_ fill: (inout [UInt8]) -> Int) -> Int {
        guard format == .jsonl else {
            var bytes: [UInt8] = []
            let n = fill(&bytes)
            append(bytes, records: n)
            return n
        }
        let before = buffer.count
        let n = fill(&buffer)
        size += buffer.count - before
        if n > 0 { wroteRecord = true }
        if buffer.count >= 1 << 20 { flush() }
        return n
    }

    /// The end of a document: with -o, noted for --resume once its records are written.
    func endDocument(doc: String) {
        if let page, page.isOpen { emit(page.end()) }
        guard doneFD >= 0 else { return }
        flush()
        guard failure == nil else { return }
        if let why = Self.writeAll(doneFD, Array("\(size)\t\(doc)\n".utf8)) {
            fail("cannot write to \(outputName).done: \(why)")
        }
    }

    /// A failed document: an error record in the output, or in --errors FILE.
    func writeError(doc: String, message: String) {
        if let page, errorsFD < 0 {
            emit(page.errorSection(doc: doc, message: message))
            return
        }
        var r: [UInt8] = []
        if format == .segmented && errorsFD < 0 { return }   // no error line in a text (stderr has it)
        switch format {
        case .jsonl, .json, .html, .segmented:
            r = Array("{\"doc\":".utf8)
            JSONLineWriter.appendString(doc, to: &r)
            r += Array(",\"type\":\"error\",\"error\":".utf8)
            JSONLineWriter.appendString(message, to: &r)
            r += Array("}\n".utf8)
        case .csv, .tsv:
            RecordFormat.appendError(doc: doc, message: message, format: format, to: &r)
        }
        if errorsFD >= 0 {
            if let why = Self.writeAll(errorsFD, r) { fail("cannot write to \(errorsPath ?? "--errors"): \(why)") }
        } else if format == .json {
            write(r, doc: doc, records: 1)
        } else {
            emit(r)
        }
    }

    func emit(_ bytes: [UInt8]) {
        size += bytes.count
        if bytes.count >= 1 << 20 {
            // A piece's lines: written as they are, after what the buffer holds (no copy).
            flush()
            guard failure == nil else { return }
            if let why = Self.writeAll(fd, bytes) { fail("cannot write to \(outputName): \(why)") }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        if let why = Self.writeAll(fd, buffer) { fail("cannot write to \(outputName): \(why)") }
    }

    private func fail(_ message: String) {
        if failure == nil { failure = message }
    }

    /// Writes all of `bytes` to `fd`; nil, or the reason it could not.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { p -> String? in
            guard let base = p.baseAddress else { return nil }
            var off = 0
            while off < p.count {
                let w = Glibc.write(fd, base + off, p.count - off)
                if w < 0 && errno == EINTR { continue }
                if w < 0 { return String(cString: strerror(errno)) }
                if w == 0 { return "nothing written" }
                off += w
            }
            return nil
        }
    }

    /// Ends the output: the JSON array's bracket, and with -o the rename into place, only
    /// when every byte was written. After a failure FILE is left as it was, and what was
    /// written stays in FILE.partial (`--resume` continues from its last whole document).
    func finish() {
        if format == .json { emit(Array((wroteRecord ? "\n]\n" : "]\n").utf8)) }
        if let page { emit(page.tail()) }
        flush()
        if errorsFD >= 0, close(errorsFD) != 0 {
            fail("cannot write to \(errorsPath ?? "--errors"): \(String(cString: strerror(errno)))")
        }
        guard let path = target else { return }
        if atomic, failure == nil, fsync(fd) != 0 {
            fail("cannot write to \(outputName): \(String(cString: strerror(errno)))")
        }
        if close(fd) != 0 { fail("cannot write to \(outputName): \(String(cString: strerror(errno)))") }
        if doneFD >= 0 { close(doneFD) }
        guard atomic, failure == nil else { return }
        guard rename(path + ".partial", path) == 0 else {
            fail("cannot rename \(path).partial to \(path): \(String(cString: strerror(errno)))")
            return
        }
        unlink(path + ".partial.done")
    }

    /// What an earlier, interrupted run of `-o path` finished: the documents, and the output
    /// size after the last of them (anything after it is cut off).
    static func finished(_ path: String) -> (size: Int, docs: Set<String>)? {
        guard let data = FileManager.default.contents(atPath: path + ".partial.done"),
              FileManager.default.fileExists(atPath: path + ".partial") else { return nil }
        var docs = Set<String>(), size = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let s = Int(parts[0]) else { continue }
            size = s
            docs.insert(String(parts[1]))
        }
        return (size, docs)
    }
}
