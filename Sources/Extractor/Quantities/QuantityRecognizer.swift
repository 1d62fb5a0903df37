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
        var t = "0123456789-负負个個对對半几数上¥$€£".unicodeScalars.map(\.value)
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

    // transitional: UInt32 caller in Dates/TemporalRecognizer.swift (Unicode.Scalar has isASCIILetter)
    @inline(__always) static func isLatin(_ c: UInt32) -> Bool { unsafeBitCast(c, to: Unicode.Scalar.self).isASCIILetter }
    // transitional: UInt32 caller in Dates/TemporalRecognizer.swift, Organizations/OrganizationRecognizer.swift
    @inline(__always) static func isDigit(_ c: UInt32) -> Bool { unsafeBitCast(c, to: Unicode.Scalar.self).isASCIIDigit }
    // transitional: UInt32 caller in Dates/TemporalRecognizer.swift
    @inline(__always) static func isNumeralStart(_ c: UInt32) -> Bool {
        isNumeralStart(unsafeBitCast(c, to: Unicode.Scalar.self))
    }

    /// Calls `sink` with each record and its cleaned span, in document order.
    func run(_ sink: (consuming Record, Range<Int>) -> Void) {
        source.withScalars { b in
            let n = b.count
            var i = 0
            let trig = lex.quantityTriggers
            var hint = 0
            var lineHint = 0
            while i < n {
                let c = b[i]
                if !trig.contains(c) { i += 1; continue }
                let (figure, next) = attempt(b, at: i)
                if let f = figure, let r = record(f, b, hint: &hint, lineHint: &lineHint) { sink(r, f.start..<f.end) }
                i = max(next, i + 1)
            }
        }
    }

    // MARK: - Reading one figure

    /// Tries to read a figure beginning at `i`; returns it (if any) and where to resume.
    func attempt(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Figure?, Int) {
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
            guard k < n, QuantityRecognizer.isNumeralStart(b[k]) else { return (nil, i + 1) }
            if c == "-" {
                guard b[k].isASCIIDigit else { return (nil, i + 1) }
                if i > 0 && (b[i - 1].isASCIILetterOrDigit || b[i - 1] == "-") { return (nil, i + 1) }
            }
            negative = true; numStart = k
        case "¥", "$", "€", "£":
            guard i + 1 < n, b[i + 1].isASCIIDigit else { return (nil, i + 1) }
            symbol = lex.currencySymbols[c]
            if c == "$", i >= 2, b[i - 2] == "H", b[i - 1] == "K" { symbol = ("HK$", "HKD"); start = i - 2 }
            if c == "$", i >= 2, b[i - 2] == "U", b[i - 1] == "S" { symbol = ("US$", "USD"); start = i - 2 }
            numStart = i + 1
        case "半":
            return readHalf(b, at: i)
        case "个", "個":
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
        let arabic = first.isASCIIDigit
        // Context that makes a numeral part of a code, an ordinal or a word.
        if numStart > 0 && !percentPrefix {
            let p = b[numStart - 1]
            if p == "第" { return (nil, skipNumeral(b, numStart)) }
            if arabic {
                // KN95, a_1, #3, @2, and URL queries (?q=30%25&n=2).
                if p.isASCIILetter || p == "_" || p == "#" || p == "@" || p == "=" || p == "&"
                    || p == "?" || p == "%" { return (nil, skipCode(b, numStart)) }
                if (p == "-" || p == "." || p == "/" || p == ":") && numStart >= 2 && b[numStart - 2].isASCIILetterOrDigit {
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
                for w in lex.leftBlockerWords where numStart >= 2 && b[numStart - 2] == w[0] && b[numStart - 1] == w[1] {
                    return (nil, numStart + 1)
                }
            }
        }
        if !arabic && !negative && lex.isInsideWord(b, at: numStart) { return (nil, numStart + 1) }

        if !arabic, !negative, numStart + 2 < n, QuantityRecognizer.isMagnitude(first),
           let pm = readPerMille(b, at: numStart) { return (pm, pm.end) }
        guard var pn = NumeralParser.parseWithFraction(b, at: numStart) ?? hundredAlone(b, percentPrefix, numStart) else {
            return (nil, arabic ? skipCode(b, numStart) : numStart + 1)
        }
        // 323千卡, 5千米: a 千/百 that begins a unit belongs to the unit, not the numeral.
        if pn.end - 1 > numStart, pn.trailingMagnitude > 0, let u = lex.unit(b, at: pn.end - 1),
           u.surface.count >= 2, !pn.isDigitSequence {
            let shorter = UnsafeBufferPointer(rebasing: b[0..<(pn.end - 1)])
            if let p2 = NumeralParser.parse(shorter, at: numStart), p2.end == pn.end - 1 { pn = p2 }
        }
        // 拾起, 陆续: a lone financial digit is a word, not a number (unless it stands alone).
        if pn.length == 1 && NumeralTable.isAmbiguousDigit(first) {
            let alone = (numStart == 0 || !b[numStart - 1].isHan) && (pn.end >= n || !b[pn.end].isHan)
            if !alone { return (nil, numStart + 1) }
        }
        var j = pn.end

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
        if let lo = pn.low, let hi = pn.high { f.low = lo; f.high = hi; innerQualifier = .approx; f.rule = "approximate-range" }

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
            let (unit, unitEnd, halfBefore, overBefore) = readUnit(b, at: j)
            half = halfBefore
            if overBefore { innerQualifier = .over }
            if let u = unit {
                guard acceptUnit(u, b, pn: pn, numStart: numStart, unitStart: j, unitEnd: unitEnd) else {
                    return (nil, max(unitEnd, pn.end))
                }
                f.unit = u
                j = unitEnd
                // 一块二角, 三米九, 六斤八两: a smaller unit (or its digit) after the unit.
                if pn.trailingMagnitude == 0, pn.low == nil, let (delta, e2) = compoundTail(b, at: j, unit: u),
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
        if f.low == nil, let r = readRange(b, from: j, first: pn, firstUnit: f.unit, negative: negative) {
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
                f.start = numStart - w.count
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

    /// 百分之百: the lone 百 after 百分之 is 100.
    func hundredAlone(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ percent: Bool, _ i: Int) -> ParsedNumeral? {
        guard percent, b[i] == "百" || b[i] == "佰" else { return nil }
        var p = ParsedNumeral(value: ExactNumber(100), end: i + 1, mantissa: ExactNumber(100), start: i)
        p.hasChinese = true
        return p
    }

    /// `+14`, `-1`, `3` after an `e`: a decimal exponent of at most two digits, ending the token.
    func exponentSuffix(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int32, Int)? {
        let n = b.count
        var k = i, sign: Int32 = 1
        if k < n, b[k] == "+" || b[k] == "-" { if b[k] == "-" { sign = -1 }; k += 1 }
        var e: Int32 = 0, digits = 0
        while k < n, b[k].isASCIIDigit, digits < 2 { e = e * 10 + QuantityRecognizer.asciiValue(b[k]); k += 1; digits += 1 }
        guard digits > 0, e <= 30, !(k < n && b[k].isASCIILetterOrDigit) else { return nil }
        return (sign * e, k)
    }

    /// After `i`: a unit (possibly after 个), meaning a numeral with 多/余/来 here is a figure.
    func isUnitAhead(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Bool {
        lex.unit(b, at: i) != nil || b[i] == "月"
    }

    /// The unit at `j`: handles 个 before a noun unit (50 多个小时 → 小时), 个月,
    /// and 个半 (一个半小时 = 1.5 小时). Returns (unit, end, half, over).
    func readUnit(_ b: UnsafeBufferPointer<Unicode.Scalar>, at j: Int) -> (UnitEntry?, Int, Bool, Bool) {
        let n = b.count
        guard j < n else { return (nil, j, false, false) }
        if b[j] == "个" || b[j] == "個" {
            var k = j + 1, half = false, over = false
            if k < n, b[k] == "半" { half = true; k += 1 }
            else if k < n, b[k] == "多" || b[k] == "余" { over = true; k += 1 }
            if k < n, b[k] == "月" {
                // 3 个月: 个 belongs to the number and the unit is 月 (a month as a span, not
                // a calendar month, which is why 月 alone after a number is a date).
                return (UnitEntry(surface: ["月"], unit: "月", dimension: "duration", currency: nil),
                        k + 1, half, over)
            }
            if let u = lex.unit(b, at: k), u.dimension != "count", u.dimension != "currency",
               !(k + u.surface.count < n && u.surface.count <= 2 && u.surface.last.map {
                   lex.isBlockedUnitWord($0, b[k + u.surface.count]) } == true) {
                return (u, k + u.surface.count, half, over)
            }
            if k < n, b[k] == "钟" || b[k] == "鐘" {   // 个钟 (an hour, colloquial)
                let name = b[k] == "钟" ? "钟" : "鐘"
                return (UnitEntry(surface: [b[k]], unit: name, dimension: "duration", currency: nil), k + 1, half, over)
            }
            let ge = lex.unit(b, at: j)
            if half { return (ge, k, true, false) }    // 五個半 = 5.5 个
            return (ge, j + 1, false, false)
        }
        if let u = lex.unit(b, at: j) {
            // 元/吨, 人/平方公里, 公里/小时: a rate of two units.
            let e = j + u.surface.count
            if e + 1 < n, b[e] == "/", let d = lex.unit(b, at: e + 1), d.dimension != "currency" {
                return (UnitEntry.rate(u, d), e + 1 + d.surface.count, false, false)
            }
            return (u, e, false, false)
        }
        // 1.6 km, 12.5 %, 4 ℃: a Latin unit or a sign after one space (spaces next to Han are
        // already gone).
        if b[j] == " ", j > 0, b[j - 1].isASCIIDigit, let u = lex.unit(b, at: j + 1),
           let f = u.surface.first, !f.isHan {
            return (u, j + 1 + u.surface.count, false, false)
        }
        return (nil, j, false, false)
    }

    /// Rules that reject a unit in context: calendar years and days, 季度 without 个,
    /// 成 and 折 words, unit+character words (元旦, 三年级).
    func acceptUnit(_ u: UnitEntry, _ b: UnsafeBufferPointer<Unicode.Scalar>, pn: ParsedNumeral,
                    numStart: Int, unitStart: Int, unitEnd: Int) -> Bool {
        let n = b.count
        // A unit that runs on into a different word.
        // 度电 and 星期/周年 are units in their own right and matched first; others are words.
        if unitEnd < n, let last = u.surface.last, u.surface.count <= 2,
           lex.isBlockedUnitWord(last, b[unitEnd]) {
            // 10 所以上 is 10 所 + 以上, not 所以 ("therefore").
            let yishang = b[unitEnd] == "以" && unitEnd + 1 < n && "上下内".unicodeScalars.contains(b[unitEnd + 1])
            if !yishang { return false }
        }
        switch u.rule {
        case .cohort:
            // 2023届毕业生: a graduating class, named by its year.
            if pn.hasArabic && !pn.hasChinese && pn.arabicIntegerDigits == 4, let y = pn.value.intValue,
               (1900...2099).contains(y) { return false }
        case .year:
            if pn.isDigitSequence { return false }                       // 二〇二二年
            if pn.hasArabic && !pn.hasChinese && pn.value.isInteger && pn.arabicIntegerDigits == 4 && pn.low == nil {
                return false                                             // 2022 年
            }
            if unitEnd < n, b[unitEnd] == "月" || b[unitEnd] == "代" { return false }  // 22年3月, 90年代
            if let m = NumeralParser.parse(b, at: unitEnd), m.end < n, b[m.end] == "月",
               m.value.isInteger, let mv = m.value.intValue, (1...12).contains(mv) { return false }       // 15年一月
            // 康熙二十年, 民国三十年: a year of an era, not a duration.
            // transitional: UInt32(_:) compares by value whether TemporalTable.eras holds UInt32 (Dates/TemporalTable.swift
            // today) or Unicode.Scalar (after its conversion on another branch).
            if numStart >= 2, lex.eraFirsts.contains(b[numStart - 2]),
               lex.eras.contains(where: { $0.0.count == 2 && UInt32($0.0[0]) == b[numStart - 2].value
                                          && UInt32($0.0[1]) == b[numStart - 1].value }) {
                return false
            }
            if numStart >= 2, b[numStart - 2] == "公", b[numStart - 1] == "元" { return false }        // 公元
        case .day:
            if numStart > 0, b[numStart - 1] == "月" { return false }  // 3 月 11 日
            if pn.hasArabic && !lex.hasDurationContext(b, before: numStart) { return false }
        case .minuteOrScore:
            // 9 时 30 分, 7点15分: minutes of a clock time, not a score.
            if numStart > 0, ["时", "時", "点", "點"].contains(b[numStart - 1]) { return false }
        case .quarter:
            if unitStart < n, b[unitStart] != "个" && b[unitStart] != "個" { return false }
        case .cheng:
            if pn.value > ExactNumber(10) || pn.value.isNegative { return false }
        case .zhe:
            // 九折, 七五折, 8.5折; not 十折 or 三折叠.
            if pn.isShortSequence { return true }
            if pn.hasArabic && pn.value.isInteger && pn.arabicIntegerDigits == 2 && pn.value.exponent == 0 { return true }  // 75折
            if !(pn.value < ExactNumber(10)) || pn.value.isNegative || pn.value.isZero { return false }
        case .week:
            if unitEnd < n, NumeralTable.role(b[unitEnd]) != nil { return false }  // 3周一? a weekday
        default:
            break
        }
        return true
    }

    /// `3 至 5 万元`, `10-20 人`, `3 万元至 5 万元`: a second numeral after a connector.
    func readRange(_ b: UnsafeBufferPointer<Unicode.Scalar>, from j: Int, first: ParsedNumeral, firstUnit: UnitEntry?,
                   negative: Bool) -> (low: ExactNumber, high: ExactNumber, unit: UnitEntry?, end: Int)? {
        let n = b.count
        guard j + 1 < n, !negative else { return nil }
        var j = j
        if b[j] == " ", j + 2 < n, b[j + 1] != " ", b[j + 2] == " " || !b[j + 2].isASCIIDigit { j += 1 }
        let c = b[j]
        let isConnector = c == "至" || c == "到" || c == "-" || c == "—" || c == "–"
            || c == "~" || c == "〜"
        guard isConnector else { return nil }
        var k = j + 1
        if c == "—", k < n, b[k] == "—" { k += 1 }    // ——
        if k < n, b[k] == " " { k += 1 }
        guard k < n, QuantityRecognizer.isNumeralStart(b[k]) else { return nil }
        if c == "-" && (first.hasChinese || !b[k].isASCIIDigit) { return nil }
        guard let second = NumeralParser.parse(b, at: k), second.low == nil else { return nil }
        var end = second.end
        var unit = firstUnit
        if let fu = firstUnit {
            // 3 万元至 5 万元: the same unit again (or none: 3 万元至 5 万).
            if let (u2, e2, _, _) = Optional(readUnit(b, at: end)), let u = u2 {
                guard u.unit == fu.unit else { return nil }
                end = e2
            } else {
                return nil
            }
        } else {
            let (u2, e2, _, _) = readUnit(b, at: end)
            guard let u = u2 else { return nil }
            guard acceptUnit(u, b, pn: second, numStart: k, unitStart: end, unitEnd: e2) else { return nil }
            unit = u
            end = e2
        }
        var low = first.value
        let high = second.value
        // 3 至 5 万: the magnitude of the second numeral applies to the first.
        if first.trailingMagnitude == 0 && second.trailingMagnitude > 0 && firstUnit == nil
            && first.value < second.mantissa {
            low = first.value.multiplied(byPowerOfTen: second.trailingMagnitude)
        }
        guard low < high else { return nil }
        // 2020-2022 年 is a span of years (a date), not a quantity.
        if unit?.rule == .year && first.arabicIntegerDigits == 4 { return nil }
        return (low, high, unit, end)
    }

    /// 2022-03-11, 0755-88888888: digit groups joined by hyphens that are not a range.
    func isDashedCode(_ b: UnsafeBufferPointer<Unicode.Scalar>, from i: Int) -> Bool {
        var k = i, groups = 0, firstLen = 0, lens: [Int] = []
        let n = b.count
        while k < n {
            var len = 0
            while k < n, b[k].isASCIIDigit { k += 1; len += 1 }
            if len == 0 { break }
            groups += 1; lens.append(len)
            if groups == 1 { firstLen = len }
            if k < n, b[k] == "-" { k += 1 } else { break }
        }
        if groups >= 3 { return true }
        if groups == 2 && (firstLen >= 3 && lens[0] != lens[1] || b[i] == "0" || lens[1] >= 5) { return true }
        return false
    }

    // MARK: - Special starts

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

    /// 1/2, 3/5: an Arabic fraction (not a date: no third group, no 月/日 after).
    func arabicFraction(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ pn: ParsedNumeral, at j: Int) -> ParsedNumeral? {
        let n = b.count
        guard pn.value.isInteger, pn.hasArabic, !pn.hasChinese, j + 1 < n, b[j + 1].isASCIIDigit,
              let (den, end, _) = NumeralParser.parseArabic(b, at: j + 1), den.isInteger, !den.isZero else { return nil }
        if end < n, b[end] == "/" || b[end] == "." || b[end] == "-" || b[end].isASCIIDigit { return nil }
        if end < n, ["月", "日", "号", "年"].contains(b[end]) { return nil }   // 月 日 号 年
        var r = pn
        if let q = pn.value.divided(by: den) { r.value = q } else {
            guard let q = pn.value.dividedRounded(by: den, significantDigits: 15) else { return nil }
            r.value = q; r.approximate = true
        }
        r.end = end; r.mantissa = r.value; r.trailingMagnitude = 0
        return r
    }

    /// The value a smaller unit adds after a unit: 一块二角五分 (+0.25 元), 一块二 (+0.2),
    /// 三块四分 (+0.04), 三米九 (+0.9 米), 六斤八两 (+0.8 斤), 两毛五 (+0.5 毛).
    func compoundTail(_ b: UnsafeBufferPointer<Unicode.Scalar>, at j: Int, unit: UnitEntry) -> (ExactNumber, Int)? {
        guard let row = unit.compound else { return nil }
        let levels = CompoundTable.rows[row].levels
        let n = b.count
        var k = j, delta = ExactNumber.zero, level = 0, matched = false
        while level < levels.count, k < n {
            var zeroSkip = false
            if b[k] == "零" { zeroSkip = true; k += 1 }       // 三蚊零四: skip a level
            guard k < n, case .digit(let d)? = NumeralTable.role(b[k]) else { break }
            if k + 1 < n, NumeralTable.role(b[k + 1]) != nil { break }
            let digitEnd = k + 1
            let target = zeroSkip ? level + 1 : level
            var found = -1, len = 0
            for (li, words) in levels.enumerated() where li >= target {
                for ws in words where digitEnd + ws.count <= n {
                    if (0..<ws.count).allSatisfy({ b[digitEnd + $0] == ws[$0] }) { found = li; len = ws.count; break }
                }
                if found >= 0 { break }
            }
            if found < 0 {
                // A bare digit after the unit (一块二, 三米九): only Chinese digits, and only
                // if nothing unit-like follows (五元三个 is two figures).
                guard !matched, b[k].isASCIIDigit == false,
                      lex.unit(b, at: digitEnd) == nil else { break }
                let place = Int32(-(target + 1))
                guard let v = delta.adding(ExactNumber(d).multiplied(byPowerOfTen: place)) else { break }
                return (v, digitEnd)
            }
            guard let v = delta.adding(ExactNumber(d).multiplied(byPowerOfTen: Int32(-(found + 1)))) else { break }
            delta = v; k = digitEnd + len; level = found + 1; matched = true
        }
        return matched ? (delta, k) : nil
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
        guard let u = unit, u.isDuration || u.rule == .ge && end > i + 2 else { return (nil, i + 1) }
        guard u.rule != .quarter else { return (nil, i + 1) }
        if end < n, let last = u.surface.last, lex.isBlockedUnitWord(last, b[end]) { return (nil, i + 1) }
        var f = Figure(start: i, end: end, value: .half, rule: "half-unit")
        f.unit = u
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

    // MARK: - Qualifiers and context

    /// The prefix qualifier ending right before `i`: (qualifier, was it 近).
    func prefixQualifier(_ b: UnsafeBufferPointer<Unicode.Scalar>, before i: Int) -> (Qualifier, Bool)? {
        if let q = prefixQualifierAdjacent(b, before: i) { return (q.0, q.1) }
        // 至少有 10 个, 超过了 5 成, 最多为 5: one verb-like character between.
        if i >= 2, lex.gapCharacters.contains(b[i - 1]),
           let q = prefixQualifierAdjacent(b, before: i - 1) { return (q.0, q.1) }
        // 最多购买 2 袋, 大约需要 3 个小时, 至少隔离 21 天: a two-character qualifier, then a
        // verb of up to four Han characters (no 的, no numeral, no punctuation).
        var k = i - 1
        while k >= 0 && i - k <= 4 {
            let c = b[k]
            guard c.isHan, c != "的", NumeralTable.role(c) == nil else { return nil }
            if let q = prefixQualifierAdjacent(b, before: k), q.2 >= 2, q.0 != .exact { return (q.0, q.1) }
            k -= 1
        }
        return nil
    }

    func prefixQualifierAdjacent(_ b: UnsafeBufferPointer<Unicode.Scalar>, before i: Int) -> (Qualifier, Bool, Int)? {
        guard i > 0, lex.prefixLastCharacters.contains(b[i - 1]) else { return nil }
        for w in lex.falsePrefixWords where i >= w.count {
            var ok = true
            for (k, c) in w.enumerated() where b[i - w.count + k] != c { ok = false; break }
            if ok { return nil }
        }
        for (w, q) in lex.prefixes where i >= w.count {
            var ok = true
            for (k, c) in w.enumerated() where b[i - w.count + k] != c { ok = false; break }
            if ok { return (q, w == ["近"], w.count) }
        }
        return nil
    }

    /// A suffix qualifier at `j`: (qualifier, length).
    func suffixQualifierAt(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ j: Int) -> (Qualifier, Int)? {
        let n = b.count
        guard j < n, lex.suffixFirstCharacters.contains(b[j]) else { return nil }
        for (w, q) in lex.suffixes where j + w.count <= n {
            var ok = true
            for (k, c) in w.enumerated() where b[j + k] != c { ok = false; break }
            guard ok else { continue }
            let after = j + w.count
            if w.count == 1 {
                // 一年多 / 20 人余: only when no unit or numeral follows (多次, 多个 are other words).
                if after < n && (lex.unit(b, at: after) != nil || NumeralTable.role(b[after]) != nil
                                 || b[after].isHan && !lex.boundaryAfterSuffix.contains(b[after])
                                 && !lex.objectStopChars.contains(b[after]) && b[after] != "来") {
                    continue
                }
                if w[0] == "许" { continue }   // 许 only as a numeral suffix; too rare after units
            }
            if w == ["上", "下"] || w == ["前", "后"] {
                if after < n && !lex.boundaryAfterSuffix.contains(b[after]) { continue }
            }
            return (q, w.count)
        }
        return nil
    }

    /// 港币 3.14: a currency word right before the numeral.
    func currencyWordBefore(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> ([Unicode.Scalar], String)? {
        for (w, code) in lex.currencyPrefixes where i >= w.count {
            var ok = true
            for (k, c) in w.enumerated() where b[i - w.count + k] != c { ok = false; break }
            // 5美元3: 美元 is the unit of the 5 before it, not a prefix of the 3.
            if ok, i - w.count > 0, QuantityRecognizer.isNumeralStart(b[i - w.count - 1]) { continue }
            if ok { return (w, code) }
        }
        return nil
    }

    /// What a classifier counts: the noun right after it, up to a stop.
    func objectAfter(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Range<Int>? {
        let n = b.count
        var k = i
        let limit = min(n, i + 12)
        let joinedBreak = source.nextJoinedBreak(from: i + 1)
        while k < limit {
            let c = b[k]
            let han = c.isHan
            guard han || c.isASCIILetterOrDigit || (c == " " && k > i) || c == "-" || c == "." else { break }
            if han && lex.objectStopChars.contains(c) { break }
            if han && NumeralTable.role(c) != nil && k > i && QuantityRecognizer.isNumeralStart(c) {
                if case .digit? = NumeralTable.role(c) { break }
            }
            if c.isASCIIDigit && k == i { break }
            // Another figure (城市 78 家) or a joined line break (a headline's end) ends the object.
            if k > i && (k == joinedBreak || c.isASCIIDigit && b[k - 1].isHan) {
                if k - i == 1 && c.isASCIIDigit { return nil }   // 一份近 60 人: 近 is the next figure's
                break
            }
            var stop = false
            if lex.objectStopFirsts.contains(c), let words = lex.objectStopsByFirst[c.value] {
                for w in words where k + w.count <= n {
                    var ok = true
                    for (m, s) in w.enumerated() where b[k + m] != s { ok = false; break }
                    if ok { stop = true; break }
                }
            }
            if stop { break }
            k += 1
        }
        while k > i && b[k - 1] == " " { k -= 1 }
        guard k - i >= 1, b[k - 1].isHan || b[k - 1].isASCIILetterOrDigit else { return nil }
        guard k - i >= 2 || b[i].isHan else { return nil }
        return i..<k
    }

    /// A numeral with no unit is reported as a number unless it is part of a date,
    /// a clock, a phone number or a hotline.
    func isBareNumber(_ b: UnsafeBufferPointer<Unicode.Scalar>, pn: ParsedNumeral, numStart: Int, end: Int) -> Bool {
        let n = b.count
        if end < n {
            let c = b[end]
            // 年 月 日 号 號 时 時 点 點 分 秒: calendar and clock.
            if ["年", "月", "日", "号", "號", "时", "時", "点", "點", "分", "秒"].contains(c) {
                return false
            }
        }
        if numStart > 0, b[numStart - 1] == "月" { return false }
        if pn.hasArabic && !pn.hasChinese && pn.value.isInteger {
            // Identifiers: after 编号/电话/热线… (any length); hotlines in brackets; mobile numbers.
            let from = max(0, numStart - 6)
            for w in lex.identifierWords where from + w.count <= numStart {
                for s in from...(numStart - w.count) {
                    var ok = true
                    for (k, c) in w.enumerated() where b[s + k] != c { ok = false; break }
                    if ok { return false }
                }
            }
            if pn.arabicIntegerDigits >= 5 && numStart > 0 && (b[numStart - 1] == "(" || b[numStart - 1] == "（") {
                return false
            }
            if pn.arabicIntegerDigits == 11 && b[numStart] == "1" { return false }   // mobile number
        }
        if pn.hasChinese && !pn.hasArabic && pn.length == 1 {
            // A lone Chinese numeral between Han characters is almost always part of a word.
            let leftHan = numStart > 0 && b[numStart - 1].isHan
            let rightHan = end < n && b[end].isHan
            // 一 and 两 are in countless words (一看, 一起, 两边); other digits alone are numbers.
            if (b[numStart] == "一" || b[numStart] == "两") && (leftHan || rightHan) { return false }
            if NumeralTable.isAmbiguousDigit(b[numStart]) && (leftHan || rightHan) { return false }
        }
        return true
    }

    func skipNumeral(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Int {
        if let p = NumeralParser.parse(b, at: i) { return p.end }
        return i + 1
    }

    /// Skips a run of Latin letters, digits and joiners (KN95, COVID-19, 2022-03-11).
    func skipCode(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Int {
        var k = i
        let n = b.count
        while k < n, b[k].isASCIILetterOrDigit || ((b[k] == "-" || b[k] == "." || b[k] == "/" || b[k] == ":")
                                                      && k + 1 < n && b[k + 1].isASCIILetterOrDigit) {
            k += 1
        }
        return max(k, i + 1)
    }

    // MARK: - Records

    func record(_ f: Figure, _ b: UnsafeBufferPointer<Unicode.Scalar>, hint: inout Int, lineHint: inout Int) -> Record? {
        let isNumber = f.unit == nil
        if isNumber ? !emitNumbers : !emitQuantities { return nil }
        let (s, e) = source.originalSpan(f.start, f.end, hint: &hint)
        var r = Record(doc: doc, type: isNumber ? .number : .quantity, text: source.slice(s, e),
                       start: s, end: e, line: source.line(ofOriginal: s, hint: &lineHint))
        r.value = f.value
        if let u = f.unit {
            r.unit = u.unit
            var dim = u.dimension
            if u.isTemperatureDegree && electricityContext(b, f.start) { dim = "energy" }
            r.dimension = dim
            r.currency = f.currency
        } else {
            r.unit = ""
        }
        r.qualifier = f.qualifier
        r.low = f.low
        r.high = f.high
        if let o = f.objectRange {
            let (os, oe) = source.originalSpan(o.lowerBound, o.upperBound, hint: &hint)
            r.object = source.sliceWithoutBreaks(os, oe)
        }
        return r
    }

    /// 用电 100 万度: 度 of electricity when 电 stands within the few characters before.
    func electricityContext(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && k >= i - 8 {
            if b[k] == "电" { return true }
            if b[k] == "温" { return false }   // 温
            k -= 1
        }
        return false
    }
}
