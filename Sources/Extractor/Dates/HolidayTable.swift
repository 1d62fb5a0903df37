/// Holidays and the calendar days they name, in simplified and traditional characters.
///
/// Sources: China's statutory and traditional festivals (全国年节及纪念日放假办法; the lunar
/// festivals and the 24 solar terms) and memorial days, and the religious holidays named in
/// Chinese news with the calendars
/// that fix them (Christian by Easter, Islamic, Jewish, Hindu; vocabulary cross-checked with
/// facebook/duckling's ZH time rules). Each line is a rule, then the words that name it. Words
/// beginning with the very frequent 国家, 世界 or 国际 are left out: the scan would try them at
/// every 国家 (国际劳动节 is still found at 劳动节).
enum HolidayTable {
    struct Entry: Sendable {
        let rule: HolidayRule
        /// Days of a holiday period (春节假期: 7), 0 for a single day.
        let periodDays: Int
        /// A word that is a holiday only with a holiday word after it (清明节假期, 清明前后; not
        /// 政治清明), or next to a year.
        let needsContext: Bool
    }

    static let source: [(HolidayRule, String)] = [
        // Gregorian dates
        (.gregorian(month: 1, day: 1), "元旦 元旦节 元旦節 阳历新年 陽曆新年 公历新年 公曆新年"),
        (.gregorian(month: 2, day: 14), "情人节 情人節 圣瓦伦丁节 聖瓦倫丁節"),
        (.gregorian(month: 3, day: 8), "妇女节 婦女節 三八妇女节 三八婦女節 三八节"),
        (.gregorian(month: 3, day: 12), "植树节 植樹節"),
        (.gregorian(month: 3, day: 14), "白色情人节 白色情人節"),
        (.gregorian(month: 3, day: 15), "三一五 消费者权益日 消費者權益日 国际消费者权益日 世界消费者权益日"),
        (.gregorian(month: 3, day: 17), "圣帕特里克节 聖帕特里克節"),
        (.gregorian(month: 4, day: 1), "愚人节 愚人節"),
        (.gregorian(month: 5, day: 1), "劳动节 勞動節 五一劳动节 五一勞動節 五一国际劳动节 五一國際勞動節"),
        (.gregorian(month: 5, day: 4), "青年节 青年節 五四青年节 五四青年節"),
        (.gregorian(month: 5, day: 12), "护士节 護士節"),
        (.gregorian(month: 6, day: 1), "儿童节 兒童節 六一儿童节 六一兒童節"),
        (.gregorian(month: 7, day: 1), "建党节 建黨節 香港回归纪念日 香港回歸紀念日"),
        (.gregorian(month: 8, day: 1), "建军节 建軍節 八一建军节 八一建軍節"),
        (.gregorian(month: 9, day: 10), "教师节 教師節"),
        (.gregorian(month: 10, day: 1), "国庆节 國慶節 國慶节 国庆 國慶"),
        (.gregorian(month: 10, day: 31), "万圣节 萬聖節"),
        (.gregorian(month: 11, day: 11), "光棍节 光棍節 双十一 雙十一"),
        (.gregorian(month: 12, day: 13), "南京大屠杀纪念日 南京大屠殺紀念日"),
        (.gregorian(month: 12, day: 20), "澳门回归纪念日 澳門回歸紀念日"),
        (.gregorian(month: 12, day: 24), "平安夜"),
        (.gregorian(month: 12, day: 25), "圣诞节 聖誕節 圣诞 聖誕"),
        (.gregorian(month: 12, day: 31), "新年夜"),
        // Weekdays of a month
        (.nthWeekday(month: 5, nth: 2, weekday: 7), "母亲节 母親節"),
        (.nthWeekday(month: 6, nth: 3, weekday: 7), "父亲节 父親節"),
        (.nthWeekday(month: 11, nth: 4, weekday: 4), "感恩节 感恩節"),
        // The Chinese calendar
        (.chinese(month: 1, day: 1), "春节 春節 农历新年 農曆新年 大年初一 正月正时 正月正時"),
        (.chinese(month: 1, day: 15), "元宵节 元宵節 上元节 上元節"),
        (.chinese(month: 2, day: 2), "龙抬头 龍抬頭"),
        (.chinese(month: 5, day: 5), "端午节 端午節 端午 端阳节 端陽節"),
        (.chinese(month: 7, day: 7), "七夕 七夕节 七夕節 乞巧节 乞巧節"),
        (.chinese(month: 7, day: 15), "中元节 中元節 盂兰盆节 盂蘭盆節"),
        (.chinese(month: 8, day: 15), "中秋节 中秋節 中秋"),
        (.chinese(month: 9, day: 9), "重阳节 重陽節"),
        (.chinese(month: 12, day: 8), "腊八节 臘八節 腊八 臘八"),
        (.chinese(month: 12, day: 23), "小年夜"),
        (.chineseNewYearsEve, "除夕 除夕夜 大年三十 年三十 大年夜"),
        // Solar terms (雨水, 小雪, 大雪, 小寒, 大寒, 小暑 and 大暑 are also weather words, and stay so)
        (.solarTerm(2), "立春"), (.solarTerm(4), "惊蛰 驚蟄"),
        (.solarTerm(5), "春分"), (.solarTerm(6), "清明节 清明節"), (.solarTerm(7), "谷雨 穀雨"),
        (.solarTerm(8), "立夏"), (.solarTerm(9), "小满 小滿"), (.solarTerm(10), "芒种 芒種"),
        (.solarTerm(11), "夏至"), (.solarTerm(14), "立秋"),
        (.solarTerm(15), "处暑 處暑"), (.solarTerm(16), "白露"), (.solarTerm(17), "秋分"),
        (.solarTerm(18), "寒露"), (.solarTerm(19), "霜降"), (.solarTerm(20), "立冬"), (.solarTerm(23), "冬至"),
        // Easter and the days reckoned from it
        (.easter(0), "复活节 復活節 主复活日 主復活日"),
        (.easter(1), "复活节星期一 復活節星期一"),
        (.easter(-1), "圣周六 聖週六 神圣周六 神聖週六 复活节前夜 復活節前夜 黑色星期六 主受难节翌日 主受難節翌日"),
        (.easter(-2), "耶稣受难日 耶穌受難日 耶稣受难节 耶穌受難節 主受难节 主受難節 圣周五 聖週五 受难节 受難節"),
        (.easter(-3), "濯足节 濯足節 神圣星期四 神聖星期四 圣周四 聖週四"),
        (.easter(-7), "棕枝主日 圣枝主日 聖枝主日 基督苦难主日 基督苦難主日"),
        (.easter(-46), "大斋首日 大齋首日 圣灰日 聖灰日 灰日 圣灰星期三 聖灰星期三"),
        (.easter(-47), "忏悔节 懺悔節 煎饼星期二 煎餅星期二"),
        (.easter(39), "耶稣升天节 耶穌升天節 耶稣升天日 耶穌升天日"),
        (.easter(49), "五旬节 五旬節 圣灵降临节 聖靈降臨節 圣灵降临日 聖靈降臨日"),
        (.easter(50), "圣灵节庆日 聖靈節慶日"),
        (.easter(56), "圣三一主日 聖三一主日 天主三一主日 圣三节 聖三節"),
        (.easter(60), "基督圣体节 基督聖體節 基督圣体圣血节 基督聖體聖血節 基督聖體聖血瞻礼 基督圣体圣血瞻礼"),
        (.orthodoxEaster(0), "东正教复活节 東正教復活節"),
        (.orthodoxEaster(1), "东正教复活节星期一 東正教復活節星期一"),
        (.orthodoxEaster(-1), "东正教圣周六 東正教聖週六 东正教主受难节翌日 東正教主受難節翌日"),
        (.orthodoxEaster(-2), "东正教圣周五 東正教聖週五 东正教主受难节 東正教主受難節 东正教受难节 東正教受難節"),
        (.orthodoxEaster(-7), "东正教棕枝主日 東正教棕枝主日 东正教圣枝主日 東正教聖枝主日 东正教基督苦难主日 東正教基督苦難主日"),
        (.orthodoxEaster(-8), "拉撒路圣周六 拉撒路聖週六"),
        // The Islamic calendar
        (.islamic(month: 1, day: 1), "伊斯兰新年 伊斯蘭新年 伊斯兰教新年 伊斯蘭教新年 伊斯兰历新年 伊斯蘭曆新年"),
        (.islamic(month: 1, day: 10), "阿舒拉节 阿舒拉節"),
        (.islamic(month: 3, day: 12), "圣纪节 聖紀節"),
        (.islamic(month: 7, day: 27), "登霄节 登霄節 夜行登霄节 夜行登霄節"),
        (.islamic(month: 9, day: 27), "法令之夜 权力之夜 權力之夜 盖德尔夜 蓋德爾夜"),
        (.islamic(month: 10, day: 1), "开斋节 開齋節 肉孜节 肉孜節 尔代节 爾代節"),
        (.islamic(month: 12, day: 10), "宰牲节 宰牲節 古尔邦节 古爾邦節"),
        // The Hebrew calendar (by the evening each begins)
        (.hebrew(month: 1, day: 1), "犹太新年 猶太新年 吹角节 吹角節 犹太历新年 猶太曆新年"),
        (.hebrew(month: 1, day: 10), "赎罪日 贖罪日"),
        (.hebrew(month: 1, day: 15), "住棚节 住棚節"),
        (.hebrew(month: 1, day: 22), "圣会节 聖會節 聖会節"),
        (.hebrew(month: 1, day: 23), "诵经节 誦經節 誦經节 转经节 轉經節 西赫托拉节 律法节"),
        (.hebrew(month: 3, day: 25), "光明节 光明節 修殿节 修殿節 献殿节 獻殿節 烛光节 燭光節 哈努卡节"),
        (.hebrew(month: 5, day: 15), "犹太植树节 猶太植樹節 树木新年 樹木新年 图比舍巴特节"),
        (.hebrew(month: 7, day: 14), "普珥节 普珥節"),
        (.hebrew(month: 8, day: 15), "逾越节 逾越節"),
        (.hebrew(month: 9, day: 18), "犹太教篝火节 猶太教篝火節 篝火节 篝火節"),
        (.hebrew(month: 10, day: 6), "七七节 七七節 沙夫幼特节"),
        (.tishaBAv, "禁食日 圣殿被毁日 聖殿被毀日"),
        (.yomHaatzmaut, "以色列独立日 以色列獨立日 以色列国庆节 以色列國慶節"),
        // Hindu and Buddhist holidays
        (.hindu(.dhanteras, 2), "排灯节 排燈節 万灯节 萬燈節 印度灯节 印度燈節"),
        (.hindu(.vasantPanchami, 39), "侯丽节 侯麗節 荷丽节 荷麗节 荷麗節 洒红节 灑紅节 灑紅節 欢悦节 歡悅節 好利节 霍利节 霍利節"),
        (.hindu(.navaratri, 0), "九夜节 九夜節 那瓦拉提节"),
        (.hindu(.navaratri, 9), "十胜节 十勝節 凯旋节 凱旋節 圣母节 聖母節"),
        (.hindu(.rakshaBandhan, 0), "印度兄妹节 拉克沙班丹节 拉克沙班丹節"),
        (.hindu(.thaiPongal, 0), "印度丰收节 印度豐收節 淡米尔丰收节 淡米爾豐收節"),
        (.hindu(.thaiPongal, 1), "印度丰收节第三天 印度豐收節第三天 庞格尔节第三天 龐格爾節第三天"),
        (.hindu(.thaiPongal, 2), "印度丰收节第四天 印度豐收節第四天 庞格尔节第四天 龐格爾節第四天"),
        (.hindu(.onam, 0), "欧南节 歐南節"),
        (.hindu(.vesak, 0), "卫塞节 衛塞節 威瑟节 比萨宝蕉节"),
    ]

