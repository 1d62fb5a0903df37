import Testing
import Foundation

/// `--types token` and `--format segmented` end to end: the words of the text as records
/// and as text, the same in pieces as whole, and a clear stop when the model is missing.
@Suite struct TokensCommandLineTests {
    struct Result { var status: Int32; var out: String; var err: String }

    static func run(_ args: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = try #require(Fixtures.productsDirectory).appendingPathComponent("extract")
        p.arguments = args
        p.currentDirectoryURL = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        let writer = inp.fileHandleForWriting, data = Data(stdin.utf8)
        DispatchQueue.global().async { Fixtures.feed(writer, data) }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self),
                      err: String(decoding: e, as: UTF8.self))
    }

    @Test func tokensAsRecords() throws {
        let r = try Self.run(["--quiet", "--types", "token"], stdin: "共招募志愿者 45018 名。")
        #expect(r.status == 0)
        #expect(r.out == """
            {"doc":"-","type":"token","text":"共","start":0,"end":1,"line":1}
            {"doc":"-","type":"token","text":"招募","start":1,"end":3,"line":1}
            {"doc":"-","type":"token","text":"志愿者","start":3,"end":6,"line":1}
            {"doc":"-","type":"token","text":"45018","start":7,"end":12,"line":1}
            {"doc":"-","type":"token","text":"名","start":13,"end":14,"line":1}
            {"doc":"-","type":"token","text":"。","start":14,"end":15,"line":1}

            """)
    }

    /// Words separated by single spaces, line for line; a word cut by a line break is
    /// written whole where it starts, and an empty line stays empty.
    @Test func segmentedText() throws {
        let r = try Self.run(["--quiet", "--format", "segmented"],
                             stdin: "据统计，累计捐款约 3.15\n亿元；\n\n共招募志愿者 45018 名。")
        #expect(r.status == 0)
        #expect(r.out == "据 统计 ， 累计 捐款 约 3.15亿\n元 ；\n\n共 招募 志愿者 45018 名 。\n")
        let lines = try Self.run(["--quiet", "--format", "segmented", "--input-format", "jsonl"],
                                 stdin: "{\"id\":\"a\",\"text\":\"中国人民银行\"}\n{\"id\":\"b\",\"text\":\"\"}\n")
        #expect(lines.out == "中国 人民 银行\n\n")
        // White space inside a word is not written: words are separated by single spaces only.
        let spaced = try Self.run(["--quiet", "--format", "segmented"], stdin: "共 １３ 万\n个口罩。")
        #expect(spaced.out == "共 １３万\n个 口罩 。\n")
    }

    @Test func allDoesNotMeanTokens() throws {
        let r = try Self.run(["--quiet", "--types", "all"], stdin: "共 3 人")
        #expect(!r.out.contains("\"token\""))
        let csv = try Self.run(["--quiet", "--types", "token", "--format", "csv"], stdin: "共3人")
        let rows = csv.out.split(separator: "\r\n").dropFirst()
        #expect(rows.map { $0.split(separator: ",").prefix(6).joined(separator: ",") }
                == ["-,token,共,0,1,1", "-,token,3,1,2,1", "-,token,人,2,3,1"])
    }

    /// A long file read in pieces gives the tokens of the file read whole.
    @Test func piecesGiveTheTokensOfTheWholeFile() throws {
        let text = String(repeating: Fixtures.text("seed-bulletin.txt") + "\n" + Fixtures.text("line-breaks.txt"),
                          count: 6)
        let whole = try Self.run(["--quiet", "--types", "token,quantity,date,time"], stdin: text,
                                 environment: ["EXTRACT_STREAM_THRESHOLD": String(Int.max)])
        let pieces = try Self.run(["--quiet", "--types", "token,quantity,date,time", "--jobs", "2"], stdin: text,
                                  environment: ["EXTRACT_STREAM_THRESHOLD": "1", "EXTRACT_PIECE_SIZE": "2000"])
        #expect(whole.status == 0 && pieces.status == 0)
        #expect(whole.out.contains("\"token\""))
        #expect(pieces.out == whole.out)
        let segmentedWhole = try Self.run(["--quiet", "--format", "segmented"], stdin: text,
                                          environment: ["EXTRACT_STREAM_THRESHOLD": String(Int.max)])
        let segmentedPieces = try Self.run(["--quiet", "--format", "segmented"], stdin: text,
                                           environment: ["EXTRACT_STREAM_THRESHOLD": "1", "EXTRACT_PIECE_SIZE": "2000"])
        #expect(segmentedPieces.out == segmentedWhole.out)
        // A line of output for each line of input (the text ends with a line break).
        #expect(text.hasSuffix("\n"))
        #expect(segmentedWhole.out.split(separator: "\n", omittingEmptySubsequences: false).count
                == text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    /// No model, no run: the reason on stderr and exit status 2, before anything is read.
    @Test func missingModelStopsTheRun() throws {
        let r = try Self.run(["--types", "token"], stdin: "共3人",
                             environment: ["EXTRACT_TOKEN_MODEL": "/no/such/model.bin"])
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err == "extract: cannot load the word segmentation model: /no/such/model.bin: no such file, "
                + "or not readable\n")
        // Without tokens the model is never read.
        let figures = try Self.run(["--quiet"], stdin: "共3人",
                                   environment: ["EXTRACT_TOKEN_MODEL": "/no/such/model.bin"])
        #expect(figures.status == 0)
    }
}
