/// Small vocabularies the quantity recognizer consults around a figure.
///
/// Each list says what it holds; all are plain Chinese words from news text.
enum ContextTable {
    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    /// A unit followed by one more character that makes a different word:
    /// 元旦 (New Year's Day), 三年级 (third grade), 天津 (a city), 一家庭.
    static let unitWordBlockers: Set<String> = [
        "元旦", "元宵", "元素", "元年", "元老", "元首", "元件", "元气", "人民", "人员", "人口", "人才",
        "人士", "人群", "人类", "人家", "天津", "天然", "天气", "天空", "天下", "天地", "度假", "台湾",
        "台风", "家庭", "家长", "家属", "家乡", "家园", "家里", "场所", "场景", "场地", "场馆", "米饭",
        "米粉", "所有", "所以", "所在", "所谓", "期间", "期待", "期望", "期限", "起来", "起步", "起点",
        "起源", "次日", "次要", "条件", "条例", "批评", "批准", "批示", "项目", "门诊", "门口", "队员",
        "组织", "组成", "年级", "年代", "年度", "年龄", "年轻", "年初", "年底", "年末", "年前", "年会",
        "年份", "年货", "年夜", "层面", "片区", "片面", "头条", "头部", "口罩", "口岸", "口号", "口径",
        "本地", "本市", "本人", "本次", "部门", "部分", "部署", "部队", "单位", "点位", "号码", "道路",
        "包括", "通过", "通知", "通报", "回到", "回复", "回应", "班子", "节日", "节目", "间隔", "只有",
        "只是", "只能", "只要", "把握", "首先", "首次", "首批", "笔者", "针对", "封控", "封闭", "打造",
        "打击", "对于", "对象", "周边", "周末", "周期", "双方", "双向", "根据", "根本", "轮流", "番茄",
        "篇章", "课题", "堂课", "扇门", "床位", "户外", "户籍", "处理", "处置", "列入", "座谈", "枚举",
        "件事", "批次", "倍增", "成员", "成立", "成功", "成本", "成果", "成就", "成绩", "成长", "成熟",
        "成交", "成都", "成品", "成型", "成批", "成套", "成效", "成像", "成药", "成衣", "成语", "成年",
        "成人", "折叠", "折腾", "折返", "折射", "折旧", "折算", "折合", "度过", "度电", "位于", "位置",
        "名单", "名义", "名称", "名字", "名额", "支持", "支援", "支付", "支出", "盒饭", "套餐", "件套",
        "架构", "架子", "例如", "宗旨", "份额", "张贴", "条线", "所属", "座位", "户口", "剂量", "包装",
        "本身", "场次", "届时", "层级", "处于", "列车", "班级", "头发", "匹配", "粒子", "片刻", "副食",
        "双手", "对话", "打开", "组合", "门店", "轮次", "遍布", "回家", "番号", "通道", "封面", "笔记",
        "单元", "根源", "把关", "页面", "章程", "节点", "课程", "堂食", "餐饮", "顿时", "针灸", "口腔",
        "秒杀", "天使", "日本", "日报", "日常", "日前", "日子", "日期", "日均", "周年", "星期", "年均",
        "米兰", "米粮", "克服", "克隆", "斤两", "吨位", "升级", "升高", "升温", "升学", "尺寸", "尺度",
        "寸土", "丈夫", "瓦解", "卡片", "亩产", "里程", "分为", "分成", "分别", "分配", "分析", "分享",
        "分布", "分子", "分散", "分开", "分工", "分批", "分期", "分类", "分级", "分行", "分局", "分会",
        "分店", "分校", "分院", "分公", "分队", "分头", "分流", "分拣", "分担", "分管", "分钱", "分秒",
        "角落", "角色", "角度", "角逐", "角楼", "角星", "角形", "角膜", "角质", "角斗", "角力",
        "毛病", "毛巾", "毛衣", "毛利", "毛重", "毛线", "毛发", "毛泽", "毛笔", "毫无", "毫不", "毫发",
        "仙人", "仙女", "仙境", "分厂", "分部", "分社", "分区", "分站", "分团", "分馆", "分所", "轮车", "口子",
    ]

    /// `unitWordBlockers` as pairs of scalars (first << 32 | second), for a lookup without Strings.
    static let unitWordBlockerPairs: Set<UInt64> = Set(unitWordBlockers.compactMap { w -> UInt64? in
        let s = scalars(w)
        return s.count == 2 ? NonFigureTable.pair(s[0], s[1]) : nil
    })

