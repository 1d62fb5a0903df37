import Testing
import Foundation
import Extractor

/// `verify`: the interval rules one row at a time, the claim/source fixture pairs, and the
/// command line.
@Suite struct VerifyTests {
    static let rules = Fixtures.rows("verify-rules.tsv", columns: 3)

    @Test func rulesTableIsWellFormed() {
        #expect(Self.rules.count == Fixtures.dataLineCount("verify-rules.tsv"))
        #expect(Self.rules.count >= 25)
    }

    @Test(arguments: rules)
    func rule(_ row: [String]) throws {
        let findings = Verifier().verify(claims: VerifyDocument(doc: "claim", text: row[0]),
                                         against: [VerifyDocument(doc: "source", text: row[1])])
        try #require(findings.count == 1, "\(row[0]): \(findings.map(\.claim.text))")
        #expect(findings[0].verdict.rawValue == row[2], "\(row[0]) vs \(row[1]): \(findings[0].reason)")
    }

    struct Row { var pair: String; var text: String; var verdict: String; var kind: String; var start: Int }

    /// Expected verdicts of Tests/Fixtures/verify/pairK.expected.tsv, located in the claim.
    static func expectedRows() -> [Row] {
        var rows: [Row] = []
        for k in 1...6 {
            let pair = "pair\(k)"
            let claim = Fixtures.text("verify/\(pair).claim.txt")
            let scalars = Array(claim.unicodeScalars)
            for cols in Fixtures.rows("verify/\(pair).expected.tsv", columns: 6) {
                let needle = Array(cols[0].unicodeScalars)
                var found = -1, seen = 0
                let occurrence = Int(cols[1]) ?? 1
                var i = 0
                while i + needle.count <= scalars.count {
                    if Array(scalars[i..<(i + needle.count)]) == needle {
                        seen += 1
                        if seen == occurrence { found = i; break }
                    }
                    i += 1
                }
                rows.append(Row(pair: pair, text: cols[0], verdict: cols[2], kind: cols[3], start: found))
            }
        }
        return rows
    }

    /// The issue's rule: every altered figure is contradicted and no faithful, rounded or
    /// converted one is. Verdicts that differ from the annotation are listed exactly: two
    /// faithful figures whose context is too thin to match come out unsupported.
    @Test func claimSourcePairs() throws {
        let rows = Self.expectedRows()
        #expect(rows.count >= 100)
        #expect(rows.allSatisfy { $0.start >= 0 })
        var findings: [String: [Verifier.Finding]] = [:]
        for k in 1...6 {
            let pair = "pair\(k)"
            findings[pair] = Verifier().verify(
                claims: VerifyDocument(doc: "claim", text: Fixtures.text("verify/\(pair).claim.txt")),
                against: [VerifyDocument(doc: "source", text: Fixtures.text("verify/\(pair).source.txt"))])
        }
        var differing: [String] = []
        for row in rows {
            let end = row.start + row.text.unicodeScalars.count
            let got = findings[row.pair]?.first { $0.claim.start < end && row.start < $0.claim.end }
            let verdict = got?.verdict.rawValue ?? "missing"
            if row.kind == "altered" {
                #expect(verdict == "contradicted", "\(row.pair) \(row.text): \(got?.reason ?? "no record")")
            } else if ["copied", "rounded", "converted"].contains(row.kind) {
                #expect(verdict != "contradicted", "\(row.pair) \(row.text): \(got?.reason ?? "no record")")
            }
            if verdict != row.verdict { differing.append("\(row.pair) \(row.text) \(verdict)") }
        }
        #expect(differing == ["pair2 近65% unsupported", "pair5 40天 unsupported"])
    }

    /// Within one document: the seed's headline 4.5 万名志愿者 is supported by the body's
    /// 共招募志愿者 45018 名, and nothing in the seed is contradicted.
    @Test func headlineAgainstBody() throws {
        let text = Fixtures.text("seed-bulletin.txt")
        let findings = Verifier().verifyWithin(VerifyDocument(doc: "seed", text: text))
        let headline = try #require(findings.first { $0.claim.text == "4.5 万名" })
        #expect(headline.verdict == .supported)
        #expect(headline.source?.text == "45018 名")
        #expect(findings.allSatisfy { $0.verdict != .contradicted })
    }

