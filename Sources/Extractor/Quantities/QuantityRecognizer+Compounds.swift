import Normalizer

/// Compound amounts: a figure in one unit followed by smaller units of the same system is one
/// figure in the larger unit (8元5角2分, 三美元又五美分, 六斤八两, 三米九; see `CompoundTable`),
/// and the Cantonese dollar 個 in a money context (港幣三個一毫四 = 3.14, 個半 = 1.5).
extension QuantityRecognizer {
    /// What the smaller units after `j` add to a figure in `unit`, in that unit, and where they
    /// end: 8元|5角2分 → 0.52; 一块|二 → 0.2; 三蚊|零四 → 0.04; 三美元|又五美分 → 0.05.
    func compoundTail(_ b: UnsafeBufferPointer<Unicode.Scalar>, at j: Int, unit: UnitEntry) -> (ExactNumber, Int)? {
        guard let row = unit.compound else { return nil }
        let parts = CompoundTable.rows[row]
        let n = b.count
        var k = j, delta = ExactNumber.zero, previous: Int32 = 0, matched = false
        while k < n {
            var s = k, skip = false
            if b[s] == "又" && !matched { s += 1 }                       // 三美元又五美分
            else if b[s] == "零" || b[s] == "〇" { skip = true; s += 1 }  // 三蚊零四: a place skipped
            guard s < n, QuantityRecognizer.isNumeralStart(b[s]), let num = NumeralParser.parse(b, at: s),
                  num.low == nil, num.value.isInteger, !num.value.isNegative, !num.isShortSequence else { break }
            let e = num.end
            // A smaller unit after the numeral, not the start of a longer one (5分钟, 3毫米 after 元).
            if let part = parts.first(where: { $0.power < previous
                                               && QuantityRecognizer.matches($0.surface, b, at: e) }),
               !(lex.unit(b, at: e).map { $0.surface.count > part.surface.count } ?? false),
               num.value < ExactNumber.one.multiplied(byPowerOfTen: previous - part.power),
               let v = delta.adding(num.value.multiplied(byPowerOfTen: part.power)) {
                delta = v; k = e + part.surface.count; previous = part.power; matched = true
                continue
            }
            // A bare digit: the next place down (一块二, 三米九, 1米8, 两毛五, 一毫四; after 零, two places).
            let place = previous - (skip ? 2 : 1)
            guard num.length == 1, parts.contains(where: { $0.power == place }), lex.unit(b, at: e) == nil,
                  !(e < n && (b[e].isASCIILetterOrDigit || b[e] == "." || b[e] == "点")),
                  let v = delta.adding(num.value.multiplied(byPowerOfTen: place)) else { break }
            return (v, e)
        }
        return matched ? (delta, k) : nil
    }

    /// The numeral `b[s..<e]` and the 大 after it name a party congress (`NonFigureTable.partyCongresses`).
    func isPartyCongress(_ b: UnsafeBufferPointer<Unicode.Scalar>, from s: Int, to e: Int) -> Bool {
        e < b.count && b[e] == "大"
            && NonFigureTable.partyCongresses.contains(where: { $0.count == e - s && Self.matches($0, b, at: s) })
            && !NonFigureTable.bigThingsAfterNumeral.contains(where: { Self.matches($0, b, at: e + 1) })
    }

    /// True when `w` stands at `i`.
    static func matches(_ w: [Unicode.Scalar], _ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> Bool {
        guard i + w.count <= b.count else { return false }
        for (k, c) in w.enumerated() where b[i + k] != c { return false }
        return true
    }

    /// The Cantonese dollar: 個/个 after a numeral is a dollar, not a count, when the money is
    /// said around it (港幣三個一毫四, or a price earlier in the sentence) and no noun follows it.
    func dollar(_ b: UnsafeBufferPointer<Unicode.Scalar>, at j: Int, numStart: Int,
                lastMoney: (end: Int, unit: UnitEntry)?, before i: Int) -> UnitEntry? {
        let n = b.count
        guard j < n, b[j] == "个" || b[j] == "個" else { return nil }
        // Only where no noun follows (15 个街道 counts streets even after a price): 個 then
        // its smaller amounts (三個一毫四, 五個半) or the end of the phrase.
        if j + 1 < n, b[j + 1].isHan, NumeralTable.role(b[j + 1]) == nil,
           !["毫", "仙", "半"].contains(b[j + 1]) { return nil }
        let prefixed = numStart > 0 && lex.currencyPrefixLasts.contains(b[numStart - 1])
        guard prefixed || lastMoney != nil else { return nil }
        let money = lastMoney.flatMap { moneyInSentence(b, $0, before: i) }
        let code = (prefixed ? currencyWordBefore(b, numStart)?.1 : nil) ?? money?.currency
        guard let currency = code else { return nil }
        return UnitEntry(surface: [b[j]], unit: String(Character(b[j])), dimension: "currency", currency: currency,
                         compound: CompoundTable.row(for: "元"))
    }

    /// 個半 (1.5), 個二 (1.2) with no numeral before: one dollar and a half, or and some tenths,
    /// said after a price in the same sentence (青菜三蚊，蘿蔔個半).
    func dollarAndTenths(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, money: UnitEntry?) -> Figure? {
        let n = b.count
        guard let m = money, i + 1 < n else { return nil }
        let tenths: ExactNumber
        if b[i + 1] == "半" { tenths = .half } else if case .digit(let d)? = NumeralTable.role(b[i + 1]), d > 0,
                                                         !NumeralTable.isAmbiguousDigit(b[i + 1]) {
            tenths = ExactNumber(mantissa: Int64(d), exponent: -1)
        } else { return nil }
        let e = i + 2
        // Nothing may follow that makes it a word or another figure (个二手, 个半月).
        if e < n, b[e].isHan, NumeralTable.role(b[e]) == nil, !lex.objectStopChars.contains(b[e]) { return nil }
        if e < n, lex.unit(b, at: e) != nil { return nil }
        guard let value = ExactNumber.one.adding(tenths) else { return nil }
        var f = Figure(start: i, end: e, value: value, rule: "dollar-and-tenths")
        f.unit = UnitEntry(surface: [b[i]], unit: String(Character(b[i])), dimension: "currency",
                           currency: m.currency)
        f.currency = m.currency
        return f
    }
}