    static let unitWordBlockerFirsts = ScalarSet(unitWordBlockers.compactMap { $0.unicodeScalars.first })

    /// Words before a number + 日/天 that make it a span of days, not a calendar day
    /// (连续 7 日, 为期 5 日).
    static let durationContext: [[Unicode.Scalar]] = [
        "连续", "持续", "为期", "历时", "长达", "用时", "仅用", "短短", "每", "满", "用了", "花了",
        "共", "累计", "至少", "超过", "不到", "近", "约", "逾", "达", "经过", "期限", "延长", "缩短",
    ].map(scalars)

    /// Characters after which 上下/前后 are not qualifiers (上下班, 前后门).
    static let boundaryAfterSuffix = ScalarSet("，。、；：！？,.;:!?)）”」』的之 \n")

    /// Words after which a bare number is an identifier, not a figure (编号 2046, 热线 12355).
    static let identifierWords: [[Unicode.Scalar]] = [
        "编号", "代码", "号码", "电话", "热线", "拨打", "邮编", "工号", "账号", "帐号", "车牌", "序号",
        "证号", "批号", "型号", "房号", "门牌", "航班", "车次", "专线", "短号", "分机",
    ].map(scalars)

    /// Currency words written before the number (港币 3.14, 人民币 5 万): code.
    static let currencyPrefixes: [([Unicode.Scalar], String)] = [
        ("人民币", "CNY"), ("人民幣", "CNY"), ("港币", "HKD"), ("港幣", "HKD"), ("港元", "HKD"),
        ("美元", "USD"), ("美金", "USD"), ("欧元", "EUR"), ("歐元", "EUR"), ("日元", "JPY"),
        ("英镑", "GBP"), ("英鎊", "GBP"), ("澳门币", "MOP"), ("澳門幣", "MOP"), ("新台币", "TWD"),
        ("新台幣", "TWD"), ("澳元", "AUD"), ("加元", "CAD"), ("韩元", "KRW"), ("卢布", "RUB"),
        ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"), ("EUR", "EUR"), ("HKD", "HKD"), ("JPY", "JPY"),
        ("GBP", "GBP"),
    ].map { (scalars($0.0), $0.1) }.sorted { $0.0.count > $1.0.count }

    /// Last characters of the currency words: a quick test before matching them.
    static let currencyPrefixLasts = ScalarSet(currencyPrefixes.compactMap { $0.0.last })

    /// Currency symbols before the number: symbol → (unit reported, code).
    static let currencySymbols: [Unicode.Scalar: (String, String)] = [
        "¥": ("¥", "CNY"), "$": ("$", "USD"), "€": ("€", "EUR"), "£": ("£", "GBP"),
    ]

    /// Words that end an object noun phrase after a classifier (捐赠 5 万个口罩等物资):
    /// function words and frequent verbs of bulletins.
    static let objectStops: [[Unicode.Scalar]] = [
        "参与", "参加", "开展", "进行", "投入", "提供", "完成", "组成", "组建", "成立", "发放", "捐赠",
        "捐出", "送达", "送到", "到达", "赶赴", "前往", "支援", "参战", "上岗", "入驻", "进入", "这样",
        "那样", "已经", "正在", "共同", "一起", "分别", "作为", "用于", "合计", "总计", "累计", "其中",
        "以上", "以下", "左右", "上下", "价值", "主动", "全部", "全力", "纷纷", "陆续", "先后", "每天",
        "每日", "每人", "及时", "坚守", "奔赴", "驰援", "值守", "在线", "实现", "达到",
        "包括", "涉及", "覆盖", "分布", "来自",
    ].map(scalars).sorted { $0.count > $1.count }

    /// `objectStops` by the value of their first scalar (a `UInt32` key hashes in one step).
    static let objectStopsByFirst: [UInt32: [[Unicode.Scalar]]] = Dictionary(grouping: objectStops, by: { $0[0].value })
    static let objectStopFirsts = ScalarSet(objectStops.map { $0[0] })

    /// Single characters that end an object: particles, conjunctions, prepositions.
    static let objectStopChars = ScalarSet("等的和及与或、在从为向对被将已是有到于了都也就还并又而但即把让给由以这那每各")
}
