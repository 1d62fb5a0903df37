/// Words for dates and times, with what each one means.
///
/// Sources: the temporal vocabulary of news Chinese (现代汉语词典 time nouns),
/// HeidelTime's Chinese resources for parts of day, and TIMEX3 (ISO-TimeML) for
/// the values: parts of day MO (morning), MI (midday), AF (afternoon), EV
/// (evening), NI (night), DT (daytime); PRESENT_REF / PAST_REF / FUTURE_REF for
/// "now", "before", "later" when no document date is known.
enum TemporalTable {
    /// What a relative word says, before the document date resolves it.
    struct Relative: Sendable {
        var days: Int? = nil          // 今天 0, 昨天 -1
        var years: Int? = nil         // 今年 0, 去年 -1
        var months: Int? = nil        // 本月 0, 上月 -1
        var weeks: Int? = nil         // 本周 0, 上周 -1
        var anaphoric = false         // 当日, 次日: counted from the date in context
        var reference: TemporalReference? = nil  // PRESENT_REF, PAST_REF, FUTURE_REF, or the set XXXX-XX-XX
        var partOfDay: PartOfDay? = nil          // 今晚 → NI
        var weekend = false           // 周末
    }

    static let relativeSource: [(String, Relative)] = [
        ("今天", .init(days: 0)), ("今日", .init(days: 0)), ("本日", .init(days: 0)),
        ("昨天", .init(days: -1)), ("昨日", .init(days: -1)), ("前天", .init(days: -2)), ("前日", .init(days: -2)),
        ("大前天", .init(days: -3)), ("明天", .init(days: 1)), ("明日", .init(days: 1)), ("聽日", .init(days: 1)),
        ("后天", .init(days: 2)), ("後天", .init(days: 2)), ("後日", .init(days: 2)), ("大后天", .init(days: 3)),
        ("大後天", .init(days: 3)), ("大後日", .init(days: 3)),
        ("今晚", .init(days: 0, partOfDay: "NI")), ("今夜", .init(days: 0, partOfDay: "NI")),
        ("今早", .init(days: 0, partOfDay: "MO")), ("今晨", .init(days: 0, partOfDay: "MO")),
        ("昨晚", .init(days: -1, partOfDay: "NI")), ("昨夜", .init(days: -1, partOfDay: "NI")),
        ("明早", .init(days: 1, partOfDay: "MO")), ("明晚", .init(days: 1, partOfDay: "NI")),
        ("当日", .init(days: 0, anaphoric: true)), ("當日", .init(days: 0, anaphoric: true)),
        ("当天", .init(days: 0, anaphoric: true)), ("當天", .init(days: 0, anaphoric: true)),
        ("当晚", .init(days: 0, anaphoric: true, partOfDay: "NI")),
        ("當晚", .init(days: 0, anaphoric: true, partOfDay: "NI")),
        ("次日", .init(days: 1, anaphoric: true)), ("翌日", .init(days: 1, anaphoric: true)),
        ("今年", .init(years: 0)), ("本年", .init(years: 0)), ("去年", .init(years: -1)), ("前年", .init(years: -2)),
        ("明年", .init(years: 1)), ("下年", .init(years: 1)), ("后年", .init(years: 2)), ("後年", .init(years: 2)),
        ("本月", .init(months: 0)), ("这个月", .init(months: 0)), ("這個月", .init(months: 0)), ("今個月", .init(months: 0)),
        ("当月", .init(months: 0)), ("上月", .init(months: -1)), ("上个月", .init(months: -1)), ("上個月", .init(months: -1)),
        ("下月", .init(months: 1)), ("下个月", .init(months: 1)), ("下個月", .init(months: 1)),
        ("本周", .init(weeks: 0)), ("本週", .init(weeks: 0)), ("这周", .init(weeks: 0)), ("這週", .init(weeks: 0)),
        ("这一周", .init(weeks: 0)), ("這一周", .init(weeks: 0)), ("这礼拜", .init(weeks: 0)), ("這禮拜", .init(weeks: 0)),
        ("这一礼拜", .init(weeks: 0)), ("這一禮拜", .init(weeks: 0)), ("这个星期", .init(weeks: 0)), ("這個星期", .init(weeks: 0)),
        ("这星期", .init(weeks: 0)), ("本星期", .init(weeks: 0)), ("今個星期", .init(weeks: 0)), ("今個禮拜", .init(weeks: 0)),
        ("今個礼拜", .init(weeks: 0)), ("今礼拜", .init(weeks: 0)), ("今禮拜", .init(weeks: 0)),
        ("上周", .init(weeks: -1)), ("上週", .init(weeks: -1)), ("上星期", .init(weeks: -1)), ("上礼拜", .init(weeks: -1)),
        ("上禮拜", .init(weeks: -1)), ("上个星期", .init(weeks: -1)), ("上個星期", .init(weeks: -1)),
        ("上个礼拜", .init(weeks: -1)), ("上個礼拜", .init(weeks: -1)), ("上個禮拜", .init(weeks: -1)),
        ("上上周", .init(weeks: -2)), ("上上個週", .init(weeks: -2)), ("上上个星期", .init(weeks: -2)),
        ("下周", .init(weeks: 1)), ("下週", .init(weeks: 1)), ("下星期", .init(weeks: 1)), ("下礼拜", .init(weeks: 1)),
        ("下禮拜", .init(weeks: 1)), ("下个星期", .init(weeks: 1)), ("下個星期", .init(weeks: 1)),
        ("下个礼拜", .init(weeks: 1)), ("下個禮拜", .init(weeks: 1)), ("下下周", .init(weeks: 2)), ("下下週", .init(weeks: 2)),
        ("周末", .init(weekend: true)), ("週末", .init(weekend: true)),
        ("近期", .init(reference: "PAST_REF")), ("近日", .init(reference: "PAST_REF")),
        ("日前", .init(reference: "PAST_REF")), ("此前", .init(reference: "PAST_REF")),
        ("早前", .init(reference: "PAST_REF")), ("前不久", .init(reference: "PAST_REF")),
        ("目前", .init(reference: "PRESENT_REF")), ("现在", .init(reference: "PRESENT_REF")),
        ("現在", .init(reference: "PRESENT_REF")), ("此刻", .init(reference: "PRESENT_REF")),
        ("眼下", .init(reference: "PRESENT_REF")), ("如今", .init(reference: "PRESENT_REF")),
        ("宜家", .init(reference: "PRESENT_REF")),
        ("今后", .init(reference: "FUTURE_REF")), ("今後", .init(reference: "FUTURE_REF")),
        ("将来", .init(reference: "FUTURE_REF")), ("將來", .init(reference: "FUTURE_REF")),
        ("每天", .init(reference: "XXXX-XX-XX")), ("每日", .init(reference: "XXXX-XX-XX")),
    ]

