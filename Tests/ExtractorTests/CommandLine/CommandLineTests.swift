import Testing
import Foundation

/// The `extract` executable end to end: arguments, inputs, output, exit statuses.
@Suite struct CommandLineTests {
    struct Run { var status: Int32; var out: String; var err: String }

    static func run(_ args: [String], stdin: String? = nil) throws -> Run {
        let dir = try #require(Fixtures.productsDirectory, "extract executable not found")
        let p = Process()
        p.executableURL = dir.appendingPathComponent("extract")
        p.arguments = args
        p.currentDirectoryURL = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        Fixtures.feed(inp.fileHandleForWriting, Data((stdin ?? "").utf8))
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// `run(args)` with the path of a temporary file `name-PID.ext` holding `bytes` last, removed after.
    static func run(_ args: [String], file name: String, _ ext: String, bytes: [UInt8]) throws -> Run {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid()).\(ext)")
        try Data(bytes).write(to: tmp)
        defer { try? FileManager.default.removeItem(at: tmp) }
        return try run(args + [tmp.path])
    }

    /// The bytes of `before`, an invalid UTF-8 byte (0xFF), then the bytes of `after`.
    static func invalidUTF8(_ before: String, _ after: String) -> [UInt8] {
        Array(before.utf8) + [0xFF] + Array(after.utf8)
    }

    @Test func seedMatchesGolden() throws {
        let r = try Self.run(["Tests/Fixtures/seed-bulletin.txt"])
        #expect(r.status == 0)
        let golden = Fixtures.text("seed-bulletin.expected.jsonl")
            .replacingOccurrences(of: "\"doc\":\"seed-bulletin.txt\"", with: "\"doc\":\"Tests/Fixtures/seed-bulletin.txt\"")
        #expect(r.out == golden)
        #expect(r.err.hasPrefix("extract: 1 documents, 140 records, 0 errors"))
    }

    @Test func standardInputIsDocDash() throws {
        let r = try Self.run([], stdin: "共招募志愿者 45018 名")
        #expect(r.status == 0)
        #expect(r.out == "{\"doc\":\"-\",\"type\":\"quantity\",\"text\":\"45018 名\",\"start\":7,\"end\":14,\"line\":1,\"value\":45018,\"unit\":\"名\",\"dimension\":\"count\",\"qualifier\":\"exact\",\"cumulative\":true}\n")
    }

