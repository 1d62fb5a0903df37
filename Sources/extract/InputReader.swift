import Foundation
import Extractor

/// Errors reading an input, each naming the file and the reason.
enum InputError: Error, CustomStringConvertible {
    case notFound(String)
    case isDirectory(String)
    case unreadable(String, String)
    case binary(String)

    var description: String {
        switch self {
        case .notFound(let f): return "\(f): no such file"
        case .isDirectory(let f): return "\(f): is a directory (give the files in it)"
        case .unreadable(let f, let why): return "\(f): cannot read: \(why)"
        case .binary(let f): return "\(f): binary file (contains NUL bytes), skipped"
        }
    }
}

enum InputReader {
    /// The bytes of a file, or of standard input for "-".
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError.notFound(path) }
        if isDir.boolValue { throw InputError.isDirectory(path) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError.unreadable(path, String(cString: strerror(errno))) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(st.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let r = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if r < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(path, String(cString: strerror(errno)))
            }
            if r == 0 { break }
            bytes.append(contentsOf: chunk[0..<r])
        }
        if bytes.prefix(8192).contains(0) { throw InputError.binary(path) }
        return bytes
    }
}

/// Documents given as JSON Lines: one {"id": …, "text": …, "date": …} per line.
enum JSONLinesInput {
    /// Calls `body` for each document; returns the number of bad lines (each reported).
    static func forEachDocument(in bytes: [UInt8], name: String, _ body: (String, String, CivilDate?) -> Void) -> Int {
        let data = Data(bytes)
        var bad = 0
        var lineNo = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            let trimmed = line.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            if trimmed.isEmpty { continue }
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                Diagnostics.error("\(name):\(lineNo): not a JSON object")
                bad += 1
                continue
            }
            guard let text = obj["text"] as? String else {
                Diagnostics.error("\(name):\(lineNo): no \"text\" string")
                bad += 1
                continue
            }
            let id: String
            switch obj["id"] {
            case let s as String: id = s
            case let n as NSNumber: id = n.stringValue
            default: id = "\(name):\(lineNo)"
            }
            var date: CivilDate? = nil
            if let raw = obj["date"] as? String, !raw.isEmpty {
                date = CivilDate(String(raw.prefix(10)))
                if date == nil { Diagnostics.warning("\(name):\(lineNo): \"date\" is not YYYY-MM-DD; ignored") }
            }
            body(id, text, date)
        }
        return bad
    }
}
