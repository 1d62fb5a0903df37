import Extractor
import Normalizer

/// The review page of `extract --format html`: one self-contained HTML page (inline CSS, no
/// script, no external resource) with a section per document: its text with every record as
/// a `<mark>` (`data-type`, `data-start`, `data-end`, `data-value`, and every field in `title`),
/// coloured by type, its counts per type, and a table of its records under the text.
///
/// It is written as the documents come (head, sections, tail), so the summary of the whole
/// run is written last and shown first (the page is a flex column and the summary comes first
/// in it). Past `limit` documents, the rest are counted but not shown, and a text longer than
/// `textLimit` characters is cut at a line end: the page says what it left out.
final class ReviewPage {
    static let defaultLimit = 100
    /// Characters of one document's text that the page shows (a browser stays responsive).
    static let textLimit = 200_000

    let limit: Int
    let textLimit: Int
    /// Documents with a section, and those counted but left out past the limit.
    private(set) var shown = 0
    private var leftOut = 0, leftOutRecords = 0
    private var errors = 0
    private var counts: [RecordType: Int] = [:]
    private var records = 0
    private var cut = 0
    /// The table of contents: anchor, document name, records (nil for a failed document).
    private var contents: [(id: String, doc: String, records: Int?)] = []

    init(limit: Int = ReviewPage.defaultLimit, textLimit: Int = ReviewPage.textLimit) {
        self.limit = limit
        self.textLimit = textLimit
    }

    static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The page up to the first document: head, style, title, legend.
    func head() -> [UInt8] {
        var s = HTMLWriter.head(title: "extract: records for review", css: Self.css)
        s += """
        <body>
        <input type="checkbox" id="show-values" class="toggle" checked>
        <div class="page">
        <header>
        <h1>Records found by extract</h1>
        <p class="legend">\(Self.legend)</p>
        <p class="counts">Each record is a mark: its fields show on hover, and the table under each text lists \
        them. <label for="show-values">Values in the text</label> (figures and dates).</p>
        </header>
        <main>

        """
        return Array(s.utf8)
    }

    static var legend: String {
        RecordType.allCases.map { "<span class=\"swatch t-\($0.rawValue)\">\($0.rawValue)</span>" }
            .joined(separator: " ") + " <span class=\"swatch damaged\">damaged</span>"
    }

    /// The document being written: its anchor (nil when it is only counted, past the limit),
    /// its records per type, the records shown, and how much of its text is on the page.
    private struct Open {
        var id: String?
        var doc: String
        var counts: [RecordType: Int] = [:]
        var records = 0
        var shown: [Record] = []
        var characters = 0, total = 0, lines = 1
        var cut = false
    }
    private var open: Open?
    var isOpen: Bool { open != nil }

    /// One whole document: its section, with its text, its records marked, and their table.
    func section(doc: String, text: String, records list: [Record]) -> [UInt8] {
        begin(doc: doc) + piece(text: text, from: 0, records: list) + end()
    }

    /// The start of a document's section (nothing once `limit` documents are on the page:
    /// the document is only counted).
    func begin(doc: String) -> [UInt8] {
        guard shown < limit else { open = Open(id: nil, doc: doc); return [] }
        shown += 1
        open = Open(id: "d\(shown)", doc: doc)
        return Array(("<section class=\"doc\" id=\"d\(shown)\">\n<h2>" + HTMLWriter.escape(doc)
            + "</h2>\n<div class=\"text\">").utf8)
    }

    /// The next piece of the open document: its original text, which starts at scalar `base` of
    /// the document, and its records (offsets in the document; none crosses out of the piece).
    /// The text goes on the page up to `textLimit` characters, then to the next line end.
    func piece(text: String, from base: Int, records list: [Record]) -> [UInt8] {
        guard var d = open else { return [] }
        defer { open = d }
        for r in list { d.counts[r.type, default: 0] += 1 }
        d.records += list.count
        let length = text.unicodeScalars.count
        d.total += length
        guard let id = d.id, !d.cut else { return [] }
        let end = Self.cutPoint(text, total: length, limit: max(0, textLimit - d.characters))
        let visible = list.filter { $0.start - base < end }
        let spans = visible.enumerated().map { (k, r) in
            HTMLWriter.Span(start: r.start - base, end: r.end - base, id: "\(id)-r\(d.shown.count + k + 1)",
                            cssClass: "t-\(r.type.rawValue)", attributes: Self.markAttributes(r))
        }
        var s = ""
        HTMLWriter.markedText(text, spans: spans, limit: end, into: &s)
        d.shown += visible
        d.characters += end
        d.lines += text.unicodeScalars.prefix(end).reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        d.cut = end < length
        return Array(s.utf8)
    }