    /// Words that are holidays only before a holiday word (or after a year): 清明前后, 元宵佳节.
    static let contextSource: [(HolidayRule, String)] = [
        (.solarTerm(6), "清明"),
        (.chinese(month: 1, day: 15), "元宵"),
        (.chinese(month: 9, day: 9), "重阳 重陽"),
        (.chinese(month: 12, day: 23), "小年"),
        (.gregorian(month: 5, day: 1), "五一"),
        (.gregorian(month: 6, day: 1), "六一"),
        (.gregorian(month: 10, day: 1), "十一"),
    ]

    /// Holiday periods: (first day, days, words). 国庆 and its golden week are 1–7 October by
    /// law; the Spring Festival week is reckoned from 除夕 to 初六.
    static let periodSource: [(HolidayRule, Int, String)] = [
        (.chineseNewYearsEve, 7, "春节假期 春節假期 春节长假 春節長假 春节黄金周 春節黃金周"),
        (.gregorian(month: 10, day: 1), 7, "国庆假期 國慶假期 国庆长假 國慶長假 国庆黄金周 國慶黃金周 十一黄金周 十一長假 十一长假"),
    ]

    /// Characters after a context word that make it a holiday (清明节, 清明假期, 元宵佳节, 五一前后).
    static let contextAfter = ScalarSet("节節假期间間前后後当當天日夜佳长長小黄黃")