    static let relatives: [([Unicode.Scalar], Relative)] = relativeSource
        .map { (Array($0.0.unicodeScalars), $0.1) }
        .sorted { $0.0.count > $1.0.count }
    static let relativeFirsts = ScalarSet(relatives.compactMap { $0.0.first })
    /// Indices into `relatives` by first character, longest word first. Keyed by the scalar's
    /// value: a UInt32 key hashes in one step, a Unicode.Scalar key through a whole Hasher.
    static let relativesByFirst: [UInt32: [Int]] = {
        var map: [UInt32: [Int]] = [:]
        for (k, r) in relatives.enumerated() { if let f = r.0.first { map[f.value, default: []].append(k) } }
        return map
    }()

    /// Characters that end the numeral of a date or time (3月, 11日, 12号, 19时, 7点, 一季度).
    static let dateCharacters = ScalarSet("年月日号號时時点點季")
    static let rangeConnectors = ScalarSet("-~～至到—–〜")

    /// Characters that, before a relative word, make a different word, by the word's first
    /// character: 出现在, 发现在, 实现在 (not 现在); 即将来临 (即将 "about to", not 将来).
    static let relativeLeftBlockers: [(first: ScalarSet, before: ScalarSet)] = [
        (ScalarSet("现現"), ScalarSet("出发發表实實体體展呈涌再显顯兑")),
        (ScalarSet("将將"), ScalarSet("即")),
    ]

    /// Relative words whose end begins another word with the characters after them, unless
    /// the character after those makes them a word again: (end of the relative word, the
    /// character after it, what undoes the block). 将来自, 将来到: 将 is "about to"
    /// (but 将来自己); 探明天然气: 天然 is a word (but 明天然后, 今天然而).
    static let relativeRightBlockers: [(end: [Unicode.Scalar], next: ScalarSet, unless: ScalarSet)] = [
        (["将", "来"], ScalarSet("自到临臨"), ScalarSet("己")),
        (["將", "來"], ScalarSet("自到临臨"), ScalarSet("己")),
        (["天"], ScalarSet("然"), ScalarSet("后後而")),
    ]

