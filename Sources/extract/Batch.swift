import Foundation
import Glibc
import Extractor

/// The serialized result of one document, written in input order.
struct Outcome {
    /// With one document at a time, records go straight to this sink.
    var sink: RecordSink? = nil
    var streamed = false
    var bytes: [UInt8] = []
    var records = 0
    var errors: [(doc: String, message: String)] = []
    var warnings: [String] = []
    var inputBytes = 0
    var doc = ""
    /// The review page (`--format html`) shows each document's text with its records.
    var page: (text: String, records: [Record])? = nil
}

/// Runs a batch: enumerates inputs, extracts documents on `jobs` threads in batches,
/// and writes their records in input order, so the output is the same for every `jobs`.
/// Memory holds one batch of documents (jobs × 4), never the corpus.
final class BatchRun: @unchecked Sendable {   // process() reads only immutable state
    let options: CommandLineTool.Options
    let extractor: Extractor
    let writer: RecordSink
    let progress: Progress
    var documents = 0, records = 0, failures = 0, inputBytes = 0
    let started = Date()
    /// Standard input read while deciding whether it is long (then read as a whole document).
    var pendingStandardInput: [UInt8]? = nil

    init(options: CommandLineTool.Options, writer: RecordSink) {
        self.options = options
        self.extractor = Extractor(types: options.types, referenceDate: options.referenceDate)
        self.writer = writer
        self.progress = Progress(enabled: !options.quiet && isatty(STDERR_FILENO) != 0)
    }

    /// Processes everything; returns the number of failed documents.
    func run(skipping done: Set<String>) -> Int {
        let batchSize = max(1, options.jobs * 4)
        if progress.enabled { progress.total = totalBytes() }
        var batch: [Work] = []
        // Files in one window take at most this many bytes (their extraction needs about
        // five times as much), so memory stays bounded however large the files.
        let batchByteLimit = 16 << 20
        var batchBytes = 0
        func flush() {
            batchBytes = 0
            guard !batch.isEmpty else { return }
            var outcomes = [Outcome](repeating: Outcome(), count: batch.count)
            let work = batch
            if options.jobs == 1 || work.count == 1 {
                // One at a time: records stream straight into the sink (no document buffer).
                for w in work { commit(process(w, direct: writer)) }
                batch.removeAll(keepingCapacity: true)
                return
            }
            if options.jobs > 1 && work.count > 1 {
                outcomes.withUnsafeMutableBufferPointer { out in
                    // Each iteration writes its own slot: no two threads touch the same memory.
                    nonisolated(unsafe) let base = out.baseAddress
                    DispatchQueue.concurrentPerform(iterations: work.count) { k in
                        base?[k] = self.process(work[k])
                    }
                }
            } else {
                for k in work.indices { outcomes[k] = process(work[k]) }
            }
            for o in outcomes { commit(o) }
            batch.removeAll(keepingCapacity: true)
        }
        enumerate { w in
            if case .json(let id, _, _) = w, done.contains(id) { return true }
            if case .file(let path, _) = w, done.contains(path) { return true }
            if let reader = streamReader(for: w) {
                // A long document: the ones before it first, then it, piece by piece.
                flush()
                if writer.failure == nil { stream(reader) }
                return writer.failure == nil
            }
            if case .file(let path, _) = w {
                var st = stat()
                if stat(path, &st) == 0 { batchBytes += Int(st.st_size) }
            }
            batch.append(w)
            if batch.count >= batchSize || batchBytes >= batchByteLimit { flush() }
            // Once the output cannot be written, reading on would only lose more.
            return writer.failure == nil
        }
        if writer.failure == nil { flush() }
        progress.finish()
        return failures
    }

    func commit(_ o: Outcome) {
        for w in o.warnings { Diagnostics.warning(w) }
        for e in o.errors {
            Diagnostics.error("\(e.doc): \(e.message)")
            writer.writeError(doc: e.doc, message: e.message)
            failures += 1
        }
        if let p = o.page {
            writer.document(doc: o.doc, text: p.text, records: p.records)
        } else if o.streamed {
            writer.endDocument(doc: o.doc)
        } else {
            writer.write(o.bytes, doc: o.doc, records: o.records)
        }
        documents += 1
        records += o.records
        inputBytes += o.inputBytes
        progress.update(documents: documents, bytes: inputBytes)
    }