    /// The end of the open document's section: the note of a cut text, the table of the
    /// records shown, and the counts (shown under the name: the section is a flex column).
    func end() -> [UInt8] {
        guard let d = open else { return [] }
        open = nil
        for (t, n) in d.counts { counts[t, default: 0] += n }
        records += d.records
        guard let id = d.id else {
            leftOut += 1
            leftOutRecords += d.records
            return []
        }
        contents.append((id, d.doc, d.records))
        var s = "</div>\n"
        if d.cut {
            cut += 1
            let hidden = d.records - d.shown.count
            s += "<p class=\"note\">The text is cut after line \(d.lines) (character \(d.characters) of \(d.total)): "
                + "\(Self.plural(hidden, "more record")) \(hidden == 1 ? "is" : "are") in the part not shown.</p>\n"
        }
        if !d.shown.isEmpty { s += Self.table(d.shown, id: id) }
        s += "<p class=\"counts\">\(Self.countLine(d.counts, total: d.records))</p>\n</section>\n"
        return Array(s.utf8)
    }

    /// A document that could not be read: its name and the reason.
    /// A document read in pieces that fails part way keeps the section of what was read.
    func errorSection(doc: String, message: String) -> [UInt8] {
        let before = end()
        errors += 1
        guard shown < limit else { leftOut += 1; return before }
        shown += 1
        let id = "d\(shown)"
        contents.append((id, doc, nil))
        let s = "<section class=\"doc failed\" id=\"\(id)\">\n<h2>" + HTMLWriter.escape(doc)
            + "</h2>\n<p class=\"error\">Not read: " + HTMLWriter.escape(message) + "</p>\n</section>\n"
        return before + Array(s.utf8)
    }

    /// The summary of the run (shown at the top), and the end of the page.
    func tail() -> [UInt8] {
        var s = "<section class=\"summary\" id=\"summary\">\n"
        let docs = shown + leftOut
        s += "<p class=\"counts\">\(Self.plural(docs, "document")), \(Self.plural(records, "record"))"
            + (records > 0 ? ": " + Self.typeCounts(counts) : "")
            + (errors > 0 ? "; <span class=\"error\">\(errors) not read</span>" : "") + "</p>\n"
        if leftOut > 0 {
            let first = shown == 1 ? "the first document is" : "the first \(shown) documents are"
            s += "<p class=\"note\">Only \(first) shown (--limit \(limit)); "
                + "\(leftOut) more, with \(Self.plural(leftOutRecords, "record")), "
                + "\(leftOut == 1 ? "is" : "are") counted above but not shown.</p>\n"
        }
        if cut > 0 {
            s += "<p class=\"note\">\(Self.plural(cut, "text")) cut after \(textLimit) characters, at a line end "
                + "(each says where).</p>\n"
        }
        if contents.count > 1 {
            s += "<details\(contents.count <= 20 ? " open" : "")><summary>Documents</summary>\n<ol>\n"
            for c in contents {
                s += "<li><a href=\"#\(c.id)\">" + HTMLWriter.escape(c.doc) + "</a> "
                s += c.records.map { "(" + Self.plural($0, "record") + ")" }
                    ?? "<span class=\"error\">(not read)</span>"
                s += "</li>\n"
            }
            s += "</ol>\n</details>\n"
        }
        s += "</section>\n</main>\n</div>\n</body>\n</html>\n"
        return Array(s.utf8)
    }

    // MARK: - Pieces

    /// Where the shown text ends: all of it, or the first line end after `textLimit` characters.
    static func cutPoint(_ text: String, total: Int, limit: Int) -> Int {
        guard total > limit else { return total }
        var p = 0
        for u in text.unicodeScalars {
            if p >= limit && u == "\n" { return p }
            p += 1
        }
        return total
    }

    static func countLine(_ c: [RecordType: Int], total: Int) -> String {
        total == 0 ? "no records" : plural(total, "record") + ": " + typeCounts(c)
    }

    static func typeCounts(_ c: [RecordType: Int]) -> String {
        RecordType.allCases.compactMap { t in
            c[t].map { "<span class=\"swatch t-\(t.rawValue)\">\(t.rawValue) \($0)</span>" }
        }.joined(separator: " ")
    }

