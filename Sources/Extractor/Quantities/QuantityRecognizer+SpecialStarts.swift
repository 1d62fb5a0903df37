import Normalizer

/// Figures that do not begin with a plain numeral: rates written with a magnitude (千分之五),
/// halves (半年, 个半小时) and orders of magnitude (几十, 上百, 数千).
extension QuantityRecognizer {
    /// 千分之五 (5‰), 万分之三 (3‱), 百万分之五 (0.0005%): a power-of-ten denominator
    /// written without a digit is a rate, not a fraction.
    func readPerMille(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Figure? {
        let n = b.count
        var k = i, e: Int32 = 0
        // At most four magnitude characters (百万分之, 千万分之): a longer run is no rate.
        while k < n, k - i < 4, let r = NumeralTable.role(b[k]) {
            if case .smallUnit(let s) = r { e += s; k += 1; continue }
            if case .bigUnit(let s) = r { e += s; k += 1; continue }
            break
        }
        guard k > i, e >= 3, e <= 16, k + 2 < n, b[k] == "分", b[k + 1] == "之",
              let num = NumeralParser.parse(b, at: k + 2), num.low == nil else { return nil }
        var f = Figure(start: i, end: num.end, value: num.value, rule: "per-mille")
        switch e {
        case 3: f.unit = UnitEntry(surface: [], unit: "‰", dimension: "percent", currency: nil)
        case 4: f.unit = UnitEntry(surface: [], unit: "‱", dimension: "percent", currency: nil)
        default:
            f.value = num.value.multiplied(byPowerOfTen: 2 - e)
            f.unit = UnitEntry(surface: [], unit: "%", dimension: "percent", currency: nil)
        }
        if let (q, len) = suffixQualifierAt(b, f.end) { f.qualifier = q; f.end += len }
        if let p = prefixQualifier(b, before: i) { f.qualifier = p.0 }
        return f
    }

    /// 半日, 半年, 半小时, 半个月: one half of a unit.
    func readHalf(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Figure?, Int) {
        let n = b.count
        if i > 0 {
            // 上半年, 一半, 大半, 过半, 多半: not a half unit.
            let p = b[i - 1]
            if "上下一大过多前后对折".unicodeScalars.contains(p) { return (nil, i + 1) }
        }
        guard i + 1 < n else { return (nil, i + 1) }
        if b[i + 1] == "折" {    // 半折: half price
            var f = Figure(start: i, end: i + 2, value: ExactNumber(5), rule: "half-price")
            f.unit = UnitEntry(surface: [], unit: "折", dimension: "ratio", currency: nil)
            return (f, i + 2)
        }
        let (unit, end, _, _) = readUnit(b, at: i + 1)
        guard let u = unit, u.isDuration || u.rule == .ge else { return (nil, i + 1) }   // 半天, 半个西瓜
        guard u.rule != .quarter else { return (nil, i + 1) }
        if end < n, let last = u.surface.last, lex.isBlockedUnitWord(last, b[end]) { return (nil, i + 1) }
        var f = Figure(start: i, end: end, value: .half, rule: "half-unit")
        f.unit = u
        if u.isCount { f.objectRange = objectAfter(b, end) }    // 半个西瓜
        if let (q, len) = suffixQualifierAt(b, end) { f.qualifier = q; f.end = end + len }
        if let p = prefixQualifier(b, before: i) { f.qualifier = p.0 }
        return (f, f.end)
    }

    /// 個半小時, 个半月 (no numeral before 个): one and a half units.
    func readOneAndAHalf(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Figure?, Int) {
        let n = b.count
        guard i + 2 < n, b[i + 1] == "半" else { return (nil, i + 1) }
        if i > 0, QuantityRecognizer.isNumeralStart(b[i - 1]) || b[i - 1] == "几"
            || b[i - 1].isHan && !lex.boundaryAfterSuffix.contains(b[i - 1]) { return (nil, i + 1) }
        let (unit, end, half, _) = readUnit(b, at: i)
        guard half, let u = unit, u.dimension == "duration" else { return (nil, i + 1) }
        var f = Figure(start: i, end: end, value: ExactNumber(mantissa: 15, exponent: -1), rule: "one-and-a-half")
        f.unit = u
        return (f, end)
    }

    /// Characters before a unit that introduce a measure said without its 一 (身高米八).
    static let impliedOneLeft = ScalarSet("高长宽深是有约近达")

    /// 米九 (1.9 米), 块五 (1.5 块), 分半钟 (1.5 分钟): a unit with its 一 left unsaid, then a
    /// tenth or a half. Only where a figure can start (not 玉米九, 部分半) and where the figure
    /// ends (米九左右, not 米九十).
    func readImpliedOne(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Figure?, Int) {
        let n = b.count
        guard i + 2 <= n, i == 0 || !QuantityRecognizer.isNumeralStart(b[i - 1]) else { return (nil, i + 1) }
        var f: Figure
        if b[i] != "分", i > 0, b[i - 1].isHan, !QuantityRecognizer.impliedOneLeft.contains(b[i - 1]) {
            return (nil, i + 1)                                  // 玉米九, 大米九
        }
        if b[i] == "分" {
            // 分半钟: a minute and a half.
            guard i + 2 < n, b[i + 1] == "半", b[i + 2] == "钟" || b[i + 2] == "鐘" else { return (nil, i + 1) }
            f = Figure(start: i, end: i + 3, value: ExactNumber(mantissa: 15, exponent: -1), rule: "implied-one")
            f.unit = UnitEntry(surface: [b[i], b[i + 2]], unit: b[i + 2] == "钟" ? "分钟" : "分鐘",
                               dimension: "duration", currency: nil)
        } else {
            guard let u = lex.unit(b, at: i), u.surface.count == 1, i + 1 < n,
                  case .digit(let d)? = NumeralTable.role(b[i + 1]), d > 0, !NumeralTable.isAmbiguousDigit(b[i + 1]),
                  b[i + 1] != "两", b[i + 1] != "兩" else { return (nil, i + 1) }
            let e = i + 2
            if e < n, NumeralTable.role(b[e]) != nil || lex.unit(b, at: e) != nil || b[e].isASCIIDigit {
                return (nil, i + 1)
            }
            if e < n, b[e].isHan, suffixQualifierAt(b, e) == nil, b[e] != "的" { return (nil, i + 1) }
            guard let v = ExactNumber.one.adding(ExactNumber(mantissa: Int64(d), exponent: -1)) else {
                return (nil, i + 1)
            }
            f = Figure(start: i, end: e, value: v, rule: "implied-one")
            f.unit = u
            f.currency = u.currency
        }
        if let (q, len) = suffixQualifierAt(b, f.end) { f.qualifier = q; f.end += len }
        if let p = prefixQualifier(b, before: i) { f.qualifier = p.0 }
        return (f, f.end)
    }

    /// 几十遍, 上百遍, 数千人: an order of magnitude, approximately.
    func readVague(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Figure?, Int) {
        let n = b.count
        var k = i + 1, e: Int32 = 0
        while k < n, k - i <= 4, let r = NumeralTable.role(b[k]) {
            switch r {
            case .smallUnit(let s): e += s
            case .bigUnit(let s): e += s
            default: break
            }
            if case .digit = r { break }
            if case .tens = r { break }
            k += 1
        }
        guard e > 0 else { return (nil, i + 1) }
        let (unit, end, _, _) = readUnit(b, at: k)
        guard let u = unit, u.currency == nil || b[i] != "上" else { return (nil, k) }
        var f = Figure(start: i, end: end, value: ExactNumber.one.multiplied(byPowerOfTen: e), rule: "vague-magnitude")
        f.unit = u
        f.qualifier = .approx
        return (f, end)
    }
}
