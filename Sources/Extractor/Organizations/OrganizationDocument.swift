/// The document pass: a name found once is found at its later mentions in the same
/// document, and its short forms (中信证券股份有限公司 → 中信证券, 浙江大学 → 浙大) are found
/// and linked to it (`Found.full`).
///
/// The pass reads forward only: a mention is taken when the name (or the full name it
/// abbreviates) was found before it. So a document read in pieces gives the same names
/// as read whole: the names of the earlier pieces are carried in this value, which
/// `Extractor.DocumentState` holds.
///
///     var names = OrganizationDocument()
///     names.pass(found, in: SourceText("浙江大学发布……浙大将……"))
///     // + 浙大 (full 浙江大学), and any later 浙江大学
@_spi(Training) public struct OrganizationDocument: Sendable {
    /// A name the document has shown: the full name it abbreviates (nil: it is one),
    /// its category, and where it was first found in the piece being read (-1: an earlier piece).
    struct Entry: Sendable {
        var full: String?
        var category: String
        var from: Int
    }

    /// The names of the pieces read so far, by their text.
    private(set) var known: [String: Entry] = [:]
    /// Take a name at any mention, before it was first found too (for measuring only:
    /// a document read in pieces then differs from the whole).
    public var lookBack = false

    public init() {}

    /// The pass on bare spans (cleaned offsets, in order), for measuring: the spans after
    /// the pass, each with the full name it abbreviates.
    public mutating func pass(spans: [(start: Int, end: Int)], in source: SourceText)
        -> [(start: Int, end: Int, full: String?)] {
        pass(spans.map { .init(start: $0.start, end: $0.end, category: "other") }, in: source)
            .map { (start: $0.start, end: $0.end, full: $0.full) }
    }

    /// Names no shorter than this are looked for at their other mentions.
    static let shortest = 2

    /// `found` (cleaned offsets, in order) with the later mentions of their names and short
    /// forms added and every short form's `full` set. Remembers the names for later pieces.
    mutating func pass(_ found: [OrganizationRecognizer.Found], in source: SourceText)
        -> [OrganizationRecognizer.Found] {
        source.withScalars { b in pass(found, b) }
    }

    mutating func pass(_ found: [OrganizationRecognizer.Found], _ b: UnsafeBufferPointer<Unicode.Scalar>)
        -> [OrganizationRecognizer.Found] {
        var names = known
        for f in found where f.end - f.start >= Self.shortest {
            let from = lookBack ? -1 : f.start
            let text = String(String.UnicodeScalarView(b[f.start ..< f.end]))
            if names[text] == nil { names[text] = Entry(full: nil, category: f.category, from: from) }
            // A short form is linked to the first full name found that it abbreviates.
            let full = names[text]?.full ?? text
            for s in Self.shortForms(of: b[f.start ..< f.end]) where names[s] == nil {
                names[s] = Entry(full: full, category: f.category, from: from)
            }
        }
        defer {
            known = names
            for (k, e) in names where e.from >= 0 { known[k]?.from = -1 }
        }
        guard !names.isEmpty else { return found }
        let table = NameTable(names.keys)
        var out: [OrganizationRecognizer.Found] = []
        out.reserveCapacity(found.count * 2)
        var k = 0, i = 0
        let n = b.count
        while i < n {
            if k < found.count && found[k].start <= i {
                var f = found[k]
                if f.end - f.start >= Self.shortest {
                    let text = String(String.UnicodeScalarView(b[f.start ..< f.end]))
                    if let e = names[text], e.full != nil, e.from < f.start { f.full = e.full }
                }
                out.append(f)
                i = max(i, f.end)
                k += 1
                continue
            }
            guard table.mayStart(b[i]) else { i += 1; continue }
            // The longest name taken here that stops before the next found name.
            var best: (length: Int, entry: Entry)? = nil
            table.longestFirst(b, at: i, limit: k < found.count ? found[k].start : n) { length, name in
                guard let e = names[name], e.from < i else { return false }
                best = (length, e)
                return true
            }
            if let (length, e) = best {
                out.append(.init(start: i, end: i + length, category: e.category, full: e.full))
                i += length
            } else {
                i += 1
            }
        }
        return out
    }

