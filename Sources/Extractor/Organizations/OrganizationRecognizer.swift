import Normalizer

/// Finds organization names: a head word (局, 协会, 有限公司, 党委…) and the name
/// before it, found by a left-boundary model; sub-units after it (联谊会党委,
/// 街道营商办) and 附属 join one name; a curated list covers bodies without a head
/// word (新华社, 联合国).
///
///     "深圳市医学会党支部联合深圳市医师协会等向深圳市第三人民医院"
///     → 深圳市医学会党支部, 深圳市医师协会, 深圳市第三人民医院
struct OrganizationRecognizer {
    let source: SourceText
    let lex = OrganizationLexicon.shared

    struct Found {
        var start: Int
        var end: Int
        var category: String
        /// The full name this one abbreviates (see `OrganizationDocument`).
        var full: String? = nil
    }

    func run() -> [Found] {
        var out: [Found] = []
        source.withScalars { b in
            let n = b.count
            var i = 0
            var lastEnd = 0
            var inTitle = false              // inside 《…》, or a 《 left open, up to the line's end
            var pendingStart: Int? = nil
            var firstHead: Int? = nil        // the first head of a name with several (中心小学)
            while i < n {
                let c = b[i]
                if c == "《" { inTitle = true } else if c == "》" || c == "\n" { inTitle = false }
                if inTitle || !lex.firsts.contains(c) { i += 1; continue }
                // Neither a known name nor a head word can start here (most positions): both
                // matchers' tests combined without branches, then one branch. (Asked before the
                // first-character test, their bitmaps cost more cache misses than it saved.)
                if lex.heads.mayStartBit(b, at: i) | lex.known.mayStartBit(b, at: i) == 0 { i += 1; continue }
                if pendingStart == nil, let (len, cat) = lex.known.longest(b, at: i) {
                    var e = i + len
                    // 微软公司, 联想集团: a head word right after a known name belongs to it.
                    var category = cat
                    if let (hl, hc, _) = lex.heads.entry(b, at: e), hl >= 2, lex.subunits.longest(b, at: e) == nil {
                        e += hl; category = hc                                     // 复旦大学, 微软公司
                    }
                    // 美国国务院, 中国足协: a country or place right before a known name belongs to it.
                    var s = i
                    if let p = placeEnding(b, at: i, notBefore: lastEnd) { s = p }
                    // 国家统计局四川调查总队: a unit named after a known body.
                    if lex.subunits.longest(b, at: e) == nil, continuesToAnotherHead(b, from: e) {
                        pendingStart = s
                        firstHead = e
                        i = e
                        continue
                    }
                    e = extendRight(b, from: e)
                    out.append(Found(start: s, end: e, category: category))
                    lastEnd = e; i = e
                    continue
                }
                guard let (len, cat, id) = lex.heads.entry(b, at: i), acceptHead(b, at: i, id: id) else {
                    i += 1; continue
                }
                let info = lex.headInfo[id]
                let headEnd = i + len
                let s = pendingStart ?? leftBoundary(b, head: i, limit: lastEnd)
                // A head followed by more name and another head is a modifier (酒店用品行业协会).
                if lex.subunits.longest(b, at: headEnd) == nil, !info.location,
                   !(i > s && madeOfGenericModifiers(b, s, i)), continuesToAnotherHead(b, from: headEnd) {
                    pendingStart = s
                    if firstHead == nil { firstHead = i }
                    i = headEnd
                    continue
                }
                let bodyEnd = firstHead ?? i
                pendingStart = nil
                firstHead = nil
                let e = extendRight(b, from: headEnd)
                if valid(b, start: s, head: i, bodyEnd: bodyEnd, headEnd: headEnd, end: e, info: info) {
                    let category = e > headEnd ? subunitCategory(b, end: e, fallback: cat) : cat
                    out.append(Found(start: s, end: e, category: category))
                    lastEnd = e
                } else if i > s && madeOfGenericModifiers(b, s, i) {
                    lastEnd = e        // 控股子公司 | 东海国际集装箱码头有限公司: a generic name still ends there
                }
                i = e
            }
        }
        return out
    }

    /// Single-character and ambiguous head words checked against their neighbours (部分, 格局).
    func acceptHead(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, id: Int) -> Bool {
        let info = lex.headInfo[id]
        if let after = info.after, i + info.length < b.count, after.contains(b[i + info.length]) { return false }
        if let before = info.before, i > 0, before.contains(b[i - 1]) { return false }
        return true
    }

