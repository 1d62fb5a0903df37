import Normalizer

/// Words that qualify a figure, by where they stand and what they mean.
///
/// Sources: the approximation markers of 现代汉语八百词 (约, 近, 余, 多, 来,
/// 左右, 上下) and the comparison phrases of statistical bulletins (超过,
/// 不低于, 以内). The direction follows the record contract: `over` and
/// `under` are strict, `at_least` and `at_most` inclusive.
enum QualifierTable {
    /// Words written before the numeral (约 3.15 亿元). Longest match wins.
    static let prefixSource: [(String, Qualifier)] = [
        ("约", .approx), ("大约", .approx), ("约为", .approx), ("大概", .approx), ("大致", .approx),
        ("估计", .approx), ("约合", .approx), ("合计约", .approx), ("共约", .approx),
        ("近", .under), ("将近", .under), ("接近", .under), ("逼近", .under), ("不到", .under),
        ("不足", .under), ("少于", .under), ("低于", .under), ("小于", .under), ("未满", .under),
        ("不满", .under),
        ("超过", .over), ("超", .over), ("逾", .over), ("多于", .over), ("高于", .over), ("大于", .over),
        ("超出", .over), ("突破", .over), ("达到了", .exact),
        ("至少", .atLeast), ("不少于", .atLeast), ("不低于", .atLeast), ("最少", .atLeast),
        ("起码", .atLeast), ("起碼", .atLeast), ("大于等于", .atLeast),
        ("不小于", .atLeast),
        ("最多", .atMost), ("至多", .atMost), ("不超过", .atMost), ("不高于", .atMost),
        ("不多于", .atMost), ("小于等于", .atMost), ("不大于", .atMost),
        ("封顶", .atMost), ("小于或等于", .atMost), ("少于或等于", .atMost), ("低于或等于", .atMost),
        ("大于或等于", .atLeast), ("多于或等于", .atLeast), ("高于或等于", .atLeast),
    ]

    /// Words written after the unit (3000 元左右), or between numeral and unit (1500 多名).
    static let suffixSource: [(String, Qualifier)] = [
        ("左右", .approx), ("上下", .approx), ("前后", .approx), ("许", .approx),
        ("以上", .over), ("之上", .over), ("有余", .over), ("出头", .over), ("开外", .over),
        ("多", .over), ("余", .over),
        ("以下", .under), ("之下", .under),
        ("以内", .atMost), ("之内", .atMost),
        // 四十或以上, 18 岁及以上: the bound itself is included.
        ("或以上", .atLeast), ("及以上", .atLeast), ("或更多", .atLeast), ("或者以上", .atLeast),
        ("或以下", .atMost), ("及以下", .atMost), ("或更少", .atMost), ("或者以下", .atMost),
    ]

    /// Words ending in a prefix qualifier that are not qualifiers (预约 3 人 is no approximation).
    static let falsePrefixes: [String] = [
        "预约", "签约", "制约", "条约", "合约", "公约", "节约", "契约", "相约", "邀约", "履约", "违约",
        "特约", "赴约", "爽约", "最近", "附近", "邻近", "靠近", "就近", "亲近", "贴近", "临近",
        "赶超", "高超",
    ]

    static let prefixes: [([Unicode.Scalar], Qualifier)] = prefixSource
        .map { (Array($0.0.unicodeScalars), $0.1) }
        .sorted { $0.0.count > $1.0.count }
    static let suffixes: [([Unicode.Scalar], Qualifier)] = suffixSource
        .map { (Array($0.0.unicodeScalars), $0.1) }
        .sorted { $0.0.count > $1.0.count }
    static let suffixFirstCharacters = ScalarSet(suffixes.compactMap { $0.0.first })
    static let falsePrefixWords: [[Unicode.Scalar]] = falsePrefixes.map { Array($0.unicodeScalars) }
    /// Last characters of prefix qualifiers: a quick test before matching words.
    static let prefixLastCharacters = ScalarSet(prefixes.compactMap { $0.0.last })
    /// Characters that may stand between a qualifier and its number (至少有 10 个).
    static let gapCharacters = ScalarSet("了有为是达")
}