    // MARK: - Long documents, in pieces

    /// Text files from this size on are read in pieces: memory stays bounded whatever
    /// their size, and the pieces of one file share the cores.
    /// `EXTRACT_STREAM_THRESHOLD` and `EXTRACT_PIECE_SIZE` (bytes) change both, for the tests
    /// and the benchmark that compare a document read whole with the same document in pieces.
    static let streamingThreshold = environmentInt("EXTRACT_STREAM_THRESHOLD") ?? 8 << 20
    static let pieceSize = environmentInt("EXTRACT_PIECE_SIZE") ?? 1 << 20

    static func environmentInt(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.map { max(1, $0) }
    }

    /// A reader for `w` when it is a long plain-text document (a file of at least
    /// `streamingThreshold` bytes, or standard input that long); nil otherwise.
    func streamReader(for w: Work) -> PieceReader? {
        switch w {
        case .file(let path, let html):
            guard !html else { return nil }
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) >= Self.streamingThreshold
            else { return nil }
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return nil }   // the whole-file path reports why
            return PieceReader(fd: fd, name: path, forced: options.encoding, pieceSize: Self.pieceSize)
        case .stdin(let html):
            guard !html else { return nil }
            // Read up to the threshold: a shorter input goes the whole-document way.
            var prefix: [UInt8] = []
            var block = [UInt8](repeating: 0, count: 1 << 16)
            while prefix.count < Self.streamingThreshold {
                let r = block.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                prefix.append(contentsOf: block[0..<r])
            }
            if prefix.count < Self.streamingThreshold || DocumentLoader.looksLikeHTML(prefix) {
                pendingStandardInput = prefix
                return nil
            }
            return PieceReader(fd: STDIN_FILENO, name: "-", prefix: prefix, forced: options.encoding,
                               pieceSize: Self.pieceSize)
        default:
            return nil
        }
    }

    /// Extracts a long document piece by piece: a window of pieces is recognized on all
    /// cores, resolved in order (dates carry over), turned into records on all cores, and
    /// written in order. The records are those of the whole document at once.
    func stream(_ reader: PieceReader) {
        defer { if reader.fd != STDIN_FILENO { close(reader.fd) } }
        let doc = reader.name
        let window = options.jobs == 1 ? 1 : options.jobs * 2
        let format = options.format
        var state = Extractor.DocumentState()
        var count = 0
        var endsWithNewline = true
        var failure: String? = nil
        do {
            while writer.failure == nil {
                var pieces: [PieceReader.Piece] = []
                while pieces.count < window, let p = try reader.next() { pieces.append(p) }
                if pieces.isEmpty { break }
                let recognized = parallelMap(pieces) { p in
                    self.extractor.recognize(SourceText(utf8: p.utf8, stripByteOrderMark: p.isFirst), doc: doc)
                }
                for (k, r) in recognized.enumerated() where r.hasInvalidBytes { reader.noteInvalid(in: pieces[k]) }
                let resolved = recognized.map { extractor.resolve($0, state: &state) }
                if format == .segmented {
                    // The text of each piece, its words separated (pieces end at line ends).
                    let rendered = parallelMap(Array(resolved.enumerated())) { k, piece -> ([UInt8], Int) in
                        var list: [Record] = []
                        self.extractor.records(of: piece) { list.append($0) }
                        let text = Self.text(of: pieces[k])
                        return (SegmentedText.render(text, base: piece.scalarOffset, records: list, last: false),
                                list.count)
                    }
                    for (bytes, n) in rendered {
                        writer.emit(bytes)
                        if let b = bytes.last { endsWithNewline = b == UInt8(ascii: "\n") }
                        count += n
                    }
                } else if format == .html {
                    // The review page shows each piece's text with its records.
                    for (k, piece) in resolved.enumerated() {
                        var list: [Record] = []
                        extractor.records(of: piece) { list.append($0) }
                        writer.documentPiece(doc: doc, text: Self.text(of: pieces[k]), from: piece.scalarOffset,
                                             records: list)
                        count += list.count
                    }
                } else {
                    let rendered = parallelMap(resolved) { piece -> ([UInt8], Int) in
                        var bytes: [UInt8] = [], n = 0
                        if format == .jsonl || format == .json {
                            // JSON lines straight from the drafts: no Record, no String per record.
                            n = self.extractor.appendJSONLines(of: piece, to: &bytes)
                            return (bytes, n)
                        }
                        bytes.reserveCapacity(piece.byteCountEstimate)
                        self.extractor.records(of: piece) { r in
                            RecordFormat.append(r, format: format, to: &bytes)
                            n += 1
                        }
                        return (bytes, n)
                    }
                    for (bytes, n) in rendered { writer.append(bytes, records: n); count += n }
                }
                progress.update(documents: documents, bytes: inputBytes + reader.inputBytes)
            }
        } catch {
            failure = "\(error)".replacingOccurrences(of: "\(doc): ", with: "")
        }
        if format == .segmented && !endsWithNewline { writer.emit([UInt8(ascii: "\n")]) }
        if let w = reader.warning { Diagnostics.warning(w) }
        if let why = failure {
            Diagnostics.error("\(doc): \(why)")
            writer.writeError(doc: doc, message: why)
            failures += 1
        }
        writer.endDocument(doc: doc)
        documents += 1
        records += count
        inputBytes += reader.inputBytes
        progress.update(documents: documents, bytes: inputBytes)
    }

    /// The original text of a piece, as `SourceText` reads it (the first piece without a
    /// byte-order mark).
    static func text(of piece: PieceReader.Piece) -> String {
        let text = String(decoding: piece.utf8, as: UTF8.self)
        return piece.isFirst && text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    /// `transform` of each element, on `options.jobs` threads, in order.
    func parallelMap<T: Sendable, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard options.jobs > 1, items.count > 1 else { return items.map(transform) }
        var out = [R?](repeating: nil, count: items.count)
        out.withUnsafeMutableBufferPointer { buf in
            // Each iteration writes its own slot: no two threads touch the same memory.
            nonisolated(unsafe) let base = buf.baseAddress
            withoutActuallyEscaping(transform) { f in
                nonisolated(unsafe) let f = f
                DispatchQueue.concurrentPerform(iterations: items.count) { k in base?[k] = f(items[k]) }
            }
        }
        return out.compactMap { $0 }
    }

    // MARK: - Inputs

    func enumerate(_ body: (Work) -> Bool) { Inputs(options: options).enumerate(body) }
    func totalBytes() -> Int? { Inputs(options: options).totalBytes() }

    // MARK: - One document

    func process(_ w: Work, direct: RecordSink? = nil) -> Outcome {
        var o = Outcome()
        o.sink = direct
        switch DocumentLoader.load(w, options: options, standardInputRead: pendingStandardInput) {
        case .failure(let f):
            o.doc = f.doc
            o.inputBytes = f.inputBytes
            o.errors.append((f.doc, f.message))
        case .success(let d):
            o.doc = d.doc
            o.inputBytes = d.inputBytes
            o.warnings = d.warnings
            if let text = d.htmlText, let dir = options.emitTextDirectory {
                emitText(text, doc: d.doc, dir: dir, into: &o)
            }
            serialize(extractor, d.source, doc: d.doc, date: d.date, into: &o)
        }
        return o
    }

    func emitText(_ text: String, doc: String, dir: String, into o: inout Outcome) {
        let name = doc.replacingOccurrences(of: "/", with: "_") + ".txt"
        let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            o.warnings.append("\(doc): cannot write extracted text to \(url.path): \(error.localizedDescription)")
        }
    }

    func serialize(_ extractor: Extractor, _ source: SourceText, doc: String, date: CivilDate?, into o: inout Outcome) {
        if options.format == .segmented {
            let records = extractor.extract(source, doc: doc, date: date)
            let bytes = SegmentedText.render(source.original, base: 0, records: records, last: true)
            o.records = records.count
            if let sink = o.sink {
                for w in o.warnings { Diagnostics.warning(w) }
                o.warnings.removeAll()
                sink.emit(bytes)
                o.streamed = true
            } else {
                o.bytes = bytes
            }
            return
        }
        if options.format == .html {
            // The page is written in input order by the sink, which limits what it shows.
            let records = extractor.extract(source, doc: doc, date: date)
            o.page = (source.original, records)
            o.records = records.count
            return
        }
        if let sink = o.sink {
            // Warnings first, as the buffered path prints them before the records.
            for w in o.warnings { Diagnostics.warning(w) }
            o.warnings.removeAll()
            var count = 0
            if options.format == .jsonl || options.format == .json {
                count = sink.appendJSONLines { extractor.appendJSONLines(source, doc: doc, date: date, to: &$0) }
            } else {
                extractor.extract(source, doc: doc, date: date) { r in sink.record(r); count += 1 }
            }
            o.records = count
            o.streamed = true
            return
        }
        var bytes: [UInt8] = []
        var count = 0
        let format = options.format
        if format == .jsonl || format == .json {
            o.records = extractor.appendJSONLines(source, doc: doc, date: date, to: &bytes)
            o.bytes = bytes
            return
        }
        extractor.extract(source, doc: doc, date: date) { r in
            RecordFormat.append(r, format: format, to: &bytes)
            count += 1
        }
        o.bytes = bytes
        o.records = count
    }
}