    /// Walks left from the head over name characters to a stop, the previous name, or 16
    /// characters; trims leading verbs and generic words; starts at the first place name.
    func leftBoundary(_ b: UnsafeBufferPointer<Unicode.Scalar>, head i: Int, limit lastEnd: Int) -> Int {
        let floor = max(lastEnd, i - 16)
        var s = i
        while s > floor {
            let p = b[s - 1]
            if p == ")" || p == "）" {                               // (湖南): a bracketed part of the name
                var k = s - 2
                while k > floor && k > s - 8 && b[k] != "(" && b[k] != "（" { k -= 1 }
                if k > floor, b[k] == "(" || b[k] == "（" { s = k; continue }
                break
            }
            // 和 and 有 end a name, but not in 共和国 or 有限公司 (checked before the stop set).
            if p == "和" && s >= 2 && b[s - 2] == "共" { s -= 1; continue }
            if p == "对" && s < i && b[s] == "外" { s -= 1; continue }             // 对外贸易…
            if lex.stops.contains(p) || p.isASCIIDigit { break }
            s -= 1
        }
        // Cut after the last verb inside (海普洛斯成立未来医学检验实验室 → 未来医学检验实验室).
        var k = i - 1
        while k >= s {
            if let len = lex.cutWords.longestEnding(b, at: k + 1, notBefore: s) { s = k + 1; _ = len; break }
            k -= 1
        }
        // ——记江南师范大学…: a feature's subtitle ("a profile of"), not part of the name.
        if s < i - 1, b[s] == "记", s > 0, b[s - 1] == "—" || b[s - 1] == "-" { s += 1 }
        // Trim leading verbs and generic words (组织, 会员企业, 配合).
        var trimmed = true
        while trimmed && s < i {
            trimmed = false
            if let (len, _) = lex.leadingWords.longest(b, at: s), s + len <= i { s += len; trimmed = true }
        }
        // A place name unknown to the table but shaped like one at the very start
        // (南湖市浙江商会): two characters and 市/县/区/省/州/镇/乡.
        if i - s >= 4, b[s].isHan, b[s + 1].isHan, "市县区省州镇乡".unicodeScalars.contains(b[s + 2]),
           lex.leadingWords.longest(b, at: s) == nil { return s }
        // Start at the first place name, if one stands inside (抗疫深圳市… → 深圳市…).
        var p = s
        while p < i {
            if lex.placeFirsts.contains(b[p]), let (len, _) = lex.places.longest(b, at: p), p + len <= i {
                return p
            }
            p += 1
        }
        return s
    }

    /// Sub-units right after a name (党委, 党支部, 营商办, 社区卫生服务中心), possibly with a
    /// short name between (街道 社区卫生服务中心), and 附属 joining a second organization.
    func extendRight(_ b: UnsafeBufferPointer<Unicode.Scalar>, from e0: Int) -> Int {
        let n = b.count
        var e = e0
        var guardSteps = 0
        while e < n && guardSteps < 6 {
            guardSteps += 1
            if let (len, _) = lex.subunits.longest(b, at: e) { e += len; continue }
            // 附属 X 医院
            if e + 2 < n, b[e] == "附", b[e + 1] == "属" {
                var k = e + 2
                while k < n && k - e < 16 && !lex.stops.contains(b[k]) {
                    if let (len, _, id) = lex.heads.entry(b, at: k), acceptHead(b, at: k, id: id) { e = k + len; break }
                    k += 1
                }
                if e > e0 && b[e - 1] != "属" { continue }
                break
            }
            // A short name then a sub-unit: 街道 + 社区卫生服务中心, 街道 + 营商办
            var k = e
            var found = false
            while k < n && k - e < 6 && !lex.stops.contains(b[k]) && b[k].isHan
                    && lex.leadingWords.longest(b, at: k) == nil {
                if let (len, _) = lex.subunits.longest(b, at: k), k > e {
                    e = k + len; found = true; break
                }
                k += 1
            }
            if found { continue }
            break
        }
        return e
    }

    /// After a head: more name characters, then another head within ten characters.
    func continuesToAnotherHead(_ b: UnsafeBufferPointer<Unicode.Scalar>, from e: Int) -> Bool {
        let n = b.count
        guard e < n, b[e].isHan else { return false }
        // A line break right after a head, or a well-known name next, starts another name
        // (四川省统计局 / 国家统计局四川调查总队).
        if source.isJoinedBreak(at: e) || lex.known.longest(b, at: e) != nil { return false }
        // Heads side by side: 中心小学, 集团有限公司 (有 is a stop elsewhere), 武警部队.
        if let (_, _, id) = lex.heads.entry(b, at: e), acceptHead(b, at: e, id: id) { return true }
        guard !lex.stops.contains(b[e]) else { return false }
        var k = e + 1
        let joinedBreak = source.nextJoinedBreak(from: k)
        while k < n && k - e <= 10 {
            let c = b[k]
            if k == joinedBreak { return false }
            // A head first: 有 of 有限公司 is a stop anywhere else (华为技术有限公司).
            let head = lex.heads.entry(b, at: k).flatMap { acceptHead(b, at: k, id: $0.2) ? $0 : nil }
            if head == nil && (lex.stops.contains(c) || !c.isHan && c != "(" && c != ")") { return false }
            if head != nil {
                // Not when a verb stands between (协会组织会员企业…有限公司).
                for m in e..<k where lex.cutWords.longestEnding(b, at: m + 1, notBefore: e) != nil { return false }
                for m in e..<k where lex.leadingWords.longest(b, at: m) != nil { return false }
                return true
            }
            k += 1
        }
        return false
    }

