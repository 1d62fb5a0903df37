import Testing
import Foundation

/// Long files are read in pieces (bounded memory, all cores on one file); the records,
/// warnings and exit status are those of the file read whole, for every --jobs.
@Suite struct StreamingTests {
    struct Result { var status: Int32; var out: String; var err: String }

    /// Runs extract with EXTRACT_STREAM_THRESHOLD / EXTRACT_PIECE_SIZE set (nil: read whole).
    static func run(_ args: [String], pieces: Int?, stdin: Data? = nil) throws -> Result {
        let p = Process()
        p.executableURL = try #require(Fixtures.productsDirectory).appendingPathComponent("extract")
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        if let size = pieces {
            env["EXTRACT_STREAM_THRESHOLD"] = "1"
            env["EXTRACT_PIECE_SIZE"] = String(size)
        } else {
            env["EXTRACT_STREAM_THRESHOLD"] = String(Int.max)
        }
        p.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let d = stdin {
            // Written from another thread: a large input would fill the pipe before output is read.
            let writer = inp.fileHandleForWriting
            DispatchQueue.global().async { Fixtures.feed(writer, d) }
        } else {
            try inp.fileHandleForWriting.close()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
                      err: String(decoding: e, as: UTF8.self))
    }

    /// A long text of many different bulletins: the fixtures, their paragraphs shuffled
    /// by a fixed seed, with a damaged byte in the middle.
    static func corpus() -> [UInt8] {
        let paragraphs = ["seed-bulletin.txt", "dated-bulletin.txt", "line-breaks.txt", "full-width.txt"]
            .flatMap { Fixtures.text($0).components(separatedBy: "\n") }.filter { !$0.isEmpty }
        var state: UInt64 = 7
        var out: [UInt8] = []
        for k in 0..<1200 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            out += Array(paragraphs[Int(state >> 33) % paragraphs.count].utf8) + [UInt8(ascii: "\n")]
            if k == 600 { out += [0xFF] }
        }
        return out
    }

    @Test func piecesGiveTheRecordsOfTheWholeFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("extract-pieces-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = Self.corpus()
        let utf8 = dir.appendingPathComponent("long.txt")
        try Data(bytes).write(to: utf8)
        let whole = try Self.run(["--quiet", "--types", "all", utf8.path], pieces: nil)
        #expect(whole.out.split(separator: "\n").count > 3000)
        #expect(whole.err.contains("invalid UTF-8 at byte"))
        for (size, jobs) in [(2000, "1"), (2000, "2"), (50_000, "2")] {
            let r = try Self.run(["--quiet", "--types", "all", "--jobs", jobs, utf8.path], pieces: size)
            #expect(r.status == whole.status)
            #expect(r.out == whole.out, "pieces of \(size) bytes, --jobs \(jobs)")
            #expect(r.err == whole.err)
        }
        // UTF-16 without a byte-order mark, in pieces, gives the same records as the UTF-8 file.
        let text = String(decoding: bytes, as: UTF8.self)
        let utf16 = dir.appendingPathComponent("long16.txt")
        try #require(text.data(using: .utf16LittleEndian)).write(to: utf16)
        let r16 = try Self.run(["--quiet", "--types", "all", "--jobs", "2", utf16.path], pieces: 3000)
        #expect(r16.out.replacingOccurrences(of: "long16.txt", with: "long.txt") == whole.out)
        // Standard input, long enough to be read in pieces.
        let stdin = try Self.run(["--quiet", "--types", "all"], pieces: 2000, stdin: Data(bytes))
        #expect(stdin.out == whole.out.replacingOccurrences(of: "\"doc\":\"\(utf8.path)\"", with: "\"doc\":\"-\""))
    }
}
