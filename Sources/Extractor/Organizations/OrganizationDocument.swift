/// The document pass: a name found once is found at its later mentions in the same
/// document, and its short forms (中信证券股份有限公司 → 中信证券, 浙江大学 → 浙大) are found
/// and linked to it (`Found.full`).
///
/// The pass reads forward only: a mention is taken when the name (or the full name it
/// abbreviates) was found before it, and mentioned (found or taken) within the last
/// `reach` characters. So a document read in pieces gives the same names as read whole:
/// the names of the earlier pieces are carried in this value, which
/// `Extractor.DocumentState` holds, and names that fell out of reach are dropped, so an
/// archive read as one long document carries only the names of its last articles.
///
///     var names = OrganizationDocument()
///     names.pass(found, in: SourceText("浙江大学发布……浙大将……"), at: 0)
///     // + 浙大 (full 浙江大学), and any later 浙江大学
@_spi(Training) public struct OrganizationDocument: Sendable {
    /// A name the document has shown (by its number in `names`): the full name it
    /// abbreviates, as the document wrote it (nil: it is one), its category, and its family:
    /// the name whose mentions keep it in reach (the full name, or itself).
    struct Entry: Sendable {
        var fullText: String?
        var category: String
        var family: Int
    }

    /// The names met so far, numbered (strings are hashed by their scalars, not as
    /// `String`s: Swift hashes non-ASCII strings through normalization, far slower), with
    /// traditional characters folded: 浙江大學 and 浙江大学 are one name, and 臺大 its short form.
    private var names = NameIndex()
    /// The names in reach at the end of the pieces read so far, by number (nil: not in reach),
    /// and how many there are. (Arrays by number, not dictionaries: hashing every look-up
    /// cost a fifth of the pass.)
    private var known: [Entry?] = []
    private var knownCount = 0
    /// For each family (by number), the document offset (original scalars) after its last
    /// mention; -1: none.
    private var lastSeen: [Int] = []

    public init() {}

    /// How many names the document holds (those in reach, and some out of it).
    var nameCount: Int { names.count }

    /// The pass on bare spans (cleaned offsets, in order), for measuring: the spans after
    /// the pass, each with the full name it abbreviates.
    public mutating func pass(spans: [(start: Int, end: Int)], in source: SourceText)
        -> [(start: Int, end: Int, full: String?)] {
        pass(spans.map { .init(start: $0.start, end: $0.end, category: "other") }, in: source,
             folded: source.foldingTraditional(), at: 0)
            .map { (start: $0.start, end: $0.end, full: $0.full) }
    }

    /// Names no shorter than this are looked for at their other mentions.
    static let shortest = 2
    /// A name is looked for this many characters after its family's last mention (a long
    /// report; a bulletin is a few thousand).
    static let reach = 20_000

    /// `found` (cleaned offsets, in order) with the later mentions of their names and short
    /// forms added and every short form's `full` set (as the document wrote the full name);
    /// names are compared in `folded`, the source with traditional characters folded
    /// (`SourceText.foldingTraditional`); `base` is where the piece starts in its document
    /// (original scalars). Remembers the names in reach for later pieces.
    ///
    /// One forward walk, the same whether the document comes whole or in pieces: a found name
    /// out of reach (or new) is registered afresh with its short forms; one in reach keeps
    /// its family in reach and gets the family's full name; elsewhere, the longest name in
    /// reach is taken.
    mutating func pass(_ found: [OrganizationRecognizer.Found], in source: SourceText, folded: SourceText,
                       at base: Int) -> [OrganizationRecognizer.Found] {
        defer { forget(before: base + source.originalCount - Self.reach) }
        guard !found.isEmpty || knownCount > 0 else { return found }
        return folded.withScalars { b in
            source.withScalars { written in pass(found, b, written: written, source: source, base: base) }
        }
    }