    @Test func jsonLinesInputCarriesIds() throws {
        let input = "{\"id\":\"a1\",\"text\":\"捐款 15 万元\"}\n{\"id\":\"b2\",\"text\":\"热线 12355，共 3 人\",\"date\":\"2022-03-18\"}\n"
        let r = try Self.run(["--input-format", "jsonl"], stdin: input)
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("{\"doc\":\"a1\",\"type\":\"quantity\",\"text\":\"15 万元\""))
        #expect(lines[1].hasPrefix("{\"doc\":\"b2\",\"type\":\"quantity\",\"text\":\"3 人\""))
    }

    @Test func badJSONLineIsReportedAndOthersKept() throws {
        let input = "{\"id\":\"a\",\"text\":\"3 人\"}\nnot json\n{\"id\":\"c\",\"text\":\"5 元\"}\n"
        let r = try Self.run(["--input-format=jsonl"], stdin: input)
        #expect(r.status == 1)
        #expect(r.err.contains("-:2: not a JSON object"))
        #expect(r.out.split(separator: "\n").count == 3)
        #expect(r.out.contains("{\"doc\":\"-:2\",\"type\":\"error\",\"error\":\"not a JSON object\"}"))
    }

    @Test func numbersOnlyWhenAsked() throws {
        let plain = try Self.run([], stdin: "得分为 2046，房间有 3 张床")
        #expect(plain.out.split(separator: "\n").count == 1)
        let withNumbers = try Self.run(["--types", "quantity,number"], stdin: "得分为 2046，房间有 3 张床")
        #expect(withNumbers.out.contains("\"type\":\"number\",\"text\":\"2046\""))
        #expect(withNumbers.out.contains("\"unit\":\"\""))
        // An identifier is not a number.
        let id = try Self.run(["--types", "number"], stdin: "编号 2046 的房间，热线 12355")
        #expect(id.out.isEmpty)
    }

    @Test func missingFileFailsButOthersAreExtracted() throws {
        let r = try Self.run(["no/such/file.txt", "Tests/Fixtures/full-width.txt"])
        #expect(r.status == 1)
        #expect(r.err.contains("no/such/file.txt: no such file"))
        #expect(r.out.contains("\"doc\":\"Tests/Fixtures/full-width.txt\""))
    }

    @Test func directoryAndBinaryAreNamed() throws {
        let bin = try Self.run([], file: "extract-binary", "bin", bytes: [0x31, 0x00, 0x32, 0xFF])
        #expect(bin.status == 1)
        #expect(bin.err.contains("binary file"))
    }

    @Test func invalidUTF8IsReplacedWithAWarning() throws {
        let r = try Self.run([], file: "extract-bad", "txt", bytes: Self.invalidUTF8("共 3 人", "，捐款 5 万元"))
        #expect(r.status == 0)
        #expect(r.err.contains("invalid UTF-8 at byte 9"))
        #expect(r.out.contains("\"text\":\"3 人\""))
        #expect(r.out.contains("\"text\":\"5 万元\""))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["--bogus"]).status == 2)
        #expect(try Self.run(["--types", "money"]).status == 2)
        #expect(try Self.run(["--input-format", "xml"]).status == 2)
        #expect(try Self.run(["--types"]).status == 2)
        let bad = try Self.run(["--types", "money"])
        #expect(bad.err.contains("--types"))
        #expect(bad.out.isEmpty)
    }

    @Test func helpAndVersion() throws {
        let h = try Self.run(["--help"])
        #expect(h.status == 0)
        #expect(h.out.contains("usage: extract"))
        let v = try Self.run(["--version"])
        #expect(v.status == 0)
        #expect(v.out.hasPrefix("extract "))
    }

    @Test func referenceDateResolvesYears() throws {
        let r = try Self.run(["--reference-date", "2022-03-18", "--types", "date,time,quantity"],
                             stdin: "截至 3 月 11 日，累计捐款约 3.15 亿元；昨天下午 3 点开会。")
        #expect(r.out.contains("\"timex\":\"2022-03-11\""))
        #expect(r.out.contains("\"as_of\":\"2022-03-11\""))
        #expect(r.out.contains("\"timex\":\"2022-03-17T15:00\""))
        let bad = try Self.run(["--reference-date", "2022-02-30"])
        #expect(bad.status == 2)
    }

    @Test func jsonLinesDateIsTheDocumentDate() throws {
        let input = "{\"id\":\"x\",\"text\":\"3 月 11 日，今天\",\"date\":\"2021-04-01\"}\n"
        let r = try Self.run(["--input-format", "jsonl"], stdin: input)
        #expect(r.out.contains("\"timex\":\"2021-03-11\""))
        #expect(r.out.contains("\"timex\":\"2021-04-01\""))
    }

    @Test func jsonLinesKeepAByteOrderMarkInsideText() throws {
        // Foundation's JSON parser drops a literal U+FEFF; ours keeps it, so offsets hold.
        let r = try Self.run(["--input-format", "jsonl"], stdin: "{\"id\":\"a\",\"text\":\"\\n\u{FEFF}5人\"}\n")
        #expect(r.out.contains("\"start\":2,\"end\":4"))
    }

    @Test func jsonLinesWithInvalidUTF8AreReadLossily() throws {
        let bytes = Self.invalidUTF8("{\"id\":7,\"text\":\"共 3 人", "，5 元\"}\n")
        let r = try Self.run(["--input-format", "jsonl"], file: "extract-jsonl", "jsonl", bytes: bytes)
        #expect(r.status == 0)
        #expect(r.out.contains("\"doc\":\"7\""))
        #expect(r.out.contains("\"text\":\"5 元\""))
    }

    @Test func byteOrderMarkIsNotText() throws {
        let r = try Self.run([], stdin: "\u{FEFF}共 3 人")
        #expect(r.out.contains("\"start\":2"))
    }
}
