import Foundation

/// `--name value` pairs (a name may repeat) and bare `--flag`s.
struct Options {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    init(_ args: ArraySlice<String>, flags known: Set<String>) {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            guard a.hasPrefix("--") else { fail("unexpected argument \(a)\n\(Commands.usage)") }
            if known.contains(a) { flags.insert(a); i += 1; continue }
            guard i + 1 < args.endIndex else { fail("\(a) needs a value") }
            values[a, default: []].append(args[i + 1])
            i += 2
        }
    }

    func one(_ k: String) -> String? { values[k]?.last }
    func all(_ k: String) -> [String] { values[k] ?? [] }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write("extract-train: \(message)\n".data(using: .utf8)!)
    exit(2)
}

/// Results go to stdout, line by line as they come (progress goes to stderr).
func say(_ s: String) { FileHandle.standardOutput.write((s + "\n").data(using: .utf8)!) }

/// `text` in lines of at most `width` characters, broken at spaces.
func wrap(_ text: String, width: Int) -> String {
    var lines: [String] = [], line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
}

/// Milliseconds of CPU time of this thread (the machine is shared: wall time would
/// measure the neighbours too).
func cpuMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}