    /// Words that, right after a holiday's name, make it a thing of the holiday, not its day:
    /// 圣诞树, 圣诞老人, 腊八粥, 重阳糕, 中秋月饼 are no dates.
    static let thingsAfter: [[Unicode.Scalar]] = WordLists.words("""
        树 樹 老人 卡 帽 袜 襪 粥 蒜 糕 礼物 禮物 装饰 裝飾 贺卡 賀卡 歌 花环 花環 月饼 月餅 粽 大餐 彩灯 彩燈
        """)

    static let entries: [Entry] = source.map { Entry(rule: $0.0, periodDays: 0, needsContext: false) }
        + contextSource.map { Entry(rule: $0.0, periodDays: 0, needsContext: true) }
        + periodSource.map { Entry(rule: $0.0, periodDays: $0.1, needsContext: false) }

    /// Every word with the index of its entry, longest first.
    static let words: [([Unicode.Scalar], Int)] = {
        var out: [([Unicode.Scalar], Int)] = []
        let lists = source.map(\.1) + contextSource.map(\.1) + periodSource.map(\.2)
        for (k, list) in lists.enumerated() {
            for w in list.unicodeScalars.split(separator: " ") { out.append((Array(w), k)) }
        }
        return out.sorted { $0.0.count > $1.0.count }
    }()