    /// Parts of day, longest first: word → TIMEX3 part, and the hour shift for a clock after it
    /// (下午 3 点 → 15:00; 晚上 7 点 → 19:00; 凌晨 2 点 stays 02:00).
    static let partsOfDaySource: [(String, PartOfDay, Int)] = [
        ("上午", "MO", 0), ("早上", "MO", 0), ("早晨", "MO", 0), ("清晨", "MO", 0), ("凌晨", "MO", 0),
        ("中午", "MI", 12), ("正午", "MI", 12), ("下午", "AF", 12), ("午后", "AF", 12), ("晏晝", "AF", 12),
        ("傍晚", "EV", 12), ("晚上", "NI", 12), ("晚间", "NI", 12), ("夜间", "NI", 12), ("夜里", "NI", 12),
        ("深夜", "NI", 12), ("白天", "DT", 0), ("早间", "MO", 0), ("午间", "MI", 12), ("夜晚", "NI", 12),
        ("晚上时分", "NI", 12), ("半夜", "NI", 12), ("午夜", "NI", 12), ("子夜", "NI", 12),
        ("早", "MO", 0), ("晚", "NI", 12),
    ]
    static let partsOfDay: [([Unicode.Scalar], PartOfDay, Int)] = partsOfDaySource
        .map { (Array($0.0.unicodeScalars), $0.1, $0.2) }
        .sorted { $0.0.count > $1.0.count }
    static let partOfDayFirsts = ScalarSet(partsOfDay.compactMap { $0.0.first })

    /// Weekday prefixes (星期三, 周三, 礼拜三) and the day names after them.
    static let weekdayPrefixes: [[Unicode.Scalar]] = ["星期", "礼拜", "禮拜", "周", "週"].map { Array($0.unicodeScalars) }
    static func weekday(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "一": return 1; case "二": return 2; case "三": return 3; case "四": return 4
        case "五": return 5; case "六": return 6; case "日", "天": return 7
        default: return nil
        }
    }

    /// Suffixes after a month or year that narrow it without a TIMEX3 day (3 月底 → XXXX-03).
    static let periodSuffixes: [[Unicode.Scalar]] = ["底", "初", "末", "中", "上旬", "中旬", "下旬", "份"]
        .map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    /// Characters after 号 that make it a number, not a day (3 号线, 5 号楼).
    static let haoBlockers = ScalarSet("线楼院文码令召称房车馆台位机窗口门厅栋室泊集桥井坑床箱仓库站厂场道闸堤坝馆展摊铺柜泵")

    /// Chinese era names (年号) and the Gregorian year of their first year (元年):
    /// 康熙二十年 = 1662 + 19 = 1681. Source: standard chronological tables of the
    /// Tang, Ming and Qing dynasties and the Republic (民国元年 = 1912).
    static let eraSource: [(String, Int)] = [
        ("贞观", 627), ("貞觀", 627), ("永徽", 650), ("神龙", 705), ("神龍", 705), ("开元", 713), ("開元", 713),
        ("天宝", 742), ("天寶", 742), ("洪武", 1368), ("永乐", 1403), ("永樂", 1403), ("宣德", 1426),
        ("正统", 1436), ("成化", 1465), ("弘治", 1488), ("正德", 1506), ("嘉靖", 1522), ("隆庆", 1567),
        ("万历", 1573), ("萬曆", 1573), ("天启", 1621), ("崇祯", 1628), ("崇禎", 1628), ("顺治", 1644),
        ("順治", 1644), ("康熙", 1662), ("雍正", 1723), ("乾隆", 1736), ("嘉庆", 1796), ("嘉慶", 1796),
        ("道光", 1821), ("咸丰", 1851), ("咸豐", 1851), ("同治", 1862), ("光绪", 1875), ("光緒", 1875),
        ("宣统", 1909), ("宣統", 1909), ("民国", 1912), ("民國", 1912),
    ]
    static let eras: [([Unicode.Scalar], Int)] = eraSource.map { (Array($0.0.unicodeScalars), $0.1) }
    static let eraFirsts = ScalarSet(eras.compactMap { $0.0.first })

    /// The first two characters of every temporal word but holidays: a word-start trigger must
    /// begin one (天宝 begins with the common 天; most 天 begin no temporal word at all). Holidays
    /// are looked up by their own table (their first pairs, 中国 and 国际, are too common here).
    static let bigrams: Set<UInt64> = {
        var words: [[Unicode.Scalar]] = relatives.map { $0.0 } + partsOfDay.map { $0.0 } + weekdayPrefixes
        words += eraSource.map { Array($0.0.unicodeScalars) }
        let extra = ["民国", "民國", "正月", "腊月", "臘月", "冬月", "上半", "下半", "农历", "農曆", "阴历", "陰曆", "旧历", "舊曆"]
        words += extra.map { Array($0.unicodeScalars) }
        for p: Unicode.Scalar in ["周", "週"] { for d in "一二三四五六日天末".unicodeScalars { words.append([p, d]) } }
        for d in "一二三四1234".unicodeScalars { words.append(["第", d]) }   // 第一季度
        var set = Set<UInt64>()
        for w in words where w.count >= 2 { set.insert(UInt64(w[0].value) << 32 | UInt64(w[1].value)) }
        return set
    }()
    static let bigramSeconds = ScalarSet(bigrams.map { UInt32(truncatingIfNeeded: $0) })
}
