import Extractor

/// The verify page of `extract verify --format html`: one self-contained HTML page (inline CSS,
/// no script) with a section per claim document: its text with every claim figure as a
/// `<mark>` carrying `data-verdict` (supported, contradicted, unsupported), coloured and
/// signed (✓ ✗ ?) by verdict, and a table that sets each claim figure in its sentence beside
/// the source figure it was held against, in that figure's sentence, with the reason.
enum VerifyPage {
    /// The whole page. `texts` gives the original text of each document by name (claims and
    /// sources), to find the figures inside their sentences.
    static func render(claims: [VerifyDocument], findings: [[Verifier.Finding]],
                       texts: [String: [Unicode.Scalar]]) -> [UInt8] {
        var s = HTMLWriter.head(title: "extract verify: claims against their sources", css: css)
        var total: [Verifier.Verdict: Int] = [:]
        for f in findings.joined() { total[f.verdict, default: 0] += 1 }
        s += "<body>\n<div class=\"page\">\n<header>\n<h1>Claim figures checked against their sources</h1>\n"
        s += "<p class=\"legend\">" + verdicts.map { "<span class=\"swatch v-\($0.rawValue)\">\($0.rawValue)</span>" }
            .joined(separator: " ") + "</p>\n"
        s += "<p class=\"counts\">Each claim figure is a mark coloured by its verdict; the table under each text "
            + "sets it beside the source figure it was held against, in their sentences.</p>\n</header>\n<main>\n"
        let count = findings.reduce(0) { $0 + $1.count }
        s += "<section class=\"summary\" id=\"summary\">\n<p class=\"counts\">\(claims.count) claim document"
            + "\(claims.count == 1 ? "" : "s"), \(count) claim figure\(count == 1 ? "" : "s"): "
            + verdictCounts(total) + "</p>\n</section>\n"
        for (k, doc) in claims.enumerated() where k < findings.count {
            section(doc, findings[k], id: "c\(k + 1)", texts: texts, into: &s)
        }
        s += "</main>\n</div>\n</body>\n</html>\n"
        return Array(s.utf8)
    }

    static let verdicts: [Verifier.Verdict] = [.supported, .contradicted, .unsupported]

    static func verdictCounts(_ c: [Verifier.Verdict: Int]) -> String {
        verdicts.map { "<span class=\"swatch v-\($0.rawValue)\">\($0.rawValue) \(c[$0] ?? 0)</span>" }
            .joined(separator: " ")
    }

    static func section(_ doc: VerifyDocument, _ findings: [Verifier.Finding], id: String,
                        texts: [String: [Unicode.Scalar]], into s: inout String) {
        var counts: [Verifier.Verdict: Int] = [:]
        for f in findings { counts[f.verdict, default: 0] += 1 }
        s += "<section class=\"doc\" id=\"\(id)\">\n<h2>" + HTMLWriter.escape(doc.doc) + "</h2>\n"
        s += "<p class=\"counts\">\(findings.count) claim figure\(findings.count == 1 ? "" : "s"): "
            + verdictCounts(counts) + "</p>\n<div class=\"text\">"
        let spans = findings.enumerated().map { (k, f) in
            HTMLWriter.Span(start: f.claim.start, end: f.claim.end, id: "\(id)-f\(k + 1)",
                            cssClass: "v-\(f.verdict.rawValue)", attributes: markAttributes(f))
        }
        HTMLWriter.markedText(doc.source.original, spans: spans, into: &s)
        s += "</div>\n"
        guard !findings.isEmpty else { s += "</section>\n"; return }
        s += "<table>\n<thead><tr><th>#</th><th>verdict</th><th>claim figure, in its sentence</th>"
            + "<th>source figure, in its sentence</th><th>reason</th></tr></thead>\n<tbody>\n"
        for (k, f) in findings.enumerated() {
            let v = f.verdict.rawValue
            s += "<tr class=\"row-\(v)\"><td class=\"num\"><a href=\"#\(id)-f\(k + 1)\">\(k + 1)</a></td>"
            s += "<td><span class=\"swatch v-\(v)\">\(v)</span></td><td>"
            s += figureCell(f.claim, sentence: f.claimSentence, texts: texts, verdict: v)
            s += "</td><td>"
            if let src = f.source {
                s += figureCell(src, sentence: f.sourceSentence ?? "", texts: texts, verdict: v)
            } else {
                s += "<span class=\"none\">no source figure about the same thing</span>"
            }
            s += "</td><td class=\"reason\">" + HTMLWriter.escape(f.reason) + "</td></tr>\n"
        }
        s += "</tbody>\n</table>\n</section>\n"
    }