    /// `bodyEnd`: where the first head word starts (the same as `i` for a name with one head).
    func valid(_ b: UnsafeBufferPointer<Unicode.Scalar>, start s: Int, head i: Int, bodyEnd: Int, headEnd: Int,
               end e: Int, info: HeadInfo) -> Bool {
        let body = i - s
        if lex.genericNames.exact(b, at: s, length: e - s) { return false }
        if body == 0 {
            // 税务局, 统计局, 检察院 name a body on their own; 党委, 协会, 中心 do not.
            return info.standalone
        }
        if info.category == "other" && body < 2 { return false }
        if info.placeOnly && !isPlaceOrPlaceShaped(b, s, bodyEnd) { return false }
        if madeOfGenericModifiers(b, s, i) { return false }
        // 一级党委, 各级协会; 两所学校, 三家公司: a level or a count, not a name.
        let first = b[s], last = b[i - 1]
        if last == "级" && body <= 2 { return false }                      // 一级, 各级 (not 市中级人民法院)
        if case .digit? = NumeralTable.role(first.value), s + 1 < i, Lexicon.shared.unit(b, at: s + 1) != nil {
            return false
        }
        // Without a place name inside, a long left part is a phrase, not a name.
        // Company names run long (东海国际集装箱码头有限公司); others rarely do.
        let longest = info.category == "company" ? 12 : 8
        if bodyEnd - s > longest && !containsPlace(b, s, bodyEnd) { return false }
        if info.length == 1 && body < 2 && b[i] != "委" { return false }     // 委: 市委-like names are one character
        if info.category == "team" {
            if body < 2 || lex.genericTeamWords.occurs(b, from: s, to: i) { return false }
        }
        // A name right after a measure word is a counted noun (1302 支志愿服务队).
        if s > 0, b[s - 1].isASCIIDigit { return false }
        return e - s >= 2
    }
}

extension OrganizationRecognizer {
    /// A name ending in a party unit (…协会党支部, …联谊会党委) is that party body.
    func subunitCategory(_ b: UnsafeBufferPointer<Unicode.Scalar>, end e: Int, fallback: String) -> String {
        for len in [4, 3, 2] where e - len >= 0 {
            if let (l, tag, _) = lex.heads.entry(b, at: e - len), l == len, tag == "party" { return "party" }
        }
        return fallback
    }

    /// The start of a place name that ends right at `i` (美国 in 美国国务院).
    func placeEnding(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, notBefore floor: Int) -> Int? {
        for len in stride(from: min(6, i - floor), through: 2, by: -1) {
            let p = i - len
            if lex.placeFirsts.contains(b[p]), let (l, _) = lex.places.longest(b, at: p), l == len { return p }
        }
        return nil
    }

    /// True when `[s, i)` is covered by generic modifiers alone (定点, 二级以上综合).
    func madeOfGenericModifiers(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ s: Int, _ i: Int) -> Bool {
        var p = s
        while p < i {
            var best = 0
            // The longest modifier at p that stays inside the span.
            for len in stride(from: min(4, i - p), through: 1, by: -1)
                where lex.genericModifiers.exact(b, at: p, length: len) { best = len; break }
            if best == 0 { return false }
            p += best
        }
        return true
    }

    /// True when `[s, i)` is exactly a place name: one from the table (北京, 深圳市), or two
    /// characters and 市/县/区/省 (江城市). Two unknown characters may be a verb (乘坐公交).
    func isPlaceOrPlaceShaped(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ s: Int, _ i: Int) -> Bool {
        guard i > s else { return false }
        if lex.placeFirsts.contains(b[s]), let (len, _) = lex.places.longest(b, at: s), s + len == i { return true }
        return i - s == 3 && "市县区省".unicodeScalars.contains(b[i - 1])
    }

    func containsPlace(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ s: Int, _ i: Int) -> Bool {
        var p = s
        while p < i {
            if lex.placeFirsts.contains(b[p]), lex.places.longest(b, at: p) != nil { return true }
            p += 1
        }
        return false
    }
}