    private mutating func pass(_ found: [OrganizationRecognizer.Found], _ b: UnsafeBufferPointer<Unicode.Scalar>,
                               written: UnsafeBufferPointer<Unicode.Scalar>,
                               source: SourceText, base: Int) -> [OrganizationRecognizer.Found] {
        // Every name the walk may take: those carried, those found, and their short forms.
        var ids = [Int](repeating: -1, count: found.count)
        // The short forms of each found name (by number: 1 + its index in `formLists`; 0: not yet).
        var formOf: [Int32] = [], formLists: [[Int]] = []
        for (k, f) in found.enumerated() where f.end - f.start >= Self.shortest {
            let id = names.id(b[f.start ..< f.end])
            ids[k] = id
            if id >= formOf.count { formOf += repeatElement(0, count: names.count - formOf.count) }
            if formOf[id] == 0 {
                formLists.append(Self.shortForms(of: b[f.start ..< f.end]).map { names.id($0[...]) })
                formOf[id] = Int32(formLists.count)
            }
        }
        grow()
        @inline(__always) func forms(_ id: Int) -> [Int] {
            id < formOf.count && formOf[id] > 0 ? formLists[Int(formOf[id]) - 1] : []
        }
        var candidate = known.map { $0 != nil }
        var any = knownCount > 0
        for id in formOf.indices where formOf[id] > 0 {
            candidate[id] = true; any = true
            for s in formLists[Int(formOf[id]) - 1] { candidate[s] = true }
        }
        guard any else { return found }
        let table = PhraseTable(scalarValues: candidate.indices.filter { candidate[$0] }
            .map { (names.scalars[$0], UInt32($0 + 1)) })
        var out: [OrganizationRecognizer.Found] = []
        out.reserveCapacity(found.count * 2)
        var k = 0, i = 0, hint = 0
        let n = b.count
        while i < n {
            if k < found.count && found[k].start <= i {
                var f = found[k]
                let id = ids[k]
                if id >= 0 {
                    let span = source.originalSpan(f.start, f.end, hint: &hint)
                    let at = base + span.start
                    if let e = known[id], live(e, at: at) {
                        if let t = e.fullText { f.full = t }
                        lastSeen[e.family] = base + span.end
                    } else {
                        // New, or out of reach: a name of its own again, with its short forms.
                        set(id, Entry(fullText: nil, category: f.category, family: id))
                        let short = forms(id)
                        let text = short.isEmpty ? nil : Self.string(written[f.start ..< f.end])
                        for s in short where !(known[s].map { live($0, at: at) } ?? false) {
                            set(s, Entry(fullText: text, category: f.category, family: id))
                        }
                        lastSeen[id] = base + span.end
                    }
                }
                out.append(f)
                i = max(i, f.end)
                k += 1
                continue
            }
            guard table.mayStart(b, at: i) else { i += 1; continue }
            // The longest name in reach here that stops before the next found name.
            let limit = (k < found.count ? found[k].start : n) - i
            var best: (length: Int, entry: Entry)? = nil
            var at: Int? = nil
            table.values(b, at: i) { length, value in
                guard length <= limit, let e = known[Int(value) - 1] else { return }
                let offset = at ?? base + source.originalOffset(i, hint: &hint)
                at = offset
                if live(e, at: offset) { best = (length, e) }
            }
            if let (length, e) = best {
                out.append(.init(start: i, end: i + length, category: e.category,
                                 full: e.fullText))
                lastSeen[e.family] = base + source.originalSpan(i, i + length, hint: &hint).end
                i += length
            } else {
                i += 1
            }
        }
        return out
    }

    /// The scalars as a String, through UTF-8 (a UnicodeScalarView appended one scalar at a
    /// time cost 26,000 instructions a name).
    static func string(_ scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count * 3)
        for c in scalars { UTF8.encode(c) { utf8.append($0) } }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Room in `known` and `lastSeen` for every name numbered so far.
    private mutating func grow() {
        let more = names.count - known.count
        guard more > 0 else { return }
        known += repeatElement(nil, count: more)
        lastSeen += repeatElement(-1, count: more)
    }

    private mutating func set(_ id: Int, _ e: Entry) {
        if known[id] == nil { knownCount += 1 }
        known[id] = e
    }

    /// Was the name's family mentioned within `reach` before `at` (document offset)?
    private func live(_ e: Entry, at: Int) -> Bool {
        let last = lastSeen[e.family]
        return last >= 0 && at - last <= Self.reach
    }

    /// Drops the names whose families were last mentioned before `offset`: out of reach for
    /// every later piece, as they would be read whole.
    private mutating func forget(before offset: Int) {
        guard offset > 0 else { return }
        let gone = -2
        var any = false
        for f in lastSeen.indices where lastSeen[f] >= 0 && lastSeen[f] < offset { lastSeen[f] = gone; any = true }
        guard any else { return }
        for id in known.indices {
            if let e = known[id], lastSeen[e.family] == gone { known[id] = nil; knownCount -= 1 }
        }
        for f in lastSeen.indices where lastSeen[f] == gone { lastSeen[f] = -1 }
        if names.count > 4096 && names.count > 4 * knownCount { compact() }
    }

