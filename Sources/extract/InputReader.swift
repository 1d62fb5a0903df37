import Foundation
import Extractor

/// Errors reading an input, each naming the file and the reason.
enum InputError: Error, CustomStringConvertible {
    case notFound(String)
    case isDirectory(String)
    case unreadable(String, String)

    var description: String {
        switch self {
        case .notFound(let f): return "\(f): no such file"
        case .isDirectory(let f): return "\(f): is a directory (give the files in it)"
        case .unreadable(let f, let why): return "\(f): cannot read: \(why)"
        }
    }
}

enum InputReader {
    /// The bytes of a file, or of standard input for "-".
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return try readAll(STDIN_FILENO, name: "-") }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError.notFound(path) }
        if isDir.boolValue { throw InputError.isDirectory(path) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        return try readAll(fd, name: path)
    }

    /// Everything `fd` holds: straight into one array of the size `fstat` gives (no
    /// intermediate copies), then in chunks for what it did not know (pipes, /proc).
    /// A file that shrinks while being read stops early. Binary data is told from text
    /// when decoding (`Decoder.decode`), where the encoding is known.
    static func readAll(_ fd: Int32, name: String) throws -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError.unreadable(name, String(cString: strerror(errno))) }
        let size = (st.st_mode & S_IFMT) == S_IFREG ? max(0, Int(st.st_size)) : 0
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var got = 0
            while got < size {
                let r = Glibc.read(fd, buf.baseAddress.map { $0 + got }, size - got)
                if r < 0 { if errno == EINTR { continue }; failure = errno; break }
                if r == 0 { break }
                got += r
            }
            count = got
        }
        if failure != 0 { throw InputError.unreadable(name, String(cString: strerror(failure))) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let r = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if r < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(name, String(cString: strerror(errno)))
            }
            if r == 0 { break }
            bytes.append(contentsOf: chunk[0..<r])
        }
        return bytes
    }
}

/// Documents given as JSON Lines: one {"id": …, "text": …, "date": …} per line.
///
/// Read by a small hand-written parser rather than JSONSerialization: Foundation drops a
/// literal U+FEFF from strings (shifting every offset after it) and rejects a line with
/// invalid UTF-8 outright, where the rest of the tool replaces bad bytes with U+FFFD.
enum JSONLinesInput {
    struct Document { var id: String; var text: String; var date: CivilDate? }

    /// One JSON Lines document, or the reason it is not one.
    static func document(_ line: [UInt8], name: String, lineNo: Int) -> Result<Document, JSONLineError> {
        var p = JSONObjectParser(bytes: line)
        guard let obj = p.parseObject() else { return .failure(JSONLineError("not a JSON object")) }
        guard case .string(let text)? = obj["text"] else { return .failure(JSONLineError("no \"text\" string")) }
        let id: String
        switch obj["id"] {
        case .string(let s)?: id = s
        case .number(let s)?: id = s
        default: id = "\(name):\(lineNo)"
        }
        var date: CivilDate? = nil
        if case .string(let raw)? = obj["date"], !raw.isEmpty {
            date = CivilDate(String(raw.prefix(10)))
            if date == nil { Diagnostics.warning("\(name):\(lineNo): \"date\" is not YYYY-MM-DD; ignored") }
        }
        return .success(Document(id: id, text: text, date: date))
    }
}

struct JSONLineError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// The values the input documents use; nested values are skipped, not kept.
enum JSONValue: Equatable {
    case string(String), number(String), bool(Bool), null, nested
}

/// A strict enough JSON reader for one object per line.
struct JSONObjectParser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i].isASCIIWhiteSpace { i += 1 }
    }

    /// The whole input as one object; nil if it is anything else.
    mutating func parseObject() -> [String: JSONValue]? {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var out: [String: JSONValue] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; skipSpace(); return i == bytes.count ? out : nil }
        while true {
            skipSpace()
            guard let key = parseString() else { return nil }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipSpace()
            guard let v = parseValue(depth: 0) else { return nil }
            out[key] = v
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            return nil
        }
        skipSpace()
        return i == bytes.count ? out : nil
    }

    mutating func parseValue(depth: Int) -> JSONValue? {
        guard i < bytes.count, depth < 64 else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "\""): return parseString().map { .string($0) }
        case UInt8(ascii: "{"), UInt8(ascii: "["): return skipNested(depth: depth) ? .nested : nil
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default:
            let s = i
            while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
            guard i > s else { return nil }
            return .number(String(decoding: bytes[s..<i], as: UTF8.self))
        }
    }

    mutating func literal(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
        i += w.count
        return true
    }

    mutating func skipNested(depth: Int) -> Bool {
        let close: UInt8 = bytes[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == close { i += 1; return true }
        while i < bytes.count {
            skipSpace()
            if close == UInt8(ascii: "}") {
                guard parseString() != nil else { return false }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace()
            }
            guard parseValue(depth: depth + 1) != nil else { return false }
            skipSpace()
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == close { i += 1; return true }
            return false
        }
        return false
    }

    /// A string literal; invalid UTF-8 inside becomes U+FFFD; \uXXXX pairs are joined.
    mutating func parseString() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var raw: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: raw, as: UTF8.self) }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { return nil }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""): raw.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): raw.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): raw.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): raw.append(0x08)   // backspace
                case UInt8(ascii: "f"): raw.append(0x0C)   // form feed
                case UInt8(ascii: "n"): raw.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): raw.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "t"): raw.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "u"):
                    guard var u = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(u), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                       bytes[i + 1] == UInt8(ascii: "u") {   // a UTF-16 surrogate pair, \uD83D\uDE00
                        let save = i
                        i += 2
                        if let lo = hex4(), (0xDC00...0xDFFF).contains(lo) {
                            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                        } else { i = save }
                    }
                    let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                    raw.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
                continue
            }
            if c < UInt8(ascii: " ") { return nil }
            raw.append(c)
            i += 1
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[i + k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v * 16 + d
        }
        i += 4
        return v
    }
}
