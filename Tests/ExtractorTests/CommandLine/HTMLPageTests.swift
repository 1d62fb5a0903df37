import Testing
import Foundation
import Extractor
@testable import extract

/// The review page (`--format html`) and the verify page (`verify --format html`): every record
/// is a mark at its offsets, the text is the document's, nothing from the input is markup,
/// and what a cap leaves out is said.
@Suite struct HTMLPageTests {
    static func run(_ args: [String], stdin: String? = nil) throws -> CommandLineTests.Run {
        try CommandLineTests.run(args, stdin: stdin)
    }

    /// (id, type, start, end) of every mark's first piece, in page order.
    static func marks(_ page: String) -> [(id: String, type: String, start: Int, end: Int)] {
        let re = /<mark class="[^"]*" id="([^"]+)" data-type="([a-z]+)" data-start="(\d+)" data-end="(\d+)"/
        return page.matches(of: re).map { (String($0.1), String($0.2), Int($0.3) ?? -1, Int($0.4) ?? -1) }
    }

    /// The text of a `<div class="text">` with the tags taken out and the references read back.
    static func texts(_ page: String) -> [String] {
        page.matches(of: /<div class="text">(.*?)<\/div>/.dotMatchesNewlines()).map { m in
            String(m.1).replacing(/<[^>]*>/, with: "").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// The tags the pages are made of; any other tag, an event handler or a resource is from the input.
    static let tags: Set<String> = ["html", "head", "meta", "title", "style", "body", "input", "div", "header",
                                    "h1", "h2", "p", "span", "label", "main", "section", "mark", "details",
                                    "summary", "table", "thead", "tbody", "tr", "th", "td", "a", "ol", "li", "strong"]

    static func onlyOwnMarkup(_ page: String) -> [String] {
        var problems: [String] = []
        for m in page.matches(of: /<\/?([A-Za-z!][A-Za-z0-9]*)/)
        where m.1 != "!DOCTYPE" && !tags.contains(String(m.1)) {
            problems.append("tag \(m.1)")
        }
        for tag in page.matches(of: /<[A-Za-z][^>]*>/) {
            for m in tag.0.matches(of: /\s(on[a-z]+|src|srcset|action|formaction|style)\s*=/) {
                problems.append("attribute \(m.1)")
            }
            for m in tag.0.matches(of: /href="([^"]*)"/) where !m.1.hasPrefix("#") { problems.append("link \(m.1)") }
        }
        if page.contains("url(") || page.contains("@import") { problems.append("a resource in the style") }
        return problems
    }

    @Test func everyRecordOfTheSeedIsAMarkAtItsOffsets() throws {
        let page = try Self.run(["--format", "html", "Tests/Fixtures/seed-bulletin.txt"])
        let records = try Self.run(["--quiet", "Tests/Fixtures/seed-bulletin.txt"])
        #expect(page.status == 0)
        #expect(page.err.hasPrefix("extract: 1 documents, 140 records, 0 errors"))
        let expected = try records.out.split(separator: "\n").map { line -> (String, Int, Int) in
            let r = try JSON.parse(line)
            guard case .int(let s)? = r["start"], case .int(let e)? = r["end"] else { return ("", -1, -1) }
            return (r["type"]?.string ?? "", s, e)
        }
        let marks = Self.marks(page.out)
        #expect(marks.count == 140)
        #expect(marks.map { "\($0.type) \($0.start) \($0.end)" } == expected.map { "\($0.0) \($0.1) \($0.2)" })
        #expect(marks.map(\.id) == (1...140).map { "d1-r\($0)" })
        // The marked text is the document, character for character.
        #expect(Self.texts(page.out) == [Fixtures.text("seed-bulletin.txt")])
        #expect(page.out.contains("<p class=\"counts\">140 records: <span class=\"swatch t-quantity\">quantity 69"
            + "</span> <span class=\"swatch t-date\">date 14</span> <span class=\"swatch t-time\">time 6</span> "
            + "<span class=\"swatch t-organization\">organization 51</span></p>"))
        #expect(page.out.contains(
            "data-type=\"quantity\" data-start=\"498\" data-end=\"505\" data-value=\"≈315000000 元\""))
        #expect(page.out.hasSuffix("</section>\n</main>\n</div>\n</body>\n</html>\n"))
        #expect(Self.onlyOwnMarkup(page.out).isEmpty)
    }

    @Test func inputIsShownAsTextNeverAsMarkup() throws {
        let hostile = "<script>alert(\"x\")</script> 共 3 人 &lt; \"><img src=x onerror=alert(1)> 'q' \u{7} 深圳市医师协会"
        var doc = #"{"id":"\"><img src=x onerror=alert(2)>","text":"#
        JSONLineWriter.appendString(hostile, to: &doc)
        doc += "}"
        let r = try Self.run(["--format", "html", "--input-format", "jsonl", "--quiet"], stdin: doc + "\n")
        #expect(r.status == 0)
        #expect(Self.onlyOwnMarkup(r.out).isEmpty, "\(Self.onlyOwnMarkup(r.out))")
        #expect(!r.out.contains("<script") && !r.out.contains("<img"))
        #expect(r.out.contains("<h2>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</h2>"))
        #expect(r.out.contains("<div class=\"text\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 共 "))
        #expect(r.out.contains(" &amp;lt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39;q&#39; ␇ "))
        #expect(Self.marks(r.out).map(\.type) == ["quantity", "organization"])
        #expect(Self.texts(r.out) == [hostile.replacingOccurrences(of: "\u{7}", with: "␇")])
    }

    @Test func theVerifyPageEscapesItsInputToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("extract-verify-html-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let claim = dir.appendingPathComponent("claim<b>.txt"), source = dir.appendingPathComponent("source.txt")
        try Data("<script>x</script>共招募志愿者 4.6 万名\"><img src=x>".utf8).write(to: claim)
        try Data("共招募志愿者 45018 名 <i>&lt".utf8).write(to: source)
        let r = try Self.run(["verify", "--format", "html", claim.path, "--against", source.path])
        #expect(r.status == 1)
        #expect(Self.onlyOwnMarkup(r.out).isEmpty, "\(Self.onlyOwnMarkup(r.out))")
        #expect(r.out.contains("claim&lt;b&gt;.txt</h2>"))
        #expect(r.out.contains(
            "<div class=\"text\">&lt;script&gt;x&lt;/script&gt;共招募志愿者 <mark class=\"v-contradicted\""))
        #expect(r.out.contains("共招募志愿者 <strong class=\"hit v-contradicted\">45018 名</strong> &lt;i&gt;&amp;lt</div>"))
        #expect(r.out.contains("data-verdict=\"contradicted\""))
    }

    @Test func theVerifyPageMarksEachClaimFigureWithItsVerdict() throws {
        let r = try Self.run(["verify", "--format", "html", "Tests/Fixtures/verify/pair1.claim.txt",
                              "--against", "Tests/Fixtures/verify/pair1.source.txt"])
        #expect(r.status == 1)   // contradicted figures: the gate does not pass
        #expect(r.err == "extract: verify: 16 claim figures: 10 supported, 4 contradicted, 2 unsupported\n")
        let verdicts = r.out.matches(of: /<mark [^>]*data-verdict="([a-z]+)"/).map { String($0.1) }
        #expect(verdicts.count == 16)
        #expect(verdicts.filter { $0 == "supported" }.count == 10)
        #expect(verdicts.filter { $0 == "contradicted" }.count == 4)
        #expect(verdicts.filter { $0 == "unsupported" }.count == 2)
        #expect(Self.marks(r.out).map(\.id) == (1...16).map { "c1-f\($0)" })
        // 7127名 against 6127名: both figures in bold in their sentences, in one row.
        #expect(r.out.contains("比上年增加<strong class=\"hit v-contradicted\">7127名</strong>，青年志愿者占比达37.5%"))
        #expect(r.out.contains("较上年增加<strong class=\"hit v-contradicted\">6127名</strong>，其中35岁以下"))
        #expect(Self.texts(r.out) == [Fixtures.text("verify/pair1.claim.txt")])
        #expect(Self.onlyOwnMarkup(r.out).isEmpty)
    }

    @Test func overlappingSpansNestOrAreCutIntoPieces() {
        func page(_ text: String, _ spans: [(Int, Int, String)], limit: Int = .max) -> String {
            var out = ""
            HTMLWriter.markedText(text, spans: spans.map { HTMLWriter.Span(start: $0.0, end: $0.1, id: $0.2,
                                                                           cssClass: "c", attributes: []) },
                                  limit: limit, into: &out)
            return out
        }
        // One inside another: the longer outside, whichever comes first in the list.
        #expect(page("abcdef", [(1, 3, "B"), (0, 4, "A")])
                == #"<mark class="c" id="A">a<mark class="c" id="B">bc</mark>d</mark>ef"#)
        #expect(page("abcdef", [(0, 2, "A"), (0, 4, "B")])
                == #"<mark class="c" id="B"><mark class="c" id="A">ab</mark>cd</mark>ef"#)
        // Crossing: the shorter is cut where the longer starts and goes on inside it.
        #expect(page("abcdef", [(0, 3, "A"), (2, 5, "B")])
                == #"<mark class="c" id="A">ab</mark><mark class="c" id="B"><mark class="c cont">c</mark>de</mark>f"#)
        // Touching spans stay apart; a span past the limit is left out, one across it is cut there.
        #expect(page("abcdef", [(0, 2, "A"), (2, 4, "B"), (3, 6, "C"), (5, 6, "D")], limit: 4)
                == #"<mark class="c" id="A">ab</mark><mark class="c" id="B">c</mark>"#
                + #"<mark class="c" id="C"><mark class="c cont">d</mark></mark>"#)
    }

    @Test func theLimitLeavesOutDocumentsAndSaysSo() throws {
        let docs = (1...3).map { #"{"id":"doc\#($0)","text":"共 \#($0) 人"}"# }.joined(separator: "\n")
        let r = try Self.run(["--format", "html", "--limit", "2", "--input-format", "jsonl", "--quiet",
                              "-", "no/such/file.txt"], stdin: docs + "\n")
        #expect(r.status == 1)
        #expect(Self.marks(r.out).map(\.id) == ["d1-r1", "d2-r1"])
        #expect(r.out.contains("<p class=\"counts\">4 documents, 3 records: <span class=\"swatch t-quantity\">"
            + "quantity 3</span>; <span class=\"error\">1 not read</span></p>"))
        #expect(r.out.contains("<p class=\"note\">Only the first 2 documents are shown (--limit 2); 2 more, with "
            + "1 record, are counted above but not shown.</p>"))
        #expect(r.out.contains("<li><a href=\"#d2\">doc2</a> (1 record)</li>"))
        let one = try Self.run(["--format", "html", "Tests/Fixtures/no-such-file.txt"])
        #expect(one.out.contains(
            "<h2>Tests/Fixtures/no-such-file.txt</h2>\n<p class=\"error\">Not read: no such file</p>"))
    }

    @Test func aLongTextIsCutAtALineEndAndSaysSo() {
        let page = ReviewPage(limit: 5, textLimit: 8)
        let text = "共 3 人\n又 4 人\n再 5 人\n"
        let records = Extractor().extract(text)
        #expect(records.count == 3)
        let html = String(decoding: page.section(doc: "t", text: text, records: records), as: UTF8.self)
        #expect(html.contains("<p class=\"note\">The text is cut after line 2 (character 11 of 18): 1 more record "
            + "is in the part not shown.</p>"))
        #expect(Self.marks(html).map(\.start) == [2, 8])
        #expect(Self.texts(html) == ["共 3 人\n又 4 人"])
        #expect(String(decoding: page.tail(), as: UTF8.self).contains("1 text cut after 8 characters"))
    }

    @Test func aDocumentReadInPiecesGivesThePageOfTheWholeDocument() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("extract-html-pieces-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = dir.appendingPathComponent("long.txt")
        try Data(StreamingTests.corpus()).write(to: long)
        let args = ["--format", "html", "--quiet", "Tests/Fixtures/seed-bulletin.txt", long.path]
        let whole = try StreamingTests.run(args, pieces: nil)
        #expect(whole.status == 0)
        #expect(Self.marks(whole.out).count > 3000)
        for jobs in ["1", "2"] {
            let pieces = try StreamingTests.run(args + ["--jobs", jobs], pieces: 4096)
            #expect(pieces.out == whole.out)
        }
    }

    @Test func piecesOfATextAreCutAsTheWholeText() {
        let text = "共 3 人\n又 4 人\n再 5 人\n"
        let records = Extractor().extract(text)
        let whole = ReviewPage(limit: 5, textLimit: 8)
        let inPieces = ReviewPage(limit: 5, textLimit: 8)
        let first = "共 3 人\n", rest = "又 4 人\n再 5 人\n"
        let pieces = inPieces.begin(doc: "t") + inPieces.piece(text: first, from: 0, records: [records[0]])
            + inPieces.piece(text: rest, from: 6, records: Array(records[1...])) + inPieces.end()
        #expect(String(decoding: pieces, as: UTF8.self)
                == String(decoding: whole.section(doc: "t", text: text, records: records), as: UTF8.self))
        #expect(inPieces.tail() == whole.tail())
    }

    @Test func optionsThatDoNotFitTheReviewPageAreUsageErrors() throws {
        let limit = try Self.run(["--limit", "2"], stdin: "共 3 人")
        #expect(limit.status == 2)
        #expect(limit.err.hasPrefix("extract: option --limit: bad value 'needs --format html'"))
        let resume = try Self.run(["--format", "html", "--resume", "-o", "/tmp/never-written.html"])
        #expect(resume.status == 2)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.html.partial"))
    }
}
