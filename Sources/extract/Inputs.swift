import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The documents named on the command line: files, directories (sorted, filtered by
/// --include/--exclude), standard input and JSON Lines streams, in a stable order.
struct Inputs {
    let options: CommandLineTool.Options

    /// Calls `body` with each unit of work in a stable order: arguments in order, the files
    /// of a directory sorted by path, JSON Lines documents line by line (streamed).
    func enumerate(_ body: (Work) -> Void) {
        for arg in options.files {
            if arg == "-" {
                if options.inputFormat == .jsonl {
                    JSONLinesStream.forEach(fd: STDIN_FILENO, name: "-", body)
                } else {
                    body(.stdin(html: options.inputFormat == .html))
                }
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) else {
                body(.failure(doc: arg, message: "no such file"))
                continue
            }
            let paths = isDir.boolValue ? listDirectory(arg) : [arg]
            for path in paths {
                let html = options.inputFormat == .html
                    || (options.inputFormat == .text && (path.hasSuffix(".html") || path.hasSuffix(".htm")))
                if options.inputFormat == .jsonl {
                    let fd = open(path, O_RDONLY)
                    if fd < 0 { body(.failure(doc: path, message: "cannot read: \(String(cString: strerror(errno)))")); continue }
                    JSONLinesStream.forEach(fd: fd, name: path, body)
                    close(fd)
                } else {
                    body(.file(path: path, html: html))
                }
            }
        }
    }

    /// The size of all input files, for the progress bar (nil with stdin or JSON Lines).
    func totalBytes() -> Int? {
        guard options.inputFormat != .jsonl, !options.files.contains("-") else { return nil }
        var total = 0
        for arg in options.files {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) else { continue }
            for p in isDir.boolValue ? listDirectory(arg) : [arg] {
                total += ((try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? Int) ?? 0
            }
        }
        return total
    }

    /// Regular files under `dir`, recursively, sorted, filtered by --include/--exclude.
    func listDirectory(_ dir: String) -> [String] {
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        var out: [String] = []
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        while let rel = e.nextObject() as? String {
            let path = base + "/" + rel
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if !options.include.isEmpty && !options.include.contains(where: { glob($0, rel) || glob($0, name) }) { continue }
            if options.exclude.contains(where: { glob($0, rel) || glob($0, name) }) { continue }
            out.append(path)
        }
        return out.sorted()
    }

    func glob(_ pattern: String, _ s: String) -> Bool { fnmatch(pattern, s, 0) == 0 }

}