    @Test func commandLineVerdictsAndExitStatus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("source.txt"), good = dir.appendingPathComponent("good.txt"),
            bad = dir.appendingPathComponent("bad.txt")
        try "截至 3 月 11 日，累计服务市民逾 2700 万人次，共招募志愿者 45018 名。".write(to: source, atomically: true, encoding: .utf8)
        try "共招募志愿者 4.5 万名。".write(to: good, atomically: true, encoding: .utf8)
        try "累计服务市民逾 3700 万人次。".write(to: bad, atomically: true, encoding: .utf8)

        let ok = try CommandLineTests.run(["verify", good.path, "--against", source.path, "--quiet"])
        #expect(ok.status == 0)
        let line = try #require(ok.out.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "supported")
        #expect((object["claim"] as? [String: Any])?["text"] as? String == "4.5 万名")
        #expect((object["source"] as? [String: Any])?["text"] as? String == "45018 名")
        #expect((object["source"] as? [String: Any])?["doc"] as? String == source.path)

        let no = try CommandLineTests.run(["verify", bad.path, "--against", source.path, "--format", "text"])
        #expect(no.status == 1)
        #expect(no.out.hasPrefix("CONTRADICTED  \(bad.path):1  3700 万人次\n"))
        #expect(no.out.contains("  source: \(source.path):1  2700 万人次"))
        #expect(no.err.contains("verify: 1 claim figures: 0 supported, 1 contradicted, 0 unsupported"))

        // Sources run from --against to the next option; the claim may come after.
        let reordered = try CommandLineTests.run(["verify", "--against", source.path, "--quiet", good.path])
        #expect(reordered.status == 0)
        #expect(reordered.out.contains("\"verdict\":\"supported\""))
        // Standard input cannot be both the claims and a source.
        #expect(try CommandLineTests.run(["verify", "-", "--against", "-"], stdin: "共 5 人").status == 2)
        #expect(try CommandLineTests.run(["verify", "--against", source.path]).status == 2)
        #expect(try CommandLineTests.run(["verify", good.path, "--tolerance", "abc"]).status == 2)
        let nope = dir.appendingPathComponent("nope.txt").path
        let missing = try CommandLineTests.run(["verify", good.path, "--against", nope])
        #expect(missing.status == 2)
        #expect(missing.err.contains("nope.txt: "))
        #expect(missing.out.contains("\"verdict\":\"unsupported\""))     // the readable claims are still verified
    }

    @Test func verifyTakesTheExtractionFormats() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verify-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("s.txt"), claim = dir.appendingPathComponent("c.txt")
        try "共招募志愿者 45018 名，累计服务市民逾 2700 万人次。".write(to: source, atomically: true, encoding: .utf8)
        try "共招募志愿者 4.5 万名，服务市民逾 3700 万人次。".write(to: claim, atomically: true, encoding: .utf8)
        let base = ["verify", claim.path, "--against", source.path, "--quiet", "--format"]

        let json = try CommandLineTests.run(base + ["json"])
        #expect(json.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(array.map { $0["verdict"] as? String } == ["supported", "contradicted"])

        let csv = try CommandLineTests.run(base + ["csv"])
        let rows = csv.out.components(separatedBy: "\r\n")
        #expect(rows[0] == "claim_doc,claim_text,claim_start,claim_end,claim_line,claim_value,claim_unit,"
                + "claim_qualifier,verdict,source_doc,source_text,source_start,source_end,source_line,"
                + "source_value,source_unit,source_qualifier,reason")
        #expect(rows[1].hasPrefix("\(claim.path),4.5 万名,7,13,1,45000,名,exact,supported,\(source.path),45018 名,7,14,1,"
                                  + "45018,名,exact,"))
        let tsv = try CommandLineTests.run(base + ["tsv"])
        #expect(tsv.out.split(separator: "\n")[2].split(separator: "\t", omittingEmptySubsequences: false)[8]
                == "contradicted")

        // A full output device is a failure of its own, not a verdict.
        let p = Process()
        p.executableURL = try #require(Fixtures.productsDirectory).appendingPathComponent("extract")
        p.arguments = base + ["jsonl"]
        // Bound to a FileHandle first: assigned to `Any?`, #require would not unwrap.
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        p.standardOutput = full
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 3)
        #expect(message.contains("verify: cannot write to standard output: No space left on device"))
    }
}
