import Foundation
import Glibc
import Extractor

/// Reads a long text document in pieces, in bounded memory: raw blocks from a file
/// descriptor, decoded to UTF-8 in the encoding detected on the first block, then cut
/// where `DocumentChunker` allows (right after a line that ends a sentence), so that the
/// pieces extract exactly as the whole document would.
///
/// The encoding is detected on the first `detectionBytes` (the whole file, when shorter),
/// as `Decoder.decode` detects it; invalid bytes are counted over the whole file and
/// named, as for a file read whole, once the last piece is read (`warning`).
final class PieceReader {
    let fd: Int32
    let name: String
    let forced: TextEncoding?
    let pieceSize: Int
    /// Raw bytes read but not yet decoded, and UTF-8 decoded but not yet cut (from
    /// `decodedStart` on: the front is dropped in one move once it is large).
    private var raw: [UInt8]
    private var decoded: [UInt8] = []
    /// The buffer `read` fills, allocated once.
    private var block: [UInt8] = []
    private var decodedStart = 0
    private var encoding: TextEncoding?
    private var atEnd = false
    private var first = true
    /// Raw bytes before `raw[0]` (for the offsets of invalid bytes).
    private var rawBase = 0
    /// Line feeds in the pieces handed out so far, counted up to 3 (`DocumentChunker` asks no more).
    private var lineFeeds = 0
    /// Input offset of the first byte not yet handed out (UTF-8 input: decoded is the input).
    private var decodedRawOffset = 0
    private(set) var inputBytes = 0
    private var invalidOffsets: [Int] = []
    private var invalidCount = 0

    static let detectionBytes = 4 << 20
    static let blockBytes = 1 << 20

    /// `prefix`: bytes already read from `fd` (standard input sniffed for its size).
    init(fd: Int32, name: String, prefix: [UInt8] = [], forced: TextEncoding?, pieceSize: Int) {
        self.fd = fd
        self.name = name
        self.forced = forced
        self.pieceSize = pieceSize
        raw = prefix
        inputBytes = prefix.count
    }

    /// One piece of the document: its UTF-8 bytes, and whether it is the first (a UTF-8
    /// byte-order mark there is not text).
    struct Piece: Sendable {
        var utf8: [UInt8]
        var isFirst: Bool
        /// Offset of the piece's first byte in the input (meaningful for UTF-8 input).
        var rawOffset: Int
    }

    /// The next piece, nil after the last one. Throws `NotText` for binary data and
    /// `InputError` when reading fails.
    func next() throws -> Piece? {
        while true {
            if let piece = cutPiece() { return piece }
            if atEnd {
                if encoding == nil { try detect() }
                if !raw.isEmpty { try decodeRaw(upTo: raw.count) }
                guard decoded.count > decodedStart else { return nil }
                return takePiece(upTo: decoded.count)
            }
            try readBlock()
            if encoding == nil {
                // Detect on the first block of the file, or on all of it when it is shorter.
                guard raw.count >= Self.detectionBytes || atEnd else { continue }
                try detect()
            } else if encoding == .utf8 {
                // UTF-8 is cut only after a line feed, which never stands inside a character:
                // all of it can go on (the first piece found there is the same).
                if !raw.isEmpty { try decodeRaw(upTo: raw.count) }
            } else if let cut = lastLineEnd(in: raw, encoding: encoding) {
                try decodeRaw(upTo: cut)
            }
        }
    }

    /// The warning for the invalid bytes of the whole document, if there were any.
    var warning: String? {
        guard invalidCount > 0, let e = encoding else { return nil }
        return Decoder.invalidBytesWarning(doc: name, encoding: e, offsets: invalidOffsets, count: invalidCount)
    }

    // MARK: - Reading and decoding

    /// Reads the next block: UTF-8 input straight into the decoded text once nothing waits
    /// in `raw`, any other into `raw`. The block buffer is allocated once.
    private func readBlock() throws {
        if block.isEmpty { block = [UInt8](repeating: 0, count: Self.blockBytes) }
        let r = block.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if r < 0 {
            if errno == EINTR { return }
            throw InputError.unreadable(name, String(cString: strerror(errno)))
        }
        if r == 0 { atEnd = true; return }
        block.withUnsafeBufferPointer { b in
            let bytes = UnsafeBufferPointer(rebasing: b[0..<r])
            if encoding == .utf8 && raw.isEmpty {
                decoded.append(contentsOf: bytes)
            } else {
                raw.append(contentsOf: bytes)
            }
        }
        inputBytes += r
    }