/// Words that contain numeral characters but are not figures, and contexts
/// that make a numeral an ordinal, a code or part of a name.
///
/// Source: frequent 一/两/三/万/千 words of news Chinese (现代汉语词典), place
/// names that begin with numerals, and the negatives of the peer suites.
enum NonFigureTable {
    /// Words in which a numeral character is not a number (四川 is a province,
    /// 一切 means "everything", 九里亭 a street). Matched around the numeral.
    static let words: [String] = [
        "一切", "一一", "一线", "一道", "一起", "一些", "一直", "一定", "一般", "一样", "一旦", "一律",
        "一同", "一致", "一度", "一向", "一贯", "一时", "一下", "一边", "一面", "一方面", "一口气",
        "一路", "一行", "一带", "一番", "一阵", "一心", "一手", "一身", "一体", "一并", "一连", "一再",
        "一举", "一揽子", "一把手", "一号文件", "一审", "二审", "一概", "一味", "一家人", "一点点",
        "一头", "一点儿", "一刻", "一成不变", "一线",
        "两两", "两新", "两会", "两岸", "两委", "两用", "两难", "两地", "两极", "两手", "两学一做",
        "三农", "三亚", "三明", "三门峡", "三沙", "三河", "三里屯", "三峡", "三星", "三明治",
        "四川", "四平", "四季", "四周", "四处", "四面", "四肢",
        "五四", "五一", "五湖", "五金", "五官", "五彩", "六盘水", "七台河", "八一", "八达岭", "九江",
        "九龙", "九里亭", "九寨沟", "十堰", "十分", "十足", "百色", "百姓", "百货", "百度",
        "千岛湖", "万一", "万万", "万州", "万宁", "万象", "万达", "万科", "万家灯火",
        "陆续", "陆地", "陆军", "陆路", "陆上", "大陆", "着陆", "登陆", "队伍", "入伍", "退伍", "落伍",
        "一次性", "五台山", "一期", "二期", "三期", "四期", "五期", "三次产业", "一卡通", "一对一", "一站式",
        "一体化", "一条龙", "一刀切", "一票否决", "一网通办", "一事一议", "一户一策", "一人一档", "一个又一个",
        "是一个", "有一个", "为一个", "像一个", "如一个", "成一个", "一次又一次", "一天又一天", "一元化", "多元",
        "单元", "公元", "元旦", "元宵", "元素", "二维码", "百分百",
        "十一五", "十二五", "十三五", "十四五", "十五五", "长三角", "珠三角", "金三角", "三角洲",
        "五角大楼", "五角大樓", "五角星", "三角形", "三角区", "八角楼", "冰山一角", "一丝一毫", "一毛不拔",
        "九牛一毛", "八角茴香",
        "零部件", "零件", "九台市", "九台区", "三台县", "五台县",
        "腊八", "臘八", "十字", "二手", "三甲", "五湖四海", "六安",
        // Idioms and set phrases that hold numerals (成语).
        "打成一片", "一年一度", "一心一意", "一举两得", "一石二鸟", "三心二意", "四面八方", "五花八门", "七上八下", "乱七八糟", "十全十美",
        "千方百计", "千家万户", "万众一心", "一帆风顺", "一模一样", "独一无二", "一清二楚", "一干二净", "接二连三", "三番五次", "三五成群",
        "一朝一夕", "一草一木", "一言一行", "一点一滴", "一针一线", "一砖一瓦", "一如既往", "一目了然", "一鼓作气", "一马当先", "一丝不苟",
        "一往无前", "一应俱全", "一锤定音", "一劳永逸", "一以贯之", "一脉相承", "千辛万苦", "千变万化", "千军万马", "万无一失", "九死一生",
        "百花齐放", "百家争鸣", "百尺竿头", "三令五申", "三头六臂", "四通八达", "五颜六色", "六神无主", "七嘴八舌", "八仙过海", "九霄云外",
        "十拿九稳", "一分为二", "一视同仁", "一无所有", "一事无成", "年复一年", "日复一日", "成百上千", "成千上万", "一波三折", "聚一堂",
        "集一堂", "四人帮", "小两口", "两口子",
    ]

    /// Party congresses (十九大, the 19th National Congress: 党的十九大精神, 落实十五大的要求) are
    /// not the number 19 and 大 "big", unless a noun of "N big things" follows (十五大城市 are
    /// fifteen big cities, 二十大类商品 twenty big classes of goods).
    static let partyCongresses = WordLists.words("十五 十六 十七 十八 十九 二十 二十一")
    static let bigThingsAfterNumeral = WordLists.words("""
        城市 都市 类 類 行业 行業 产业 產業 领域 領域 项目 項目 工程 品牌 企业 企業 公司 集团 集團 银行 銀行 景区 景點 景点
        战略 戰略 任务 任務 举措 舉措 成果 亮点 亮點 特色 板块 板塊 区域 區域 市场 市場 港口 机场 機場 湖泊 河流 名山 岛屿
        """)