/// What a head word allows, decided once per head word (no Strings on the hot path).
struct HeadInfo: Sendable {
    let category: String
    let after: ScalarSet?
    let before: ScalarSet?
    let standalone: Bool
    let location: Bool
    /// Names only after a place (江城地铁, 北京地铁: the operator), never after other words (乘坐地铁).
    let placeOnly: Bool
    let length: Int
}

/// The organization vocabularies, built once.
final class OrganizationLexicon: Sendable {
    static let shared = OrganizationLexicon()

    let heads: WordMatcher
    let subunits: WordMatcher
    let known: WordMatcher
    let leadingWords: WordMatcher
    let cutWords: WordMatcher
    let places: WordMatcher
    let placeFirsts: ScalarSet
    let firsts: ScalarSet
    let stops: ScalarSet
    let leadingWordEnds: ScalarSet
    let standalone: Set<String> = ["团市委", "团区委", "团县委", "团省委", "团中央", "市委", "省委", "县委", "区委", "海军",
                                   "空军", "陆军", "武警", "纪委", "国家队", "致公党", "农工党", "九三学社", "社民党", "自民党",
                                   "参议院", "众议院", "国民议会", "共产党", "国民党", "民主党", "共和党", "自由党", "保守党", "工党"]
    let locationHeads: Set<String> = ["街道", "办事处"]
    /// Head words that name an operator only right after a place name.
    let placeOnlyHeads: Set<String> = ["地铁", "公交", "水务", "燃气"]
    let headInfo: [HeadInfo]
    let genericNames: WordMatcher
    let genericModifiers: WordMatcher
    let genericTeamWords: WordMatcher

    /// The (word, tag) pairs of `tag: word word …` lines (a line without a colon has the tag "");
    /// an indented line continues the tag of the line above it.
    static func lines(_ source: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var tag = ""
        for line in source.split(separator: "\n") {
            var words = line
            if line.first != " " {
                let parts = line.split(separator: ":", maxSplits: 1)
                (tag, words) = parts.count == 2 ? (parts[0].trimmingSpaces, parts[1]) : ("", parts[0])
            }
            for w in words.split(separator: " ") { out.append((String(w), tag)) }
        }
        return out
    }

    init() {
        // The lists as scalars (WordLists): no Characters taken apart, no Strings but the tags.
        let headLines = WordLists.lines(OrganizationTable.headSource)
        let knownLines = WordLists.lines(OrganizationTable.knownSource)
        heads = WordMatcher(scalarWords: headLines)
        subunits = WordMatcher(scalarWords: WordLists.lines(OrganizationTable.subunitSource))
        known = WordMatcher(scalarWords: knownLines)
        let leading = WordLists.lines(OrganizationTable.leadingWordSource)
        leadingWords = WordMatcher(scalarWords: leading)
        // Verbs cut a name anywhere; 组织 and 联合 only at its front (社会组织党委, 联合会).
        let frontOnly = Set(["组织", "联合", "代表", "作为", "包括", "以及", "其中",
            "同时", "目前", "近期", "当前", "今年", "去年", "全市", "全区", "全省", "全国", "当地", "有关", "相关", "基层", "本市",
            "本区", "下属", "所属", "会员企业", "会员单位", "成员单位", "共同", "积极", "主动", "全力", "先后", "分别"]
            .map { Array($0.unicodeScalars) })
        cutWords = WordMatcher(scalarWords: leading.filter { $0.0.count >= 2 && !frontOnly.contains($0.0) })
        places = WordMatcher(scalarWords: WordLists.places.map { ($0, "") })
        placeFirsts = places.firsts
        firsts = ScalarSet((headLines + knownLines).compactMap { $0.0.first })
        stops = ScalarSet(OrganizationTable.stopCharacters)
        leadingWordEnds = ScalarSet(leading.compactMap { $0.0.last })
        genericNames = WordMatcher(scalarWords: WordLists.lines(OrganizationTable.genericSource))
        genericModifiers = WordMatcher(scalarWords: WordLists.words(OrganizationTable.genericModifiers)
            .map { ($0, "") })
        genericTeamWords = WordMatcher(scalarWords: OrganizationTable.genericTeamWords.split(separator: " ")
            .map { (Array($0.unicodeScalars), "") })
        let standaloneWords = standalone, locations = locationHeads, placeOnlyWords = placeOnlyHeads
        headInfo = headLines.map { (scalars, category) in
            let word = WordLists.string(scalars)
            return HeadInfo(category: category,
                            after: OrganizationTable.afterBlockers[word].map { ScalarSet($0) },
                            before: OrganizationTable.beforeBlockers[word].map { ScalarSet($0) },
                            standalone: standaloneWords.contains(word) || (category == "government" && word.count >= 3),
                            location: locations.contains(word),
                            placeOnly: placeOnlyWords.contains(word),
                            length: word.count)
        }
    }
}
