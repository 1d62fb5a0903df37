import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The documents named on the command line: files, directories (sorted, filtered by
/// --include/--exclude), standard input and JSON Lines streams, in a stable order.
/// Whatever cannot be listed or opened becomes a `.failure`, never a silent gap.
struct Inputs {
    let options: CommandLineTool.Options

    /// How a file is read in text mode, from its extension (any letter case):
    /// .html/.htm as HTML, .jsonl/.ndjson as JSON Lines documents, the rest as text.
    static func kind(ofPath path: String, format: CommandLineTool.InputFormat) -> CommandLineTool.InputFormat {
        guard format == .text else { return format }
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "html", "htm", "xhtml": return .html
        case "jsonl", "ndjson": return .jsonl
        default: return .text
        }
    }

    /// Calls `body` with each unit of work in a stable order: arguments in order, the files
    /// of a directory sorted by path, JSON Lines documents line by line (streamed).
    /// `body` returns false to stop early (the output can no longer be written).
    func enumerate(_ body: (Work) -> Bool) {
        for arg in options.files {
            if arg == "-" {
                if options.inputFormat == .jsonl {
                    guard JSONLinesStream.forEach(fd: STDIN_FILENO, name: "-", body) else { return }
                } else {
                    guard body(.stdin(html: options.inputFormat == .html)) else { return }
                }
                continue
            }
            for entry in files(of: arg) {
                switch entry {
                case .failure(let path, let message):
                    guard body(.failure(doc: path, message: message)) else { return }
                case .file(let path):
                    switch Inputs.kind(ofPath: path, format: options.inputFormat) {
                    case .jsonl:
                        let fd = open(path, O_RDONLY)
                        if fd < 0 {
                            guard body(.failure(doc: path, message: "cannot read: \(String(cString: strerror(errno)))"))
                            else { return }
                            continue
                        }
                        let going = JSONLinesStream.forEach(fd: fd, name: path, body)
                        close(fd)
                        guard going else { return }
                    case .html: guard body(.file(path: path, html: true)) else { return }
                    case .text: guard body(.file(path: path, html: false)) else { return }
                    }
                }
            }
        }
    }

    /// The size of all input files, for the progress bar (nil with stdin or JSON Lines).
    func totalBytes() -> Int? {
        guard options.inputFormat != .jsonl, !options.files.contains("-") else { return nil }
        var total = 0
        for arg in options.files {
            for case .file(let p) in files(of: arg) {
                var st = stat()
                if stat(p, &st) == 0 { total += Int(st.st_size) }
            }
        }
        return total
    }

    /// A file to read, or a path that could not be listed or does not exist.
    enum Entry: Equatable {
        case file(String)
        case failure(String, String)

        var path: String {
            switch self {
            case .file(let p), .failure(let p, _): return p
            }
        }
    }

    /// The argument itself when it is a file; the regular files under it, recursively and
    /// sorted by path, when it is a directory; a failure for each part that cannot be read.
    func files(of arg: String) -> [Entry] {
        var st = stat()
        guard stat(arg, &st) == 0 else {
            let why = errno == ENOENT ? "no such file" : "cannot read: \(String(cString: strerror(errno)))"
            return [.failure(arg, why)]
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return [.file(arg)] }
        let base = arg.count > 1 && arg.hasSuffix("/") ? String(arg.dropLast()) : arg
        var out: [Entry] = []
        var visited: Set<[UInt64]> = [[UInt64(st.st_dev), UInt64(st.st_ino)]]
        walk(base, relative: "", visited: &visited, into: &out)
        return out.sorted { $0.path < $1.path }
    }

    /// Lists `dir` into `out`: files that pass --include/--exclude, and a failure for the
    /// directory itself or any entry that cannot be read. Hidden names (.git, .DS_Store)
    /// are skipped; a directory reached twice through links is read once.
    private func walk(_ dir: String, relative: String, visited: inout Set<[UInt64]>, into out: inout [Entry]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir)
        } catch {
            out.append(.failure(dir, "cannot read directory: \(Self.reason(error))"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = dir == "/" ? "/" + name : dir + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else {
                // A dangling link or an entry that vanished while listing.
                out.append(.failure(path, "cannot read: \(String(cString: strerror(errno)))"))
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                guard visited.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else { continue }
                walk(path, relative: rel, visited: &visited, into: &out)
            case S_IFREG:
                if !options.include.isEmpty && !options.include.contains(where: { glob($0, rel) || glob($0, name) }) {
                    continue
                }
                if options.exclude.contains(where: { glob($0, rel) || glob($0, name) }) { continue }
                out.append(.file(path))
            default:
                continue   // sockets, devices and pipes inside a tree are not documents
            }
        }
    }

    /// The system's reason behind a Foundation file error ("Permission denied").
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoPermissionError {
            return String(cString: strerror(EACCES))
        }
        return ns.localizedDescription
    }

    func glob(_ pattern: String, _ s: String) -> Bool { fnmatch(pattern, s, 0) == 0 }
}
