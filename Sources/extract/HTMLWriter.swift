import Extractor

/// The pieces both HTML pages are made of (the review page of `--format html`, the verify
/// page of `extract verify --format html`): escaping, a text with marked spans, the style
/// sheet. Everything that comes from the input (texts, document names, values) goes through
/// `escape`; only the tags written here are markup.
enum HTMLWriter {
    /// Text and attribute values as HTML: `&`, `<`, `>`, `"` and `'` as references, and the C0
    /// control characters (but tab and line breaks) as their control pictures (U+0007 → ␇), so
    /// that each input character stays one character and nothing in it is markup.
    static func escape(_ s: String, into out: inout String) {
        for u in s.unicodeScalars { escape(u, into: &out) }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        escape(s, into: &out)
        return out
    }

    @inline(__always) static func escape(_ u: Unicode.Scalar, into out: inout String) {
        switch u {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n", "\r": out.unicodeScalars.append(u)
        case "\u{7F}": out += "␡"
        default:
            if u.value < 0x20, let picture = Unicode.Scalar(u.value + 0x2400) {
                out.unicodeScalars.append(picture)   // ␀ … ␟
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }

    /// `name="value"` pairs, the values escaped.
    static func attributes(_ pairs: [(String, String)]) -> String {
        var out = ""
        for (name, value) in pairs {
            out += " \(name)=\""
            escape(value, into: &out)
            out += "\""
        }
        return out
    }

    /// A span of text to mark: original offsets in Unicode scalars, end exclusive, and the
    /// mark's attributes. The first piece of a mark gets `id`; a mark that has to be cut in
    /// two (it crosses the end of another) goes on as a piece of class `cont` without it.
    struct Span {
        var start: Int
        var end: Int
        var id: String
        var cssClass: String
        var attributes: [(String, String)]
    }

    /// The scalars `0..<limit` of `text` with every span as a `<mark>`. Spans that hold one
    /// another nest (the longer outside); a span that crosses the end of another is cut there
    /// and goes on as a second piece, so the marks always nest as HTML requires. Spans that
    /// start at or after `limit` are left out, and spans that run past it are cut at it.
    static func markedText(_ text: String, spans: [Span], limit: Int = Int.max, into out: inout String) {
        let order = spans.indices.filter { spans[$0].end > spans[$0].start && spans[$0].start < limit }
            .sorted { (a, b) in
                let x = spans[a], y = spans[b]
                return x.start != y.start ? x.start < y.start : (x.end != y.end ? x.end > y.end : a < b)
            }
        var next = 0
        var open: [Int] = []               // indices into spans, outermost first
        var started = Set<Int>()
        func openMark(_ k: Int) {
            let s = spans[k]
            let first = started.insert(k).inserted
            out += "<mark class=\"\(s.cssClass)\(first ? "" : " cont")\""
            if first { out += " id=\"" + escape(s.id) + "\"" }
            out += attributes(s.attributes) + ">"
            open.append(k)
        }
        var p = 0
        func step() {
            // Close the marks that end here; marks closed only to keep the nesting reopen.
            if open.contains(where: { spans[$0].end <= p }) {
                var reopen: [Int] = []
                while let k = open.last, open.contains(where: { spans[$0].end <= p }) {
                    open.removeLast()
                    out += "</mark>"
                    if spans[k].end > p { reopen.append(k) }
                }
                for k in reopen.reversed() { openMark(k) }
            }
            var starting: [Int] = []
            while next < order.count, spans[order[next]].start == p { starting.append(order[next]); next += 1 }
            // A mark that starts here but outlasts an open one cannot nest inside it: close and
            // reopen the shorter open marks inside the new one.
            if let longest = starting.first, let k = open.firstIndex(where: { spans[$0].end < spans[longest].end }) {
                let inner = Array(open[k...])
                for _ in inner { out += "</mark>" }
                open.removeSubrange(k...)
                for j in starting { openMark(j) }
                for j in inner { openMark(j) }
            } else {
                for j in starting { openMark(j) }
            }
        }
        for u in text.unicodeScalars {
            if p >= limit { break }
            step()
            escape(u, into: &out)
            p += 1
        }
        for _ in open { out += "</mark>" }
    }

    /// The document head and the style sheet shared by both pages; `css` adds the page's own rules.
    static func head(title: String, css: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="extract \(CommandLineTool.version)">
        <title>\(escape(title))</title>
        <style>
        \(baseCSS)\(css)</style>
        </head>

        """
    }

    static let baseCSS = """
    body { margin: 0; font: 15px/1.6 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
      color: #1d1d1f; background: #fafafa; }
    .page { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
    header { padding: 1rem 0 .5rem; border-bottom: 1px solid #ddd; }
    h1 { font-size: 1.3rem; margin: 0 0 .4rem; }
    h2 { font-size: 1.1rem; margin: 0; word-break: break-all; }
    main { display: flex; flex-direction: column; gap: 1.25rem; padding-top: 1rem; }
    section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .9rem 1.1rem; }
    .summary { order: -1; }
    .counts, .note { margin: .3rem 0; color: #555; font-size: .9rem; }
    .note { color: #8a4b00; }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05rem; line-height: 1.85;
      margin: .6rem 0; padding: .6rem .8rem; background: #fcfcfc; border-left: 3px solid #ccc; }
    mark { color: inherit; border-radius: 3px; padding: 1px 1px; }
    mark mark { box-shadow: inset 0 -3px 0 rgba(0, 0, 0, .45); }
    mark.cont { border-top-left-radius: 0; border-bottom-left-radius: 0; }
    .swatch { display: inline-block; padding: 0 .45rem; border-radius: 3px; margin-right: .3rem; }
    table { border-collapse: collapse; width: 100%; font-size: .88rem; margin-top: .4rem; }
    th, td { border-bottom: 1px solid #e6e6e6; padding: .2rem .45rem; text-align: left; vertical-align: top; }
    th { background: #f3f3f3; font-weight: 600; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    details > summary { cursor: pointer; color: #444; }
    .error { color: #b00020; }

    """
}