/// Streams JSON Lines documents from a file descriptor, a line at a time.
enum JSONLinesStream {
    /// Calls `body` with each document; returns false when `body` asked to stop.
    static func forEach(fd: Int32, name: String, _ body: (Work) -> Bool) -> Bool {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var lineNo = 0
        func handle(_ line: ArraySlice<UInt8>) -> Bool {
            lineNo += 1
            if line.allSatisfy(\.isASCIIWhiteSpace) { return true }
            switch JSONLinesInput.document(Array(line), name: name, lineNo: lineNo) {
            case .success(let d): return body(.json(id: d.id, text: d.text, date: d.date))
            case .failure(let e): return body(.failure(doc: "\(name):\(lineNo)", message: e.description))
            }
        }
        while true {
            let r = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if r < 0 {
                if errno == EINTR { continue }
                // The documents before this point are kept; the rest of the stream is lost: say so.
                let why = String(cString: strerror(errno))
                return body(.failure(doc: name, message: "cannot read after line \(lineNo): \(why)"))
            }
            if r == 0 { break }
            pending.append(contentsOf: chunk[0..<r])
            var start = 0
            while let nl = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                guard handle(pending[start..<nl]) else { return false }
                start = nl + 1
            }
            pending.removeFirst(start)
        }
        return pending.isEmpty || handle(pending[...])
    }
}

/// A progress line on stderr when it is a terminal: a bar (when the total is known),
/// documents, MB, rate and ETA.
final class Progress {
    let enabled: Bool
    var total: Int?
    var last = Date(timeIntervalSince1970: 0)
    let started = Date()

    init(enabled: Bool) { self.enabled = enabled }

    func update(documents: Int, bytes: Int) {
        guard enabled, Date().timeIntervalSince(last) > 0.1 else { return }
        last = Date()
        let mb = Double(bytes) / 1e6
        let secs = max(0.001, Date().timeIntervalSince(started))
        var line = String(format: "\r%d documents  %.1f MB  %.1f MB/s", documents, mb, mb / secs)
        if let t = total, t > 0 {
            let f = min(1, Double(bytes) / Double(t))
            let width = 24, filled = Int(f * Double(width))
            let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "")
                + String(repeating: " ", count: max(0, width - filled - 1))
            let eta = f > 0 ? secs * (1 - f) / f : 0
            line = String(format: "\r[%@] %3.0f%%  ", bar, f * 100) + line.dropFirst()
                + String(format: "  ETA %.0fs", eta)
        }
        line += "\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
