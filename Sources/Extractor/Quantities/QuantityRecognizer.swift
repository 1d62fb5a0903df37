import Normalizer

/// Finds figures (numeral + magnitude + unit or measure word) in a cleaned
/// buffer and turns them into quantity (and, on request, number) records.
///
/// One forward pass over the scalars: most characters cost one table lookup;
/// only numeral characters start the slower reading of a figure.
///
///     "捐赠 13 万个 KN95 口罩" → quantity "13 万个" value 130000 unit 个 object "KN95 口罩"
struct QuantityRecognizer {
    let source: SourceText
    let emitQuantities: Bool
    let emitNumbers: Bool
    let doc: String
    /// The tables, read through one reference (see `Lexicon`).
    let lex = Lexicon.shared

    /// A figure found in cleaned coordinates, before it becomes a record.
    struct Figure {
        var start: Int
        var end: Int
        var value: ExactNumber
        var unit: UnitEntry?
        var unitName: String?
        var qualifier: Qualifier = .exact
        var low: ExactNumber?
        var high: ExactNumber?
        var currency: String?
        var objectRange: Range<Int>?
        /// Rule that produced it, for --explain.
        var rule: String
    }

    /// 半 followed by these is a word (半径 radius, 半岛, 半数, 半导体), not "and a half".
    static let halfWordSeconds = ScalarSet("径岛数导场价球程夜山边壁")

    /// Scalars that can begin a figure: digits, numeral characters, signs, 半, 几/数/上, currency symbols.
    static let triggers: ScalarSet = {
        var t = "0123456789.-负負个個对對半几数上¥$€£米斤尺块塊蚊分".unicodeScalars.map(\.value)
        // Every numeral character lies in U+3000–U+9FFF (CJK symbols through the unified ideographs).
        for v in UInt32(0x3000)..<0xA000 where NumeralTable.role(v) != nil { t.append(v) }
        return ScalarSet(t)
    }()

    /// 十 百 千 万 亿 and their financial forms.
    @inline(__always) static func isMagnitude(_ c: Unicode.Scalar) -> Bool {
        switch NumeralTable.role(c) {
        case .smallUnit?, .bigUnit?: return true
        default: return false
        }
    }

    /// An Arabic digit or a Chinese numeral character.
    @inline(__always) static func isNumeralStart(_ c: Unicode.Scalar) -> Bool {
        c.isASCIIDigit || NumeralTable.role(c) != nil
    }

    /// The value of an ASCII digit.
    @inline(__always) static func asciiValue(_ c: Unicode.Scalar) -> Int32 {
        Int32(c.value &- ("0" as Unicode.Scalar).value)
    }

    /// Calls `sink` with each record and its cleaned span, in document order.
    func run(_ sink: (consuming RecordDraft, Range<Int>) -> Void) {
        source.withScalars { b in
            let n = b.count
            var i = 0
            let trig = lex.quantityTriggers
            var hint = 0
            var lineHint = 0
            var lastMoney: (end: Int, unit: UnitEntry)? = nil   // the last sum of money, for 個半
            while i < n {
                let c = b[i]
                if !trig.contains(c) { i += 1; continue }
                let (figure, next) = attempt(b, at: i, lastMoney: lastMoney)
                if let f = figure {
                    if let u = f.unit, u.currency != nil { lastMoney = (f.end, u) }
                    if let r = record(f, b, hint: &hint, lineHint: &lineHint) { sink(r, f.start..<f.end) }
                }
                i = max(next, i + 1)
            }
        }
    }

    // MARK: - Reading one figure

    /// The unit of the sum of money `last` when it stands in the same sentence, close before `i`.
    func moneyInSentence(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ last: (end: Int, unit: UnitEntry),
                         before i: Int) -> UnitEntry? {
        guard last.end <= i, i - last.end <= 40 else { return nil }
        for k in last.end..<i where lex.sentenceEnds.contains(b[k]) { return nil }
        return last.unit
    }