    /// Decides the encoding on what has been read (cut at a line end unless it is all),
    /// and decodes that part.
    private func detect() throws {
        // Where lines end depends on the encoding: UTF-16 is known by its mark or its NULs.
        var guess = forced
        if guess == nil {
            if raw.starts(with: Decoder.utf16LEMark) { guess = .utf16le }
            else if raw.starts(with: Decoder.utf16BEMark) { guess = .utf16be }
            else if raw.prefix(Decoder.sniffLength).contains(0) { guess = Decoder.utf16WithoutMark(raw) }
        }
        let cut = atEnd ? raw.count : (lastLineEnd(in: raw, encoding: guess) ?? raw.count)
        let head = Array(raw[..<cut])
        if guess == nil, forced == nil || forced == .utf8, !head.prefix(Decoder.sniffLength).contains(0),
           Decoder.isValidUTF8(head) {
            // Valid UTF-8, as Decoder.decode would decide, without its slower validation.
            encoding = .utf8
            return try decodeRaw(upTo: cut)
        }
        switch Decoder.decode(head, forced: forced) {
        case .failure(let why): throw why
        case .success(let d):
            encoding = d.encoding
            if d.encoding == .utf8 {
                try decodeRaw(upTo: cut)
            } else {
                // The byte-order mark, if any, is gone from d.utf8; offsets are in the input.
                note(d, base: rawBase)
                decoded.append(contentsOf: d.utf8)
                raw.removeFirst(cut)
                rawBase += cut
            }
        }
    }

    /// Decodes `raw[..<end]` (which ends at a line end or at the end of the input).
    private func decodeRaw(upTo end: Int) throws {
        guard let e = encoding else { return try detect() }
        if e == .utf8 {
            // Kept raw: SourceText validates and repairs UTF-8 in its own pass, and the
            // invalid bytes of a piece are counted when SourceText finds some (`noteInvalid`).
            decoded.append(contentsOf: raw[..<end])
        } else {
            let d = Decoder.convert(Array(raw[..<end]), from: e)
            note(d, base: rawBase)
            decoded.append(contentsOf: d.utf8)
        }
        raw.removeFirst(end)
        rawBase += end
    }

    /// Counts the invalid UTF-8 sequences of a piece that SourceText found damaged.
    func noteInvalid(in piece: Piece) {
        note(Decoder.convert(piece.utf8, from: .utf8), base: piece.rawOffset)
    }

    private func note(_ d: Decoded, base: Int) {
        for o in d.invalidOffsets where invalidOffsets.count < Decoder.offsetsKept { invalidOffsets.append(base + o) }
        invalidCount += d.invalidCount
    }

    /// The end of the last whole line of `bytes` in the encoding (after its line feed).
    private func lastLineEnd(in bytes: [UInt8], encoding e: TextEncoding?) -> Int? {
        switch e {
        case .utf16le?, .utf16be?:
            // A line feed is one 16-bit unit, at an even offset (after a 2-byte mark, too).
            let lf: (UInt8, UInt8) = e == .utf16le ? (UInt8(ascii: "\n"), 0) : (0, UInt8(ascii: "\n"))
            var k = (bytes.count & ~1) - 2
            while k >= 0 {
                if bytes[k] == lf.0 && bytes[k + 1] == lf.1 { return k + 2 }
                k -= 2
            }
            return nil
        default:
            // UTF-8, GB18030 and Big5 never use the byte of a line feed inside a character.
            guard let k = bytes.lastIndex(of: UInt8(ascii: "\n")) else { return nil }
            return k + 1
        }
    }

    // MARK: - Cutting

    /// The next piece of at least `pieceSize` bytes that can be cut, if the decoded text
    /// holds one.
    private func cutPiece() -> Piece? {
        guard decoded.count - decodedStart >= pieceSize else { return nil }
        let cut = decoded.withUnsafeBufferPointer {
            DocumentChunker.cut($0, from: decodedStart, minimum: pieceSize, lineFeedsBefore: lineFeeds)
        }
        guard let cut else { return nil }
        return takePiece(upTo: cut)
    }

    private func takePiece(upTo end: Int) -> Piece {
        let bytes = Array(decoded[decodedStart..<end])
        let piece = Piece(utf8: bytes, isFirst: first, rawOffset: decodedRawOffset)
        decodedRawOffset += bytes.count
        decodedStart = end
        if decodedStart >= decoded.count / 2 {
            decoded.removeFirst(decodedStart)
            decodedStart = 0
        }
        // The chunker asks only whether the first three lines are behind.
        if lineFeeds < 3 {
            lineFeeds += bytes.withUnsafeBufferPointer { u in
                var n = 0
                for b in u where b == UInt8(ascii: "\n") { n += 1; if n >= 3 { break } }
                return n
            }
        }
        first = false
        return piece
    }
}