    /// Renumbers the names still known, so that a long archive holds only its last articles'.
    private mutating func compact() {
        var index = NameIndex()
        var renumbered = [Int](repeating: -1, count: names.count)
        func id(_ old: Int) -> Int {
            if renumbered[old] >= 0 { return renumbered[old] }
            let new = index.id(names.scalars[old])
            renumbered[old] = new
            return new
        }
        var entries: [(Int, Entry)] = [], seen: [(Int, Int)] = []
        for old in known.indices {
            guard let e = known[old] else { continue }
            let new = id(old)
            entries.append((new, Entry(fullText: e.fullText, category: e.category, family: id(e.family))))
        }
        for family in lastSeen.indices where lastSeen[family] >= 0 { seen.append((id(family), lastSeen[family])) }
        names = index
        known = Array(repeating: nil, count: index.count)
        lastSeen = Array(repeating: -1, count: index.count)
        for (k, e) in entries { known[k] = e }
        for (f, offset) in seen { lastSeen[f] = offset }
        knownCount = entries.count
    }

    /// The short forms a document may use for a name: without its legal form (中信证券股份
    /// 有限公司 → 中信证券, and 集团 or 控股 before it), a listed company's short name (深圳市
    /// 全新好股份有限公司 → 全新好), and a university's (浙江大学 → 浙大; 清华大学 → 清华, 清大
    /// when 清华 is not a place; 北京师范大学 → 北师大).
    static func shortForms(of name: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> [[Unicode.Scalar]] {
        let s = Array(name)
        var out: [[Unicode.Scalar]] = []
        func add(_ x: [Unicode.Scalar]) {
            guard x.count >= Self.shortest, x.count < s.count else { return }
            out.append(x)
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

/// Names numbered by their scalars: the same scalars, the same number. An open-addressing
/// table of numbers keyed by a hash of the scalars (a Dictionary hashed each key again).
struct NameIndex: Sendable {
    private(set) var scalars: [[Unicode.Scalar]] = []
    private var hashes: [UInt64] = []
    /// A name's number at its hash's slot, or the next free one; -1: free.
    private var slots = [Int32](repeating: -1, count: 64)

    mutating func id<C: Collection>(_ name: C) -> Int where C.Element == Unicode.Scalar {
        var h = FeatureHash.start(0x4E41_4D45)   // "NAME"
        for c in name { h = FeatureHash.add(h, c.value) }
        h = FeatureHash.finish(h)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == h && scalars[id].elementsEqual(name) { return id }
            slot = (slot + 1) & mask
        }
        let id = scalars.count
        scalars.append(Array(name))
        hashes.append(h)
        slots[slot] = Int32(id)
        if scalars.count * 2 > slots.count { rehash() }
        return id
    }

    /// Twice the slots, every number placed again.
    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    var count: Int { scalars.count }
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

/// `ListedCompanyTable` by full name, read on first use (a document naming a company);
/// keyed by a hash of the scalars, as `NameIndex` is.
final class ListedShortNames: Sendable {
    static let shared = ListedShortNames()
    private let table: [UInt64: [(full: [Unicode.Scalar], short: [Unicode.Scalar])]]

    init() {
        var t: [UInt64: [(full: [Unicode.Scalar], short: [Unicode.Scalar])]] = [:]
        let words = WordLists.words(ListedCompanyTable.pairs)
        var k = 0
        while k + 1 < words.count {
            t[ListedShortNames.key(words[k]), default: []].append((words[k], words[k + 1]))
            k += 2
        }
        table = t
    }

    /// Brackets read half-width, as the table writes them.
    static func folded(_ c: Unicode.Scalar) -> Unicode.Scalar { c == "（" ? "(" : c == "）" ? ")" : c }

    static func key(_ name: [Unicode.Scalar]) -> UInt64 {
        var h = FeatureHash.start(0x4C49_5354)   // "LIST"
        for c in name { h = FeatureHash.add(h, folded(c).value) }
        return h
    }

    /// The short name of a listed company's full name; brackets full-width or not.
    func short(of name: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let folded = name.map(ListedShortNames.folded)
        return table[ListedShortNames.key(name)]?.first { $0.full == folded }?.short
    }
}

extension Array where Element == Unicode.Scalar {
    func hasSuffix(_ suffix: [Unicode.Scalar]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