    /// Tries to read a figure beginning at `i`; returns it (if any) and where to resume. `lastMoney`
    /// is the last sum of money read before (a price said in the sentence: 個半 after it is $1.5).
    func attempt(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int,
                 lastMoney: (end: Int, unit: UnitEntry)? = nil) -> (Figure?, Int) {
        let n = b.count
        let c = b[i]
        var start = i
        var numStart = i
        var negative = false
        var symbol: (String, String)? = nil
        var percentPrefix = false

        switch c {
        case "-", "负", "負":
            var k = i + 1
            // "- 1,200,000": a minus sign set off by one space, at the start of a line or after a space.
            if c == "-", k + 1 < n, b[k] == " ", b[k + 1].isASCIIDigit,
               i == 0 || b[i - 1] == " " || b[i - 1] == "\n" { k += 1 }
            let point = k + 1 < n && b[k] == "." && b[k + 1].isASCIIDigit      // -.5
            guard k < n, QuantityRecognizer.isNumeralStart(b[k]) || point else { return (nil, i + 1) }
            if c == "-" {
                guard b[k].isASCIIDigit || point else { return (nil, i + 1) }
                if i > 0 && (b[i - 1].isASCIILetterOrDigit || b[i - 1] == "-") { return (nil, i + 1) }
            }
            negative = true; numStart = k
        case "¥", "$", "€", "£":
            guard i + 1 < n, b[i + 1].isASCIIDigit else { return (nil, i + 1) }
            symbol = lex.currencySymbols[c]
            if c == "$", i >= 2, b[i - 2] == "H", b[i - 1] == "K" { symbol = ("HK$", "HKD"); start = i - 2 }
            if c == "$", i >= 2, b[i - 2] == "U", b[i - 1] == "S" { symbol = ("US$", "USD"); start = i - 2 }
            numStart = i + 1
        case ".":
            guard pointFirst(b, i) != nil else { return (nil, i + 1) }     // .5: read below
        case "半":
            return readHalf(b, at: i)
        case "米", "斤", "尺", "块", "塊", "蚊", "分":
            return readImpliedOne(b, at: i)
        case "个", "個":
            if i == 0 || !QuantityRecognizer.isNumeralStart(b[i - 1]), let m = lastMoney,
               let f = dollarAndTenths(b, at: i, money: moneyInSentence(b, m, before: i)) {
                return (f, f.end)
            }
            return readOneAndAHalf(b, at: i)
        case "对", "對":     // 打对折: half price
            guard i > 0, b[i - 1] == "打", i + 1 < n, b[i + 1] == "折" else { return (nil, i + 1) }
            var f = Figure(start: i, end: i + 2, value: ExactNumber(5), rule: "half-price")
            f.unit = UnitEntry(surface: [], unit: "折", dimension: "ratio", currency: nil)
            return (f, i + 2)
        case "一" where i + 1 < n && b[i + 1] == "半" && emitNumbers
                && !(i + 2 < n && (lex.unit(b, at: i + 2) != nil || b[i + 2] == "半")):
            // 一半: one half, as a bare number.
            return (Figure(start: i, end: i + 2, value: .half, rule: "one-half"), i + 2)
        case "几", "数", "上":
            return readVague(b, at: i)
        case "零" where i + 2 < n && b[i + 1] == "下"
                && QuantityRecognizer.isNumeralStart(b[i + 2]):
            negative = true; numStart = i + 2      // 零下 5 度
        case "百", "佰":     // 百分之十五, 佰分之
            guard i + 3 < n, b[i + 1] == "分", b[i + 2] == "之",
                  QuantityRecognizer.isNumeralStart(b[i + 3]) else { break }
            percentPrefix = true; numStart = i + 3  // 百分之十五
        default:
            break
        }

        let first = b[numStart]
        let arabic = first.isASCIIDigit || first == "."
        // Context that makes a numeral part of a code, an ordinal or a word.
        if numStart > 0 && !percentPrefix {
            let p = b[numStart - 1]
            if p == "第" {
                if let r = ordinalRange(b, at: numStart) { return (r, r.end) }   // 在第十和第十五之间
                return (nil, skipNumeral(b, numStart))
            }
            if arabic {
                // KN95, a_1, #3, @2, and URL queries (?q=30%25&n=2); not a currency code (RMB100).
                if p.isASCIILetter && currencyWordBefore(b, numStart) == nil || p == "_" || p == "#" || p == "@"
                    || p == "=" || p == "&" || p == "?" || p == "%" { return (nil, skipCode(b, numStart)) }
                if (p == "-" || p == "." || p == "/" || p == ":") && numStart >= 2
                    && b[numStart - 2].isASCIILetterOrDigit {
                    return (nil, skipCode(b, numStart))
                }
            } else if !negative {
                // 上一届, 下一轮, 前一日: "previous/next", unless 上/下 end another word (马上, 以上, 晚上).
                // 前后 before a numeral is "about" (春节前后十五天), not "previous".
                let qianHou = numStart >= 2 && p == "后" && b[numStart - 2] == "前"
                if lex.leftBlockers.contains(p) && !qianHou
                    && !(numStart >= 2 && (p == "上" || p == "下") && lex.shangXiaWordFirsts.contains(b[numStart - 2])) {
                    return (nil, skipNumeral(b, numStart))       // the whole numeral: not 五天 of 上十五天
                }
                for w in lex.leftBlockerWords
                where numStart >= 2 && b[numStart - 2] == w[0] && b[numStart - 1] == w[1] {
                    return (nil, numStart + 1)
                }
            }
        }
        if !arabic && !negative && lex.isInsideWord(b, at: numStart) { return (nil, numStart + 1) }

        if !arabic, !negative, numStart + 2 < n, QuantityRecognizer.isMagnitude(first),
           let pm = readPerMille(b, at: numStart) { return (pm, pm.end) }
        guard var pn = NumeralParser.parseWithFraction(b, at: numStart) ?? hundredAlone(b, percentPrefix, numStart)
                ?? pointFirst(b, numStart) ?? longArabic(b, numStart)
        else {
            return (nil, arabic ? skipCode(b, numStart) : numStart + 1)
        }
        // 323千卡, 5千米: a 千/百 that begins a unit belongs to the unit, not the numeral.
        if pn.end - 1 > numStart, pn.trailingMagnitude > 0, let u = lex.unit(b, at: pn.end - 1),
           u.surface.count >= 2, !pn.isDigitSequence {
            let shorter = UnsafeBufferPointer(rebasing: b[0..<(pn.end - 1)])
            if let p2 = NumeralParser.parse(shorter, at: numStart), p2.end == pn.end - 1 { pn = p2 }
        }
        // 四分一升 is a quarter of a litre, but 五分一次 is five points once: a fraction without 之
        // stands before a measure or alone, not before a count, a time or money.
        if pn.colloquialFraction, let u = lex.unit(b, at: pn.end), u.isCount || u.isDuration || u.currency != nil
            || u.rule == .minuteOrScore, let plain = NumeralParser.parse(b, at: numStart) {
            pn = plain
        }
        // 拾起, 陆续: a lone financial digit is a word, not a number (unless it stands alone).
        if pn.length == 1 && NumeralTable.isAmbiguousDigit(first) {
            let alone = (numStart == 0 || !b[numStart - 1].isHan) && (pn.end >= n || !b[pn.end].isHan)
            if !alone { return (nil, numStart + 1) }
        }
        var j = pn.end
        // 一件件, 一个个, 一次次: one measure word twice after 一 means "one by one", not a count
        // (but 一个个体户, 一项项目, 一家家具厂 count one of a word that begins with the measure word).
        if first == "一", pn.length == 1, j + 1 < n, b[j] == b[j + 1], b[j].isHan, lex.unit(b, at: j) != nil,
           !(j + 2 < n && NonFigureTable.measureWordStarts.contains(where: { $0[0] == b[j + 1] && $0[1] == b[j + 2] })) {
            return (nil, j + 2)
        }
        if !arabic, isPartyCongress(b, from: numStart, to: j) { return (nil, j + 1) }

        // 1.2M, 1200K, 3.2k: Latin thousand/million suffixes on Arabic numbers (not 4K, 5G);
        // 12.32e+14, -12e-1: scientific notation.
        if pn.hasArabic, !pn.hasChinese, j < n {
            if b[j] == "k" || b[j] == "K" || b[j] == "M",
               !(j + 1 < n && b[j + 1].isASCIILetterOrDigit), !pn.value.isInteger || pn.arabicIntegerDigits >= 2 {
                pn.value = pn.value.multiplied(byPowerOfTen: b[j] == "M" ? 6 : 3)
                pn.mantissa = pn.value
                j += 1; pn.end = j
            } else if b[j] == "e" || b[j] == "E", let (e, k) = exponentSuffix(b, at: j + 1) {
                pn.value = pn.value.multiplied(byPowerOfTen: e)
                pn.mantissa = pn.value
                j = k; pn.end = j
            } else if b[j] == "^", let p = power(pn, b, at: j + 1) {
                pn = p; j = p.end                                // 2^-1, 2.5^-1
            } else if b[j] == " ", let m = mixedNumber(pn, b, at: j) {
                pn = m; j = m.end                                // 1 3/5
            }
        }
        // Codes, dates and clocks written with Arabic digits.
        if pn.hasArabic && j < n {
            let nx = b[j]
            if nx.isASCIILetter && lex.unit(b, at: j) == nil { return (nil, skipCode(b, numStart)) }
            if nx == ":" && j + 1 < n && b[j + 1].isASCIIDigit { return (nil, skipCode(b, numStart)) }
            if nx == "/", let frac = arabicFraction(b, pn, at: j) {
                pn = frac; j = pn.end
            } else if (nx == "." || nx == "/") && j + 1 < n && b[j + 1].isASCIIDigit {
                return (nil, skipCode(b, numStart))
            }
            if nx == "-" && j + 1 < n && b[j + 1].isASCIIDigit && isDashedCode(b, from: numStart) {
                return (nil, skipCode(b, numStart))
            }
        }

        var f = Figure(start: start, end: j, value: pn.value, rule: "numeral")
        var innerQualifier: Qualifier? = pn.innerOver || pn.unknownDigit ? .over : (pn.approximate ? .approx : nil)
        if let lo = pn.low, let hi = pn.high {
            f.low = lo; f.high = hi; innerQualifier = .approx; f.rule = "approximate-range"
        }

        if percentPrefix {
            f.unit = UnitEntry(surface: [], unit: "%", dimension: "percent", currency: nil)
            f.rule = "percent-bai-fen-zhi"
        } else {
            // Between numeral and unit: 多, 余, 来 (1500 多名, 5700 余次, 十来个).
            if j < n, b[j] == "多" || b[j] == "余",
               j + 1 < n, isUnitAhead(b, j + 1) {
                innerQualifier = .over; j += 1
            } else if j < n, b[j] == "来", pn.value.isInteger, pn.value.exponent >= 1,
                      j + 1 < n, isUnitAhead(b, j + 1) {
                innerQualifier = .approx; j += 1
            }
            var half = false
            var (unit, unitEnd, halfBefore, overBefore) = readUnit(b, at: j)
            if let u = unit, u.rule == .ge,
               let d = dollar(b, at: j, numStart: numStart, lastMoney: lastMoney, before: i) {
                unit = d                                         // 港幣三個一毫四: 個 is the dollar
                if !halfBefore { unitEnd = j + 1 }
            }
            half = halfBefore
            if overBefore { innerQualifier = .over }
            if let u = unit {
                guard acceptUnit(u, b, pn: pn, numStart: numStart, unitStart: j, unitEnd: unitEnd) else {
                    return (nil, max(unitEnd, pn.end))
                }
                f.unit = u
                j = unitEnd
                // 一块二角, 三米九, 六斤八两, 十塊八毛: a smaller unit (or its digit) after the unit (not
                // after 万 or 亿: 3万元5 is no amount).
                if pn.trailingMagnitude < 4, pn.low == nil, let (delta, e2) = compoundTail(b, at: j, unit: u),
                   let v = f.value.adding(delta) {
                    f.value = v; j = e2
                }
                // 一吨半, 两米半, 三成半: a half after the unit.
                if !half, j < n, b[j] == "半", pn.value.isInteger, pn.trailingMagnitude == 0,
                   u.currency == nil, pn.low == nil, !(j + 1 < n && isUnitAhead(b, j + 1)),
                   !(j + 1 < n && lex.halfWordSeconds.contains(b[j + 1])) {
                    half = true; j += 1
                }
            } else if pn.isShortSequence {
                return (nil, pn.end)
            }
            if half {
                if pn.trailingMagnitude > 0 {
                    half = false                       // 5万个半小时: no "and a half" after a magnitude
                } else if let lo = f.low, let hi = f.high {
                    f.low = lo.adding(.half) ?? lo     // 两三个半小时: 2.5 to 3.5
                    f.high = hi.adding(.half) ?? hi
                    f.value = f.low ?? f.value
                } else {
                    f.value = f.value.adding(.half) ?? f.value
                }
            }
        }

        // A range: 3 至 5 万元, 10-20 人, 2-3L.
        var rangeFirst = pn
        rangeFirst.value = f.value                               // 5元4角-6元: the compound amount
        if f.low == nil, let r = readRange(b, from: j, first: rangeFirst, firstUnit: f.unit, negative: negative) {
            f.low = r.low; f.high = r.high; f.value = r.low
            if f.unit == nil { f.unit = r.unit }
            j = r.end
            f.rule = "range"
        }

        if f.unit == nil {
            // Currency words before the number: 港币 3.14, 人民币 5 万.
            if let (w, code) = currencyWordBefore(b, numStart) {
                f.unit = UnitEntry(surface: [], unit: String(String.UnicodeScalarView(w)),
                                   dimension: "currency", currency: code)
                f.start = numStart - w.count - (b[numStart - 1] == " " ? 1 : 0)
                f.rule = "currency-word-prefix"
            } else if let s = symbol {
                f.unit = UnitEntry(surface: [], unit: s.0, dimension: "currency", currency: s.1)
                f.rule = "currency-symbol"
            }
        } else if symbol != nil, f.unit?.currency == nil {
            return (nil, j)   // "$5 个": a symbol with a non-money unit is not a figure we understand
        }

        if pn.isShortSequence && f.unit?.unit != "折" { return (nil, pn.end) }

        if negative {
            f.value = f.value.negated
            if let lo = f.low, let hi = f.high { f.low = hi.negated; f.high = lo.negated; f.value = hi.negated }
        }

        // Words after the unit: 左右, 以上, 以内, 多 (一年多).
        var suffixQualifier: Qualifier? = nil
        if f.unit != nil || emitNumbers {
            if let (q, len) = suffixQualifierAt(b, j) {
                suffixQualifier = q
                j += len
            }
        }
        f.end = j

        let prefix = prefixQualifier(b, before: f.start)
        var q = prefix?.0 ?? .exact
        if q == .exact { q = innerQualifier ?? suffixQualifier ?? .exact }
        // 近 5 年 is "the past 5 years", not "almost 5 years".
        if let p = prefix, p.1, let u = f.unit, u.nearMeansPast {
            q = innerQualifier ?? suffixQualifier ?? .exact
        }
        // 比三十大 (more than 30), 比 5 人少 (fewer than 5).
        if q == .exact, f.start > 0, b[f.start - 1] == "比", f.end < n {
            if "大多高长".unicodeScalars.contains(b[f.end]) { q = .over }
            if "小少低短".unicodeScalars.contains(b[f.end]) { q = .under }
        }
        f.qualifier = q

        if let u = f.unit {
            f.currency = u.currency
            if u.isCount && u.rule != .noObject {
                f.objectRange = objectAfter(b, f.end)
            }
        } else {
            // A bare number: dates and clocks are not numbers.
            guard emitNumbers, isBareNumber(b, pn: pn, numStart: numStart, end: f.end) else {
                return (nil, max(f.end, pn.end))
            }
            f.rule = "bare-number"
        }
        return (f, f.end)
    }
}
