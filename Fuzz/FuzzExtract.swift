// libFuzzer target over the Extractor library: any bytes, as the command line reads a
// UTF-8 file, through every record type. Each input must keep the record contract;
// a broken promise traps, and libFuzzer saves the input as a reproducer.
//
// Build and run: bash Fuzz/run.sh [SECONDS]   (see that script)
import Foundation
import Extractor

/// Every record type at once, the way `--types all` runs.
let extractor = Extractor(types: Set(RecordType.allCases))

@inline(never)
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("contract broken: \(message())\n".utf8))
        abort()
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = SourceText(utf8: bytes)
    let original = Array(source.original.unicodeScalars)
    check(original.count == source.originalCount, "originalCount \(source.originalCount) != \(original.count)")
    let records = extractor.extract(source, doc: "fuzz")
    var previous = (start: -1, end: -1)
    for r in records {
        check(r.start >= 0 && r.start < r.end && r.end <= original.count,
              "offsets \(r.start)..<\(r.end) outside 0..<\(original.count)")
        let slice = String(String.UnicodeScalarView(original[r.start..<r.end]))
        check(r.text == slice, "text \(r.text.debugDescription) != original slice \(slice.debugDescription)")
        check((r.start, r.end) >= previous,
              "records out of order: \(r.start)..<\(r.end) after \(previous.start)..<\(previous.end)")
        check(r.line >= 1, "line \(r.line)")
        previous = (r.start, r.end)
        let line = Array(JSONLineWriter.line(for: r).utf8)
        check(line.last == 0x0A && !line.dropLast().contains(0x0A), "JSON line is not one line")
        check(String(validating: line, as: UTF8.self) != nil, "JSON line is not UTF-8")
        let object = try? JSONSerialization.jsonObject(with: Data(line.dropLast())) as? [String: Any]
        // Foundation's reader on Linux drops a U+FEFF inside a string; compare without it.
        func withoutMark(_ s: String?) -> String? { s?.replacingOccurrences(of: "\u{FEFF}", with: "") }
        check(withoutMark(object?["text"] as? String) == withoutMark(r.text),
              "JSON line does not parse back: \(String(decoding: line, as: UTF8.self))")
        if let v = r.value, let low = r.low, let high = r.high {
            check(low <= high, "range \(low) > \(high)")
            check(v == low, "value \(v) is not the low bound \(low)")
        }
    }
    // The command line's JSON Lines, written from the drafts without making the records: the
    // same bytes as the records' lines.
    var drafted: [UInt8] = [], written: [UInt8] = []
    extractor.appendJSONLines(source, doc: "fuzz", to: &drafted)
    for r in records { JSONLineWriter.append(r, to: &written); written.append(0x0A) }
    check(drafted == written, "appendJSONLines differs from the records' lines: "
          + String(decoding: drafted, as: UTF8.self) + " vs " + String(decoding: written, as: UTF8.self))
    // In pieces, cut at every point DocumentChunker allows: the same records.
    var pieces: [Record] = []
    extractor.extract(utf8: bytes, doc: "fuzz", pieceSize: 1) { pieces.append($0) }
    check(pieces == records, "pieces give \(pieces.count) records, the whole text \(records.count): "
          + "\(zip(pieces, records).first { $0 != $1 }.map { "\($0.0.text)@\($0.0.start) vs \($0.1.text)@\($0.1.start)" } ?? "")")
    return 0
}
