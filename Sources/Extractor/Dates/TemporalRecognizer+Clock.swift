import Normalizer

/// Times of day: parts of day (上午, 晚上) and clocks (19时30分, 7点半, 08:30).
extension TemporalRecognizer {
    func readPartOfDay(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (PartOfDay, Int, Int)? {
        let n = b.count
        guard i < n, lex.partOfDayFirsts.contains(b[i]) else { return nil }
        for (w, pod, shift) in lex.partsOfDay where i + w.count <= n {
            var ok = true
            for (k, s) in w.enumerated() where b[i + k] != s { ok = false; break }
            if ok { return (pod, shift, i + w.count) }
        }
        return nil
    }

    /// 19时, 19 时 30 分, 7点半, 三点一刻, 8点15分, 十点整, 08:30, 24时. Not 24 小时, not 三点五 (3.5).
    /// The Cantonese clock counts minutes in fives (字): 三點搭三, 三點三個字 (3:15), 三點踏半 (3:30),
    /// and after a part of day 晏晝三點一 (3:05).
    func readClock(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, afterPartOfDay: Bool = false)
        -> (Int, Int?, Int?, Int)? {
        let n = b.count
        guard i < n else { return nil }
        if b[i].isASCIIDigit, let r = readColonClock(b, at: i) { return r }
        guard let (h, e) = readSmall(b, at: i, max: 24), e < n else { return nil }
        let c = b[e]
        let isShi = c == "时" || c == "時"
        let isDian = c == "点" || c == "點"
        guard isShi || isDian else { return nil }
        var j = e + 1
        var minute: Int? = nil, second: Int? = nil
        var hour = h
        if j < n, b[j] == "半" { minute = 30; j += 1 }
        else if j < n, b[j] == "整" { minute = 0; j += 1 }
        else if isDian, j + 1 < n, b[j] == "差" || b[j] == "过" || b[j] == "過",
                let (m, e2) = readMinutes(b, at: j + 1), m > 0 {
            // 三点差五分 (2:55), 三点差一刻 (2:45), 三点过五分 (3:05).
            if b[j] == "差" { minute = 60 - m; hour = h == 0 ? 23 : h - 1 } else { minute = m }
            j = e2
        }
        else if isDian, let (m, e2) = cantoneseMinutes(b, at: j, afterPartOfDay: afterPartOfDay && b[e] == "點") {
            minute = m; j = e2
        }
        else if j + 1 < n, let (q, e2) = readSmall(b, at: j, max: 3), e2 < n, b[e2] == "刻" {
            minute = q * 15; j = e2 + 1                         // 三点一刻
        }
        else if let (m, e2) = readSmall(b, at: j, max: 59) {
            let zeroLed = b[j] == "零" || b[j] == "〇"         // 三点零五
            if e2 < n, b[e2] == "分", !(e2 + 1 < n && b[e2 + 1] == "钟") {
                minute = m; j = e2 + 1                          // 30 分 (not 30 分钟)
                if let (s, e3) = readSmall(b, at: j, max: 59), e3 < n, b[e3] == "秒" { second = s; j = e3 + 1 }
            } else if isDian && (zeroLed || m >= 10) && !(e2 < n && (lex.unit(b, at: e2) != nil)) {
                minute = m; j = e2                              // 三点十五, 三点零五
            } else if isDian && role(b[j]) != nil && !b[j].isASCIIDigit {
                return nil                                      // 三点五: a decimal, not a clock
            }
        }
        if isDian && minute == nil && role(b[i]) != nil && i + 1 < n && b[i + 1] == b[e] {
            // 一点: "a little" unless a part of day or 钟 makes it a clock.
            if h == 1 && !(i > 0 && lex.partOfDayFirsts.contains(b[i - 1])) && !(j < n && b[j] == "钟") { return nil }
        }
        if isShi && h == 0 && minute == nil && role(b[i]) != nil { return nil }
        if j < n, b[j] == "钟" || b[j] == "鐘" { j += 1 }         // 点钟
        return (hour, minute, second, j)
    }

    /// Minutes after 差 or 过: 五分, 5分钟, 一刻 (15), 十 (no 分).
    func readMinutes(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, Int)? {
        let n = b.count
        guard let (m, e) = readSmall(b, at: i, max: 59) else { return nil }
        if e < n, b[e] == "刻", m <= 3 { return (15 * m, e + 1) }
        if e < n, b[e] == "分" {
            if e + 1 < n, b[e + 1] == "钟" || b[e + 1] == "鐘" { return (m, e + 2) }
            return (m, e + 1)
        }
        return nil
    }

    /// Minutes after 點 counted in fives: 搭三/踏三 or 三個字 (15), 踏半 (30), and a bare digit
    /// when a part of day came first (`bare`: 晏晝三點一, 3:05).
    func cantoneseMinutes(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, afterPartOfDay bare: Bool)
        -> (Int, Int)? {
        let n = b.count
        guard i < n else { return nil }
        if b[i] == "搭" || b[i] == "踏" {
            if i + 1 < n, b[i + 1] == "半" { return (30, i + 2) }
            guard let (d, e) = readSmall(b, at: i + 1, max: 11), d >= 1 else { return nil }
            return (5 * d, e)
        }
        guard NumeralTable.role(b[i]) != nil, !b[i].isASCIIDigit, let (d, e) = readSmall(b, at: i, max: 11), d >= 1
        else { return nil }
        if e + 1 < n, b[e] == "個" || b[e] == "个", b[e + 1] == "字" { return (5 * d, e + 2) }
        if bare, !(e < n && (NumeralTable.role(b[e]) != nil || b[e] == "分" || b[e] == "刻" || b[e] == "秒")) {
            return (5 * d, e)
        }
        return nil
    }

    /// 08:30, 13:07:33, 3:15PM, 3pm.
    func readColonClock(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (Int, Int?, Int?, Int)? {
        let n = b.count
        var k = i, h = 0, d = 0
        while k < n, b[k].isASCIIDigit, d < 2 { h = h * 10 + digit(b[k]); k += 1; d += 1 }
        guard d > 0, h <= 24 else { return nil }
        var minute: Int? = nil, second: Int? = nil
        if k + 2 < n, b[k] == ":", b[k + 1].isASCIIDigit, b[k + 2].isASCIIDigit {
            minute = digit(b[k + 1]) * 10 + digit(b[k + 2])
            k += 3
            if k + 2 < n, b[k] == ":", b[k + 1].isASCIIDigit, b[k + 2].isASCIIDigit {
                second = digit(b[k + 1]) * 10 + digit(b[k + 2])
                k += 3
            }
            guard let m = minute, m < 60 else { return nil }
        }
        // am / pm suffixes (3pm, 3:15PM, 11:30:10 p.m.)
        if minute != nil, k + 4 < n, b[k] == " ", isLetter(b[k + 1], "p") || isLetter(b[k + 1], "a"),
           b[k + 2] == ".", isLetter(b[k + 3], "m"), b[k + 4] == "." {
            return (isLetter(b[k + 1], "p") && h < 12 ? h + 12 : h, minute, second, k + 5)
        }
        if k < n, isLetter(b[k], "p") || isLetter(b[k], "a") {
            let pm = isLetter(b[k], "p")
            var e = k + 1
            if e < n, isLetter(b[e], "m") { e += 1 } else if minute == nil { return nil }   // 5A级 is no clock
            if e < n, b[e].isASCIILetterOrDigit { return minute == nil ? nil : (h, minute, second, k) }
            return (pm && h < 12 ? h + 12 : h, minute, second, e)
        }
        guard minute != nil else { return nil }
        if k < n, b[k].isASCIIDigit { return nil }
        return (h, minute, second, k)
    }

    /// 下午 3 点 → 15; 晚上 12 点 → 0 (midnight) is left as 24; 凌晨/上午 keep the hour; at night
    /// one to four o'clock are the small hours (半夜两点 is 02:00, 晚上八点 20:00).
    func adjust(_ h: Int, shift: Int, pod: PartOfDay?) -> Int {
        if shift == 12 && h < 12 {
            if pod == "MI" && h <= 2 { return h + 12 }
            if pod == "MI" { return h }
            if pod == "NI" && h >= 1 && h <= 4 { return h }
            return h + 12
        }
        return h
    }
}