    /// The attributes of a record's mark: type, offsets, normalized value, and every field in
    /// `title` (a tooltip, one field a line).
    static func markAttributes(_ r: Record) -> [(String, String)] {
        var a: [(String, String)] = [("data-type", r.type.rawValue), ("data-start", String(r.start)),
                                     ("data-end", String(r.end))]
        if let v = value(of: r) { a.append(("data-value", v)) }
        if r.damaged == true { a.append(("data-damaged", "true")) }
        let fields = details(r).map { "\($0.0): \($0.1)" }
        let head = "\(r.type.rawValue) \(r.text)" + (value(of: r).map { " → \($0)" } ?? "")
        a.append(("title", ([head] + fields + ["offsets \(r.start)–\(r.end), line \(r.line)"])
            .joined(separator: "\n")))
        return a
    }

    /// The normalized value in a few characters: `≈315000000 元`, `30000–50000 元`, `XXXX-03-11`,
    /// and for an organization its name.
    static func value(of r: Record) -> String? {
        switch r.type {
        case .quantity, .number:
            guard let v = r.value else { return nil }
            let unit = (r.unit ?? "").isEmpty ? "" : " " + (r.unit ?? "")
            if let low = r.low, let high = r.high { return "\(low)–\(high)\(unit)" }
            return sign(r.qualifier) + v.description + unit
        case .date, .time: return r.timex
        case .organization: return r.name
        case .token: return nil
        }
    }

    static func sign(_ q: Qualifier?) -> String {
        switch q {
        case .approx: return "≈"
        case .over: return ">"
        case .under: return "<"
        case .atLeast: return "≥"
        case .atMost: return "≤"
        case .exact, nil: return ""
        }
    }

    /// The fields beyond the text and the value, as (name, value) in contract order.
    static func details(_ r: Record) -> [(String, String)] {
        var d: [(String, String)] = []
        if let x = r.dimension { d.append(("dimension", x)) }
        if let x = r.qualifier, x != .exact || r.type == .quantity { d.append(("qualifier", x.rawValue)) }
        if let x = r.currency { d.append(("currency", x)) }
        if let x = r.object { d.append(("object", x)) }
        if let x = r.asOf { d.append(("as_of", x)) }
        if let x = r.cumulative { d.append(("cumulative", x ? "true" : "false")) }
        if let x = r.category { d.append(("category", x)) }
        if let x = r.full { d.append(("full", x)) }
        if let x = r.damaged { d.append(("damaged", x ? "true" : "false")) }
        return d
    }

    /// The records of a document under its text, each row linked to its mark.
    static func table(_ list: [Record], id: String) -> String {
        var s = "<details\(list.count <= 500 ? " open" : "")><summary>Records</summary>\n"
        s += "<table>\n<thead><tr><th>#</th><th>type</th><th>text</th><th>value</th><th>fields</th>"
            + "<th>offsets</th><th>line</th></tr></thead>\n<tbody>\n"
        for (k, r) in list.enumerated() {
            s += "<tr><td class=\"num\"><a href=\"#\(id)-r\(k + 1)\">\(k + 1)</a></td>"
            s += "<td><span class=\"swatch t-\(r.type.rawValue)\">\(r.type.rawValue)</span></td><td>"
            HTMLWriter.escape(r.text, into: &s)
            s += "</td><td>"
            HTMLWriter.escape(value(of: r) ?? "", into: &s)
            s += "</td><td>"
            HTMLWriter.escape(details(r).map { "\($0.0) \($0.1)" }.joined(separator: " · "), into: &s)
            s += "</td><td class=\"num\">\(r.start)–\(r.end)</td><td class=\"num\">\(r.line)</td></tr>\n"
        }
        s += "</tbody>\n</table>\n</details>\n"
        return s
    }

    /// Colours by type (light enough for black text), damaged marks outlined in red, and the
    /// values shown after figures and dates while the box is ticked (no script needed).
    static let css = """
    .t-quantity { background: #ffd966; } .t-number { background: #dcdcdc; } .t-date { background: #9fd3ff; }
    .t-time { background: #cdb8ff; } .t-organization { background: #a8e6a1; }
    .t-token { background: transparent; box-shadow: inset -1px 0 #8a8a8a; }
    .swatch.damaged, mark[data-damaged] { outline: 2px dashed #d00000; outline-offset: -1px; }
    .doc { display: flex; flex-direction: column; }
    .doc > h2 { order: -2; } .doc > .counts { order: -1; }
    .toggle { position: absolute; left: -100vw; }
    label { text-decoration: underline dotted; cursor: pointer; }
    #show-values:checked ~ .page label::before { content: "☑ "; }
    #show-values:not(:checked) ~ .page label::before { content: "☐ "; }
    #show-values:checked ~ .page .text mark[id]:not(.t-organization)::after {
      content: attr(data-value); font-size: .72em; color: #4a4a4a; margin-left: .3em; }

    """
}