    /// The words for the scanner, as plain data (no arrays to retain while matching): every
    /// word's characters in `flat`, and per word (offset in `flat`, length, entry), grouped by
    /// first character, longest first.
    struct Span: Sendable { let offset: Int32, length: Int16, entry: Int16 }
    static let flat: [Unicode.Scalar] = spansAndFlat.1
    static let spans: [Span] = spansAndFlat.0
    /// Per first character, the range of `spans` that begin with it: `groups[groupIndex[c]]`, with
    /// an index over the Basic Multilingual Plane so that the lookup needs no hashing.
    static let groups: [Range<Int>] = spansAndFlat.2
    static let groupIndex: [UInt8] = {
        var index = [UInt8](repeating: 0, count: 0x10000)
        for (k, g) in groups.enumerated() where k > 0 {
            let first = flat[Int(spans[g.lowerBound].offset)].value
            if first < 0x10000 { index[Int(first)] = UInt8(k) }
        }
        return index
    }()

    private static let spansAndFlat: ([Span], [Unicode.Scalar], [Range<Int>]) = {
        let sorted = words.sorted { ($0.0[0].value, -$0.0.count) < ($1.0[0].value, -$1.0.count) }
        var spans: [Span] = [], flat: [Unicode.Scalar] = [], groups: [Range<Int>] = [0..<0]
        for (w, entry) in sorted {
            if spans.isEmpty || flat[Int(spans[spans.count - 1].offset)] != w[0] {
                groups.append(spans.count..<spans.count)
            }
            spans.append(Span(offset: Int32(flat.count), length: Int16(w.count), entry: Int16(entry)))
            flat += w
            groups[groups.count - 1] = groups[groups.count - 1].lowerBound..<spans.count
        }
        return (spans, flat, groups)
    }()

    /// Second characters of the words: a quick test before the lookup. (No word begins with 国际,
    /// so common in news: 国际劳动节 is found at 劳动节.)
    static let seconds = ScalarSet(words.compactMap { $0.0.count > 1 ? $0.0[1] : nil })

    static let firsts = ScalarSet(words.compactMap { $0.0.first })
}