    /// Words that begin with a measure word, so that 一 and the measure word before them count
    /// (一个个体户 is one 个体户, 一项项目 one 项目), where 一个个, 一项项 alone mean "one by one".
    static let measureWordStarts: [[Unicode.Scalar]] = WordLists.words("""
        个体 个人 个性 个案 个别 家具 家庭 家长 家电 家属 家乡 家园 项目 批发 批次 天气 天然 天地 条例 条件 条款
        台风 台阶 场所 场地 场景 次数 次序 位置 种类 种子 股份 股东 股票 份额 片区 名单 名称 名额 层次 间隔 头条
        部门 部分 部长 部署 封面 套餐 本地 本身 口罩 口岸 步骤 期间 组织 组合 队伍 队员 所长 座谈 轮胎 笔记 号码
        """)

    /// Characters that, directly before a Chinese numeral, make it part of a
    /// word or an ordinal: 第一, 统一, 唯一, 之一, 周一, 初一, 星期一, 逐一.
    static let leftBlockers = ScalarSet("第统唯之同单专初周週其逐划归独不某哪这那每新上下前后")

    /// First characters of words ending in 上/下 (马上, 晚上, 以上, 线上, 地下): such a 上/下
    /// does not make the numeral after it "previous/next".
    static let shangXiaWordFirsts = ScalarSet("马晚早之以路身线网楼地天会班手往向北南底乡")

    /// Two-character words that, directly before a Chinese numeral, make it a weekday.
    static let leftBlockerWords: [[Unicode.Scalar]] = ["星期", "礼拜", "禮拜"].map { Array($0.unicodeScalars) }

    /// Words by the numeral character they contain: (word, offset of that character).
    static let byNumeral: [Unicode.Scalar: [([Unicode.Scalar], Int)]] = {
        var map: [Unicode.Scalar: [([Unicode.Scalar], Int)]] = [:]
        for w in words {
            let s = Array(w.unicodeScalars)
            for (k, c) in s.enumerated() where NumeralTable.role(c) != nil {
                map[c, default: []].append((s, k))
            }
        }
        return map
    }()

    static let numeralsInWords = ScalarSet(byNumeral.keys)
    /// Every pair of neighbours around a numeral inside a word (一切 gives 一+切; 统一 gives 统+一):
    /// a numeral whose neighbours form no pair is in no word, without scanning the lists.
    static let neighbourPairs: Set<UInt64> = {
        var set = Set<UInt64>()
        for w in words {
            let s = Array(w.unicodeScalars)
            for (k, c) in s.enumerated() where NumeralTable.role(c) != nil {
                if k + 1 < s.count { set.insert(pair(c, s[k + 1])) }
                if k > 0 { set.insert(pair(s[k - 1], c)) }
            }
        }
        return set
    }()

    /// Two neighbours as one key: first << 32 | second.
    @inline(__always) static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b.value)
    }

    /// `byNumeral` as an array with a BMP index (no hashing on the hot path).
    static let wordLists: [[([Unicode.Scalar], Int)]] = [[]] + byNumeral.keys.sorted().compactMap { byNumeral[$0] }
    static let wordListIndex: [UInt8] = {
        var index = [UInt8](repeating: 0, count: Int(bmpSize))
        for (k, key) in byNumeral.keys.sorted().enumerated() where key.value < bmpSize {
            index[Int(key.value)] = UInt8(k + 1)
        }
        return index
    }()
    /// Scalar values in the Basic Multilingual Plane (U+0000–U+FFFF).
    static let bmpSize: UInt32 = 0x10000

    /// True when one of `list` (words holding the character at `i`) stands around `i`.
    static func matches(_ list: [([Unicode.Scalar], Int)], _ b: UnsafeBufferPointer<Unicode.Scalar>,
                        at i: Int) -> Bool {
        outer: for (w, k) in list {
            let s = i - k
            guard s >= 0, s + w.count <= b.count else { continue }
            for (m, c) in w.enumerated() where b[s + m] != c { continue outer }
            return true
        }
        return false
    }
}
