import Testing
import Foundation

/// Batch conversion: encodings, HTML, directories, formats, atomic output, resume, jobs.
@Suite struct BatchTests {
    typealias R = CommandLineTests

    /// Records without the doc field, to compare documents read from different files.
    static func bodies(_ out: String) -> [String] {
        out.split(separator: "\n").map { $0.replacingOccurrences(of: #"\{"doc":"[^"]*","#, with: "{", options: .regularExpression) }
    }

    @Test func everyEncodingGivesTheSameRecords() throws {
        let names = ["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "big5"]
        var outputs: [[String]] = []
        for n in names {
            let r = try R.run(["--quiet", "Tests/Fixtures/encodings/\(n).txt"])
            #expect(r.status == 0, "\(n)")
            #expect(r.err.isEmpty, "\(n): \(r.err)")
            outputs.append(Self.bodies(r.out))
        }
        #expect(outputs[0].count == 4)
        for (k, o) in outputs.enumerated() { #expect(o == outputs[0], "\(names[k]) differs") }
        #expect(outputs[0].contains { $0.contains("\"value\":315000000") && $0.contains("\"as_of\":\"XXXX-03-11\"") })
    }

    @Test func forcedEncoding() throws {
        let r = try R.run(["--quiet", "--encoding", "big5", "Tests/Fixtures/encodings/big5.txt"])
        #expect(Self.bodies(r.out).count == 4)
        #expect(try R.run(["--encoding", "ebcdic"]).status == 2)
    }

    @Test func invalidBytesKeepFiguresOnBothSides() throws {
        let r = try R.run(["--quiet", "Tests/Fixtures/encodings/invalid-utf8.txt"])
        #expect(r.status == 0)
        #expect(r.err.contains("invalid-utf8.txt: invalid UTF-8 at byte"))
        #expect(r.out.contains("\"text\":\"13 萬個\""))
        #expect(r.out.contains("\"text\":\"30 萬元\""))
    }

    @Test func htmlVisibleTextOnly() throws {
        let r = try R.run(["--quiet", "Tests/Fixtures/page.html"])
        #expect(r.status == 0)
        #expect(r.out.contains("\"value\":315000000"))
        #expect(r.out.contains("\"text\":\"45018名\""))        // &#21517; is 名
        #expect(!r.out.contains("770000"))                      // script
        #expect(!r.out.contains("\"value\":99"))                // head
        #expect(!r.out.contains("\"value\":88"))                // comment
    }

    @Test func htmlTextCanBeWrittenOut() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("extract-text-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try R.run(["--quiet", "--emit-text", dir.path, "Tests/Fixtures/page.html"])
        #expect(r.status == 0)
        let text = try String(contentsOf: dir.appendingPathComponent("Tests_Fixtures_page.html.txt"), encoding: .utf8)
        #expect(text.contains("累计捐款约 3.15 亿元&物资"))
        // Offsets refer to that text.
        let scalars = Array(text.unicodeScalars)
        let line = try #require(r.out.split(separator: "\n").first { $0.contains("3.15") })
        let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let s = try #require(obj?["start"] as? Int), e = try #require(obj?["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[s..<e])) == obj?["text"] as? String)
    }

    @Test func directoryWithGoodAndBadFiles() throws {
        let r = try R.run(["--quiet", "Tests/Fixtures/batch"])
        #expect(r.status == 1)
        #expect(r.err.contains("Tests/Fixtures/batch/c.bin: binary file"))
        let docs = r.out.split(separator: "\n").compactMap { l -> String? in
            (try? JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any])?["doc"] as? String
        }
        // Sorted, recursive; the binary file is an error record; the empty file has no records.
        #expect(docs == ["Tests/Fixtures/batch/a.txt", "Tests/Fixtures/batch/c.bin", "Tests/Fixtures/batch/sub/b.txt",
                         "Tests/Fixtures/batch/z.txt"])
        #expect(r.out.contains("\"type\":\"error\""))
    }

    @Test func includeAndExclude() throws {
        let r = try R.run(["--quiet", "--include", "*.txt", "--exclude", "z.txt", "Tests/Fixtures/batch"])
        #expect(r.status == 0)
        #expect(r.out.contains("a.txt") && r.out.contains("b.txt") && !r.out.contains("z.txt") && !r.out.contains("c.bin"))
    }

    @Test func jobsDoNotChangeTheOutput() throws {
        let one = try R.run(["--quiet", "--jobs", "1", "Tests/Fixtures"])
        let four = try R.run(["--quiet", "--jobs", "4", "Tests/Fixtures"])
        #expect(one.out == four.out)
        #expect(one.out.count > 10_000)
    }

    @Test func outputFormats() throws {
        let json = try R.run(["--quiet", "--format", "json", "Tests/Fixtures/batch/a.txt", "Tests/Fixtures/batch/z.txt"])
        let array = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect(array?.count == 2)
        let csv = try R.run(["--quiet", "--format", "csv", "Tests/Fixtures/batch/a.txt"])
        let lines = csv.out.components(separatedBy: "\r\n")
        #expect(lines[0] == "doc,type,text,start,end,line,value,unit,dimension,qualifier,currency,low,high,object,"
                + "timex,as_of,cumulative,name,category,full,damaged,error")
        #expect(lines[1] == "Tests/Fixtures/batch/a.txt,quantity,5 例,7,10,1,5,例,count,exact,,,,,,,,,,,,")
        let tsv = try R.run(["--quiet", "--format", "tsv", "Tests/Fixtures/batch/a.txt"])
        #expect(tsv.out.hasPrefix("doc\ttype\ttext"))
        let empty = try R.run(["--quiet", "--format", "json", "Tests/Fixtures/batch/empty.txt"])
        #expect(empty.out == "[\n]\n")
    }

    @Test func atomicOutputAndResume() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("extract-out-\(getpid()).jsonl").path
        defer { for s in ["", ".partial", ".partial.done"] { try? FileManager.default.removeItem(atPath: out + s) } }
        let full = try R.run(["--quiet", "-o", out, "Tests/Fixtures/batch/a.txt", "Tests/Fixtures/batch/z.txt"])
        #expect(full.status == 0)
        #expect(full.out.isEmpty)
        let expected = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
        // An interrupted run: a.txt finished, then half a line of z.txt.
        try FileManager.default.removeItem(atPath: out)
        let aLine = expected.split(separator: "\n")[0] + "\n"
        try (aLine + "{\"doc\":\"Tests/Fix").write(toFile: out + ".partial", atomically: true, encoding: .utf8)
        try "\(aLine.utf8.count)\tTests/Fixtures/batch/a.txt\n".write(toFile: out + ".partial.done", atomically: true, encoding: .utf8)
        let resumed = try R.run(["--quiet", "--resume", "-o", out, "Tests/Fixtures/batch/a.txt", "Tests/Fixtures/batch/z.txt"])
        #expect(resumed.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == expected)
        #expect(try R.run(["--resume"]).status == 2)
    }

    @Test func errorsFile() throws {
        let errs = FileManager.default.temporaryDirectory.appendingPathComponent("extract-errs-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: errs) }
        let r = try R.run(["--quiet", "--errors", errs, "Tests/Fixtures/batch"])
        #expect(r.status == 1)
        #expect(!r.out.contains("\"type\":\"error\""))
        #expect(try String(contentsOfFile: errs, encoding: .utf8).contains("\"doc\":\"Tests/Fixtures/batch/c.bin\",\"type\":\"error\""))
    }
}
