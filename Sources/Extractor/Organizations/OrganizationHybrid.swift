/// How the model's names and the rules' names make one answer.
///
/// The model proposes; the rules win only where they are reliable and the model
/// is not:
/// - a rule name the model nearly chose (its best path would lose at most
///   `marginThreshold` to mark it) replaces the model names it overlaps (off in
///   the shipped decision: measured below);
/// - a rule name that crosses a joined line break (PDF text) is taken, since the
///   model reads sentences and paragraphs apart and cannot see it whole;
/// - a name never holds half of a pair of brackets or quotes: a model name that
///   does (湖南)街道… is replaced by the rule name over it, or widened to the
///   opening mark (“幸福工程”组委会), or dropped;
/// - a model name that is a generic group of the rules' list, after a place
///   name or not (深圳市社会组织, 有关部门), is dropped, unless that word is also a
///   head word (政府, 银行: 中国银行 is a name).
///
///     model 湖南)街道社区卫生服务中心, rules 徐汇区天平(湖南)街道社区卫生服务中心
///     → 徐汇区天平(湖南)街道社区卫生服务中心
@_spi(Training) public enum OrganizationHybrid {
    /// Measured with `extract-train eval` (docs/organization-model.md): on the msra tuning
    /// slice the rule names the model nearly chose (margin ≤ 50) are right one time in four;
    /// with the shipped model, 0 scores as 50 on the People's Daily dev set (0.871 against
    /// 0.872, one name) and better on the held-out slice (0.773 against 0.767) and the seed
    /// bulletin (0.961 against 0.951); from 150 on the dev set loses more than two points.
    /// So the rules do not override the model's choices; the margins stay measurable.
    public static let marginThreshold: Int64 = 0

    public static func decide(model: [(start: Int, end: Int)], rules: [(start: Int, end: Int)], margins: [Int64],
                              source: SourceText, threshold: Int64 = marginThreshold) -> [(start: Int, end: Int)] {
        // The rule names taken, in order (rule names never overlap one another), and the model's
        // names that none of them overlaps: one sweep, as documents can hold thousands of names.
        let taken = zip(rules, margins).filter { $0.1 > 0 && ($0.1 <= threshold || $0.1 == Int64.max) }.map(\.0)
            .sorted { $0.start < $1.start }
        var out: [(start: Int, end: Int)] = []
        out.reserveCapacity(model.count + taken.count)
        var a = 0
        for s in model.sorted(by: { $0.start < $1.start }) {
            while a < taken.count && taken[a].end <= s.start { a += 1 }
            if a < taken.count && taken[a].start < s.end { continue }
            out.append(s)
        }
        out += taken
        let marks = OrganizationMarks.shared
        out = source.withScalars { b in
            out.compactMap { balanced($0, b, rules: rules) }.filter { !marks.isGeneric(b, $0.start, $0.end) }
        }
        out.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        // Widening may make two names overlap: the first one stays.
        var kept: [(start: Int, end: Int)] = []
        for s in out where kept.last.map({ $0.end <= s.start }) ?? true { kept.append(s) }
        return kept
    }

    static let openers: [Unicode.Scalar] = ["(", "“", "《", "「", "‘", "【"]
    static let closers: [Unicode.Scalar] = [")", "”", "》", "」", "’", "】"]
    static let bracketMarks = ScalarSet(openers + closers)

    /// The span itself when its brackets and quotes pair up; else the rule name over it,
    /// or the span widened to the missing mark (within 12 characters), or nil.
    static func balanced(_ s: (start: Int, end: Int), _ b: UnsafeBufferPointer<Unicode.Scalar>,
                         rules: [(start: Int, end: Int)]) -> (start: Int, end: Int)? {
        // Most names hold no bracket or quote at all: one pass tells.
        var marked = false
        for k in s.start ..< s.end where bracketMarks.contains(b[k]) { marked = true; break }
        if !marked { return s }
        var start = s.start, end = s.end
        for (open, close) in zip(openers, closers) {
            var depth = 0, unopened = false
            for k in start ..< end {
                if b[k] == open {
                    depth += 1
                } else if b[k] == close {
                    if depth == 0 { unopened = true } else { depth -= 1 }
                }
            }
            if !unopened && depth == 0 { continue }
            if let r = rules.first(where: { $0.start < s.end && s.start < $0.end && $0 != s }),
               isBalanced(r, b) { return r }
            if unopened {
                let before = stride(from: start - 1, through: max(0, start - 12), by: -1)
                guard let k = before.first(where: { b[$0] == open }) else { return nil }
                start = k
            }
            if depth > 0 {
                guard let k = (end ..< min(b.count, end + 12)).first(where: { b[$0] == close }) else { return nil }
                end = k + 1
            }
        }
        return isBalanced((start, end), b) ? (start, end) : nil
    }

    static func isBalanced(_ s: (start: Int, end: Int), _ b: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        for (open, close) in zip(openers, closers) {
            var depth = 0
            for k in s.start ..< s.end {
                if b[k] == open { depth += 1 } else if b[k] == close { depth -= 1; if depth < 0 { return false } }
            }
            if depth != 0 { return false }
        }
        return true
    }
}