    /// The short forms a document may use for a name: without its legal form (中信证券股份
    /// 有限公司 → 中信证券, and 集团 or 控股 before it), a listed company's short name (深圳市
    /// 全新好股份有限公司 → 全新好), and a university's (浙江大学 → 浙大; 清华大学 → 清华, 清大
    /// when 清华 is not a place; 北京师范大学 → 北师大).
    static func shortForms(of name: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> [String] {
        let s = Array(name)
        var out: [String] = []
        func add(_ x: [Unicode.Scalar]) {
            guard x.count >= Self.shortest, x.count < s.count else { return }
            out.append(String(String.UnicodeScalarView(x)))
        }
        for legal in OrganizationDocumentTable.legalForms where s.count > legal.count + 1 && s.hasSuffix(legal) {
            var stem = Array(s.dropLast(legal.count))
            add(stem)
            for group in OrganizationDocumentTable.groupWords where stem.count > group.count + 1
                && stem.hasSuffix(group) {
                stem.removeLast(group.count)
                add(stem)
                break
            }
            break
        }
        if s.hasSuffix(OrganizationDocumentTable.company), let listed = ListedShortNames.shared.short(of: s) {
            add(listed)
        }
        if s.hasSuffix(OrganizationDocumentTable.university) {
            let stem = Array(s.dropLast(OrganizationDocumentTable.university.count))
            if stem.count == 2 {
                add([stem[0], "大"])
                if !OrganizationDocumentTable.isPlace(stem) { add(stem) }
            } else if stem.count == 4 && stem.hasSuffix(OrganizationDocumentTable.normal) {
                add([stem[0], "师", "大"])
                add([stem[0], stem[1], "师", "大"])
            }
        }
        return out
    }
}

/// The names of one document, looked up at a position: a 4096-bit filter of first
/// characters rejects most positions with one load, then the names of that first character
/// are tried longest first. (A document's table lives as long as its pass: `PhraseTable`
/// and `ScalarSet` are for tables that live as long as the program.)
struct NameTable {
    private var filter = [UInt64](repeating: 0, count: 64)
    private var byFirst: [UInt32: [[Unicode.Scalar]]] = [:]

    init<S: Sequence>(_ names: S) where S.Element == String {
        for name in names {
            let s = Array(name.unicodeScalars)
            guard let f = s.first?.value else { continue }
            filter[Int(f & 4095) >> 6] |= 1 << UInt64(f & 63)
            byFirst[f, default: []].append(s)
        }
        for key in byFirst.keys {
            // Longest first; names of one length never match at the same place twice.
            byFirst[key]?.sort { $0.count > $1.count }
        }
    }

    @inline(__always) func mayStart(_ c: Unicode.Scalar) -> Bool {
        filter[Int(c.value & 4095) >> 6] & (1 << UInt64(c.value & 63)) != 0
    }

    /// Offers the names at `i` that end by `limit`, longest first, until `take` returns true.
    func longestFirst(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, limit: Int,
                      _ take: (Int, String) -> Bool) {
        guard let candidates = byFirst[b[i].value] else { return }
        for s in candidates where i + s.count <= limit && b[i ..< i + s.count].elementsEqual(s) {
            if take(s.count, String(String.UnicodeScalarView(s))) { return }
        }
    }
}

/// The words the document pass strips to make short forms.
enum OrganizationDocumentTable {
    /// Legal forms of companies, longest first: 中信证券股份有限公司 → 中信证券.
    static let legalForms: [[Unicode.Scalar]] = ["股份有限公司", "有限责任公司", "有限公司", "股份公司"].map(scalars)
    /// Words of a group before its legal form: 阿里巴巴集团控股有限公司 → 阿里巴巴集团控股 → 阿里巴巴.
    static let groupWords: [[Unicode.Scalar]] = ["集团控股", "控股集团", "（集团）", "(集团)", "集团", "控股"]
        .map(scalars)
    static let university = scalars("大学")
    static let company = scalars("公司")
    /// 北京师范大学 → 北师大.
    static let normal = scalars("师范")

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    /// Is the whole of `s` a place name (浙江, 北京: their universities are 浙大 and 北大, not 浙江)?
    static func isPlace(_ s: [Unicode.Scalar]) -> Bool {
        s.withUnsafeBufferPointer { b in OrganizationLexicon.shared.places.longest(b, at: 0)?.0 == s.count }
    }
}

/// `ListedCompanyTable` by full name, read on first use (a document naming a company).
final class ListedShortNames: Sendable {
    static let shared = ListedShortNames()
    let table: [String: String]

    init() {
        var t: [String: String] = [:]
        for line in ListedCompanyTable.pairs.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            var k = 0
            while k + 1 < words.count {
                t[String(words[k])] = String(words[k + 1])
                k += 2
            }
        }
        table = t
    }

    /// The short name of a listed company's full name; brackets full-width or not.
    func short(of name: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let folded = name.map { c -> Unicode.Scalar in c == "（" ? "(" : c == "）" ? ")" : c }
        return table[String(String.UnicodeScalarView(folded))].map { Array($0.unicodeScalars) }
    }
}

extension Array where Element == Unicode.Scalar {
    func hasSuffix(_ suffix: [Unicode.Scalar]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
