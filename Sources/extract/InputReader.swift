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
    static func read(_ path: String) throws -> Data {
        if path == "-" {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError.notFound(path) }
        if isDir.boolValue { throw InputError.isDirectory(path) }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if data.prefix(8192).contains(0) { throw InputError.binary(path) }
            return data
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError.unreadable(path, (error as NSError).localizedDescription)
        }
    }

    /// UTF-8 text without a byte-order mark. Invalid bytes become U+FFFD, with a
    /// warning naming the file and the byte offset of the first one.
    static func decodeUTF8(_ data: Data, name: String) -> String {
        data.withUnsafeBytes { raw -> String in
            var u = raw.bindMemory(to: UInt8.self)
            var skipped = 0
            if u.count >= 3, u[0] == 0xEF, u[1] == 0xBB, u[2] == 0xBF {
                u = UnsafeBufferPointer(rebasing: u[3...])
                skipped = 3
            }
            if let s = String(validating: u, as: UTF8.self) { return s }
            var parser = Unicode.UTF8.ForwardParser()
            var it = u.makeIterator()
            var offset = skipped
            loop: while true {
                switch parser.parseScalar(from: &it) {
                case .valid(let v): offset += v.count
                case .emptyInput: break loop
                case .error: break loop
                }
            }
            Diagnostics.warning("\(name): invalid UTF-8 at byte \(offset); replaced with U+FFFD")
            return String(decoding: u, as: UTF8.self)
        }
    }
}

/// Documents given as JSON Lines: one {"id": …, "text": …, "date": …} per line.
enum JSONLinesInput {
    /// Calls `body` for each document; returns the number of bad lines (each reported).
    static func forEachDocument(in data: Data, name: String, _ body: (String, String, CivilDate?) -> Void) -> Int {
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
