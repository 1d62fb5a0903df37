import Testing
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// No silent loss: every failure to read, decode or write is reported, counted and
/// reflected in the exit status. Each fault is made for real: a full device, a
/// directory an unprivileged user cannot read, a killed run.
@Suite struct FaultTests {
    typealias R = CommandLineTests

    struct Result { var status: Int32; var out: String; var err: String }

    /// Runs `extract` with its standard output going to `stdoutPath` (nil: a pipe),
    /// optionally as the unprivileged user `nobody` through setpriv.
    static func run(_ args: [String], stdoutPath: String? = nil, asNobody: Bool = false,
                    binary: URL? = nil) throws -> Result {
        let dir = try #require(Fixtures.productsDirectory, "extract executable not found")
        let exe = binary ?? dir.appendingPathComponent("extract")
        let p = Process()
        if asNobody {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", exe.path] + args
        } else {
            p.executableURL = exe
            p.arguments = args
        }
        p.currentDirectoryURL = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        let out = Pipe(), err = Pipe()
        var sink: FileHandle? = nil
        if let path = stdoutPath {
            // Bound to a FileHandle first: assigned to the optional, #require would not unwrap.
            let handle = try #require(FileHandle(forWritingAtPath: path))
            sink = handle
            p.standardOutput = handle
        } else {
            p.standardOutput = out
        }
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = stdoutPath == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try sink?.close()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
                      err: String(decoding: e, as: UTF8.self))
    }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR
    }

    // MARK: - Writing

    @Test func fullStandardOutputIsAFailure() throws {
        let r = try Self.run(["Tests/Fixtures/seed-bulletin.txt"], stdoutPath: "/dev/full")
        #expect(r.status == 3)
        #expect(r.err.contains("extract: cannot write to standard output: No space left on device; the output is incomplete"))
        #expect(r.err.contains("OUTPUT FAILED"))
        // Reported even when asked to be quiet.
        let quiet = try Self.run(["--quiet", "Tests/Fixtures/seed-bulletin.txt"], stdoutPath: "/dev/full")
        #expect(quiet.status == 3)
        #expect(quiet.err.contains("cannot write to standard output"))
    }

    @Test func outputToADeviceIsWrittenInPlaceNeverReplaced() throws {
        let r = try Self.run(["--quiet", "-o", "/dev/full", "Tests/Fixtures/seed-bulletin.txt"])
        #expect(r.status == 3)
        #expect(r.err.contains("cannot write to /dev/full: No space left on device"))
        #expect(Self.isCharacterDevice("/dev/full"))
        #expect(!FileManager.default.fileExists(atPath: "/dev/full.partial"))
        // A device is written directly, so there is nothing to resume.
        #expect(try Self.run(["--quiet", "--resume", "-o", "/dev/null", "Tests/Fixtures/batch/a.txt"]).status == 2)
        let ok = try Self.run(["--quiet", "-o", "/dev/null", "Tests/Fixtures/batch/a.txt"])
        #expect(ok.status == 0)
        #expect(Self.isCharacterDevice("/dev/null"))
    }

    @Test func unwritableErrorsFileIsAFailure() throws {
        let r = try Self.run(["--quiet", "--errors", "/dev/full", "Tests/Fixtures/batch"])
        #expect(r.status == 3)
        #expect(r.err.contains("cannot write to /dev/full"))
    }

    @Test func aKilledRunLeavesNoOutputAndResumesToTheSameBytes() throws {
        let dir = try Self.temporaryDirectory("killed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try Data(contentsOf: Fixtures.url("seed-bulletin.txt"))
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for k in 0..<300 { try seed.write(to: docs.appendingPathComponent(String(format: "%04d.txt", k))) }
        let full = dir.appendingPathComponent("full.jsonl").path
        #expect(try Self.run(["--quiet", "--jobs", "1", "-o", full, docs.path]).status == 0)

        let out = dir.appendingPathComponent("out.jsonl").path
        let exe = try #require(Fixtures.productsDirectory).appendingPathComponent("extract")
        let p = Process()
        p.executableURL = exe
        p.arguments = ["--quiet", "--jobs", "1", "-o", out, docs.path]
        try p.run()
        // Kill it once some documents are finished, well before the end.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let done = (try? String(contentsOfFile: out + ".partial.done", encoding: .utf8)) ?? ""
            if done.split(separator: "\n").count >= 3 { break }
            usleep(500)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: out), "a killed run must not leave the output in place")
        #expect(FileManager.default.fileExists(atPath: out + ".partial"))
        let resumed = try Self.run(["--quiet", "--jobs", "1", "--resume", "-o", out, docs.path])
        #expect(resumed.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: full)))
    }

    // MARK: - Reading

    @Test func unreadableDirectoriesAreNamedAndCounted() throws {
        let dir = try Self.temporaryDirectory("locked")
        defer {
            chmod(dir.appendingPathComponent("tree/locked").path, 0o755)
            chmod(dir.appendingPathComponent("tree").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let tree = dir.appendingPathComponent("tree")
        let locked = tree.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try "共 5 万元".write(to: tree.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "共 7 万元".write(to: locked.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        // Root reads any directory: the fault is made for an unprivileged user.
        let asNobody = getuid() == 0
        var binary: URL? = nil
        if asNobody {
            let exe = try #require(Fixtures.productsDirectory).appendingPathComponent("extract")
            let copy = dir.appendingPathComponent("extract")
            try FileManager.default.copyItem(at: exe, to: copy)
            binary = copy
            for path in [dir.path, tree.path, copy.path] { chmod(path, 0o755) }
            chmod(tree.appendingPathComponent("a.txt").path, 0o644)
        }
        chmod(locked.path, 0o000)
        let r = try Self.run([tree.path], asNobody: asNobody, binary: binary)
        #expect(r.status == 1)
        #expect(r.err.contains("\(locked.path): cannot read directory: Permission denied"))
        #expect(r.err.contains("2 documents, 1 records, 1 errors"))
        #expect(r.out.contains("\"value\":50000"))
        #expect(r.out.contains("{\"doc\":\"\(locked.path)\",\"type\":\"error\",\"error\":\"cannot read directory: Permission denied\"}"))

        chmod(tree.path, 0o000)
        let top = try Self.run([tree.path], asNobody: asNobody, binary: binary)
        #expect(top.status == 1)
        #expect(top.err.contains("\(tree.path): cannot read directory: Permission denied"))
        #expect(top.err.contains("1 documents, 0 records, 1 errors"))
    }

    @Test func everyInvalidSequenceIsNamed() throws {
        let dir = try Self.temporaryDirectory("invalid")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("three.txt")
        var bytes = Array("截至 3 月 11 日共 5 万元".utf8)
        bytes += [0xFF, 0xFE, 0x80]
        bytes += Array("另有 7 万元".utf8)
        try Data(bytes).write(to: file)
        let r = try Self.run([file.path])
        // A short UTF-8 text with a few bad bytes stays UTF-8: every figure survives.
        #expect(r.status == 0)
        #expect(r.err.contains("\(file.path): invalid UTF-8 at bytes 31, 32, 33 (3 invalid sequences)"))
        #expect(r.out.contains("\"value\":50000") && r.out.contains("\"value\":70000"))

        // Past five places, the count says how many more.
        var many: [UInt8] = []
        for _ in 0..<8 { many += Array("共 5 万元".utf8) + [0xFF] }
        try Data(many).write(to: file)
        let m = try Self.run([file.path])
        #expect(m.err.contains("invalid UTF-8 at bytes 12, 25, 38, 51, 64 and 3 more (8 invalid sequences)"))
    }

    @Test func randomBytesAreNotText() throws {
        let dir = try Self.temporaryDirectory("random")
        defer { try? FileManager.default.removeItem(at: dir) }
        var state: UInt64 = 0x2545F4914F6CDD1D
        var bytes: [UInt8] = []
        bytes.reserveCapacity(300_000)
        while bytes.count < 300_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let b = UInt8(truncatingIfNeeded: state >> 56)
            if b != 0 { bytes.append(b) }   // no NUL byte: the old test for binary data
        }
        let file = dir.appendingPathComponent("noise.dat")
        try Data(bytes).write(to: file)
        let r = try Self.run([file.path])
        #expect(r.status == 1)
        #expect(r.err.contains("\(file.path): binary file"))
        #expect(r.out.split(separator: "\n").count == 1)
        #expect(r.out.contains("\"type\":\"error\""))
    }

    @Test func utf16WithoutAByteOrderMark() throws {
        let dir = try Self.temporaryDirectory("utf16")
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Fixtures.text("encodings/utf8.txt")
        let expected = BatchTests.bodies(try R.run(["--quiet", "Tests/Fixtures/encodings/utf8.txt"]).out)
        #expect(expected.count == 4)
        for (name, encoding) in [("le", String.Encoding.utf16LittleEndian), ("be", .utf16BigEndian)] {
            let file = dir.appendingPathComponent("\(name).txt")
            try #require(text.data(using: encoding)).write(to: file)
            let detected = try Self.run(["--quiet", file.path])
            #expect(detected.status == 0, "\(name): \(detected.err)")
            #expect(BatchTests.bodies(detected.out) == expected, "utf-16\(name) detected")
            let forced = try Self.run(["--quiet", "--encoding", "utf-16\(name)", file.path])
            #expect(forced.status == 0, "\(name): \(forced.err)")
            #expect(BatchTests.bodies(forced.out) == expected, "utf-16\(name) forced")
        }
    }

    @Test func htmlByAnyCaseOfExtensionAndOnStandardInput() throws {
        let dir = try Self.temporaryDirectory("html")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("PAGE.HTML")
        try FileManager.default.copyItem(at: Fixtures.url("page.html"), to: page)
        let expected = BatchTests.bodies(try R.run(["--quiet", "Tests/Fixtures/page.html"]).out)
        #expect(expected.contains { $0.contains("\"value\":315000000") })
        #expect(BatchTests.bodies(try R.run(["--quiet", page.path]).out) == expected)
        let html = Fixtures.text("page.html")
        // Standard input: told to, or seen from the page's own first tag.
        #expect(BatchTests.bodies(try R.run(["--quiet", "--input-format", "html"], stdin: html).out) == expected)
        #expect(BatchTests.bodies(try R.run(["--quiet"], stdin: html).out) == expected)
    }

    @Test func jsonLinesFilesInADirectoryAreDocuments() throws {
        let dir = try Self.temporaryDirectory("jsonl")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{\"id\":\"n1\",\"text\":\"共 5 万元\"}\nnot json\n".write(to: dir.appendingPathComponent("a.jsonl"),
                                                                       atomically: true, encoding: .utf8)
        try "{\"id\":\"n2\",\"text\":\"共 7 万元\"}\n{\"id\":3}\n".write(to: dir.appendingPathComponent("B.JSONL"),
                                                                       atomically: true, encoding: .utf8)
        let r = try R.run(["--quiet", dir.path])
        #expect(r.status == 1)
        let docs = r.out.split(separator: "\n").compactMap { l -> String? in
            (try? JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any])?["doc"] as? String
        }
        // Each bad line is named by its own file and line: no two alike.
        #expect(docs == ["n2", "\(dir.path)/B.JSONL:2", "n1", "\(dir.path)/a.jsonl:2"])
    }

    @Test func csvAndTSVKeepErrorRows() throws {
        let csv = try R.run(["--quiet", "--format", "csv", "Tests/Fixtures/batch/c.bin"])
        #expect(csv.status == 1)
        let rows = csv.out.components(separatedBy: "\r\n")
        #expect(rows[1] == "Tests/Fixtures/batch/c.bin,error" + String(repeating: ",", count: 20)
                + "\"binary file (contains NUL bytes), skipped\"")
        let tsv = try R.run(["--quiet", "--format", "tsv", "Tests/Fixtures/batch/c.bin"])
        #expect(tsv.out.split(separator: "\n")[1] == "Tests/Fixtures/batch/c.bin\terror" + String(repeating: "\t", count: 20)
                + "binary file (contains NUL bytes), skipped")
    }

    @Test func aFigureTouchedByABadByteIsMarkedDamaged() throws {
        let dir = try Self.temporaryDirectory("damaged")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("d.txt")
        var bytes = Array("服务时长共33".utf8) + [0xFF] + Array("6 小时，另有 9 人".utf8)
        try Data(bytes).write(to: file)
        let r = try Self.run(["--quiet", file.path])
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2)
        // 33<FF>6 may have been 3306: the 6 小时 after the bad byte is kept, but marked.
        #expect(lines[0].hasSuffix("\"text\":\"6 小时\",\"start\":8,\"end\":12,\"line\":1,\"value\":6,\"unit\":\"小时\","
                                   + "\"dimension\":\"duration\",\"qualifier\":\"exact\",\"cumulative\":true,\"damaged\":true}"))
        #expect(lines[1].contains("\"value\":9") && !lines[1].contains("\"damaged\""))
        // CSV carries the mark in its own column.
        bytes = Array("共 5 万元".utf8) + [0xFE]
        try Data(bytes).write(to: file)
        let csv = try Self.run(["--quiet", "--format", "csv", file.path])
        let row = csv.out.components(separatedBy: "\r\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row.count == 22)
        #expect(row[20] == "true")
    }
}
