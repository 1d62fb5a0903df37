/// The visible text of an HTML page, for extraction: no script, style or head;
/// entities decoded (&nbsp; &#53; &amp;); block elements become line breaks.
/// Offsets of records then refer to this text (`--emit-text DIR` writes it out).
///
///     HTMLText.extract("<p>捐款&nbsp;15 万元</p><script>x=1</script>") == "捐款 15 万元\n"
enum HTMLText {
    static let blocks: Set<String> = ["p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                                      "table", "ul", "ol", "section", "article", "header", "footer", "blockquote",
                                      "pre", "hr", "dd", "dt", "dl", "title", "body", "html", "nav", "aside", "form"]
    static let hidden: Set<String> = ["script", "style", "head", "noscript", "template", "svg"]
    static let entities: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ensp": " ", "emsp": " ",
        "mdash": "—", "ndash": "–", "hellip": "…", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "middot": "·", "times": "×", "divide": "÷", "yen": "¥", "copy": "©", "reg": "®", "deg": "°",
        "permil": "‰", "bull": "•",
    ]

    static func extract(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        let n = s.count
        var out = String.UnicodeScalarView()
        var i = 0
        var hiddenDepth: String? = nil
        func lowerName(_ a: Int) -> (String, Int) {
            var k = a, name = ""
            while k < n, s[k].properties.isAlphabetic || ("0"..."9").contains(s[k]) {
                name.unicodeScalars.append(s[k]); k += 1
            }
            return (name.lowercased(), k)
        }
        while i < n {
            let c = s[i]
            if c == "<" {
                // Comments and declarations
                if i + 3 < n, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                    var k = i + 4
                    while k + 2 < n && !(s[k] == "-" && s[k + 1] == "-" && s[k + 2] == ">") { k += 1 }
                    i = min(n, k + 3); continue
                }
                let closing = i + 1 < n && s[i + 1] == "/"
                let (name, _) = lowerName(i + (closing ? 2 : 1))
                var k = i + 1
                var quote: Unicode.Scalar? = nil
                while k < n {
                    if let q = quote { if s[k] == q { quote = nil } }
                    else if s[k] == "\"" || s[k] == "'" { quote = s[k] }
                    else if s[k] == ">" { break }
                    k += 1
                }
                i = min(n, k + 1)
                if let h = hiddenDepth {
                    if closing && name == h { hiddenDepth = nil }
                    continue
                }
                if !closing && hidden.contains(name) { hiddenDepth = name; continue }
                if blocks.contains(name), out.last != "\n" { out.append("\n") }
                continue
            }
            if hiddenDepth != nil { i += 1; continue }
            if c == "&" {
                var k = i + 1
                while k < n && k - i < 12 && s[k] != ";" && s[k] != "&" && s[k] != "<" && s[k] != " " { k += 1 }
                if k < n, s[k] == ";" {
                    let body = String(String.UnicodeScalarView(s[(i + 1)..<k]))
                    var decoded: String? = entities[body]
                    if body.hasPrefix("#x") || body.hasPrefix("#X"), let v = UInt32(body.dropFirst(2), radix: 16),
                       let u = Unicode.Scalar(v) { decoded = String(u) }
                    else if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) {
                        decoded = String(u)
                    }
                    if let d = decoded { out.append(contentsOf: d.unicodeScalars); i = k + 1; continue }
                }
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