    /// A figure's place and value, then its sentence with the figure in bold.
    static func figureCell(_ r: Record, sentence: String, texts: [String: [Unicode.Scalar]],
                           verdict: String) -> String {
        var s = "<div class=\"where\">" + HTMLWriter.escape("\(r.doc):\(r.line)") + " · "
            + HTMLWriter.escape(r.text) + " → " + HTMLWriter.escape(ReviewPage.value(of: r) ?? "") + "</div>"
        s += "<div class=\"sentence\">"
        let words = Array(sentence.unicodeScalars)
        if let at = texts[r.doc].flatMap({ offset(of: words, in: $0, around: r) }) {
            let a = r.start - at, b = r.end - at
            HTMLWriter.escape(String(String.UnicodeScalarView(words[..<a])), into: &s)
            s += "<strong class=\"hit v-\(verdict)\">"
            HTMLWriter.escape(String(String.UnicodeScalarView(words[a..<b])), into: &s)
            s += "</strong>"
            HTMLWriter.escape(String(String.UnicodeScalarView(words[b...])), into: &s)
        } else {
            HTMLWriter.escape(sentence, into: &s)
        }
        return s + "</div>"
    }

    /// Where `sentence` starts in `text` so that it holds the record's span, if it does.
    static func offset(of sentence: [Unicode.Scalar], in text: [Unicode.Scalar], around r: Record) -> Int? {
        let n = sentence.count
        guard n >= r.end - r.start, r.start >= 0, r.end <= text.count else { return nil }
        for s in max(0, r.end - n)...r.start where s + n <= text.count {
            if text[s..<(s + n)].elementsEqual(sentence) { return s }
        }
        return nil
    }

    /// Verdict, offsets, values and the source figure with its sentence, as attributes.
    static func markAttributes(_ f: Verifier.Finding) -> [(String, String)] {
        let r = f.claim
        var a: [(String, String)] = [("data-type", r.type.rawValue), ("data-start", String(r.start)),
                                     ("data-end", String(r.end)), ("data-verdict", f.verdict.rawValue)]
        if let v = ReviewPage.value(of: r) { a.append(("data-value", v)) }
        var title = "\(f.verdict.rawValue): \(r.text)"
        if let src = f.source {
            let where_ = "\(src.doc):\(src.line) \(src.text)"
            a.append(("data-source", where_))
            title += "\nsource: \(where_)\n«\(f.sourceSentence ?? "")»"
        }
        a.append(("title", title + "\n\(f.reason)"))
        return a
    }

    /// Colours by verdict, with a sign after each mark, so that the verdict reads without colour.
    static let css = """
    .v-supported { background: #a8e6a1; } .v-contradicted { background: #ff9e9e; }
    .v-unsupported { background: #e3e3e3; outline: 1px dashed #777; outline-offset: -1px; }
    .text mark[id]::after { font-size: .8em; margin-left: .15em; font-weight: 700; }
    .text mark[id].v-supported::after { content: "✓"; color: #1b6e1b; }
    .text mark[id].v-contradicted::after { content: "✗"; color: #a00000; }
    .text mark[id].v-unsupported::after { content: "?"; color: #555; }
    .where { color: #555; font-size: .85em; }
    .sentence { margin-top: .15rem; }
    strong.hit { font-weight: 700; border-radius: 3px; padding: 0 2px; }
    td.reason { color: #444; font-size: .85em; max-width: 22rem; }
    tr.row-contradicted td:first-child { border-left: 4px solid #d00000; }
    .none { color: #777; font-style: italic; }

    """
}
