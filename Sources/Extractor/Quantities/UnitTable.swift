/// Units and measure words that may follow a numeral, with their dimension
/// and, for money, the ISO 4217 currency code.
///
/// Sources: the 现代汉语 classifier inventory (量词) as used in news, the SI
/// and Chinese market units (市制: 斤 = 500 g, 亩 = 666.7 m²), and ISO 4217.
/// Each line is `dimension[:CODE]: surface surface …` (a long line goes on after a
/// trailing `\`, which joins the next line to it); a surface written
/// `块钱>块` is reported with the unit after `>`. Traditional forms are listed
/// beside simplified ones. A Latin unit matches only when no Latin letter or
/// digit follows it (so "5G" is not 5 grams).
///
///     Extractor().extract("3 吨")[0].unit        // "吨", from the entry mass: 吨
///     Extractor().extract("3 吨")[0].dimension   // "mass"
public final class UnitEntry: Sendable {
    /// The characters as written in the text (块钱 for the unit 块).
    public let surface: [Unicode.Scalar]
    /// The unit as reported (usually the surface itself).
    ///
    ///     Extractor().extract("3 块钱")[0].unit   // "块"
    public let unit: String
    /// What the unit measures: `currency`, `count`, `mass`… (`RecordFields.dimensions`).
    public let dimension: String
    /// The ISO 4217 code of a unit of money (美元 → `USD`), nil for any other unit.
    public let currency: String?
    /// The context rule this unit is subject to (decided once, not by string compares on the hot path).
    let rule: UnitRule
    /// 近 5 年 means "the past 5 years": units for which 近 is not "almost".
    let nearMeansPast: Bool
    /// Smaller units that may follow (一块二角, 三米九), as a row of `CompoundTable`.
    let compound: Int?
    let isCount: Bool
    let isDuration: Bool
    let isTemperatureDegree: Bool

    /// `compound` names the row of `CompoundTable` when it is not the unit's own (the Cantonese
    /// dollar 個 takes the smaller units of 元).
    init(surface: [Unicode.Scalar], unit: String, dimension: String, currency: String?, compound: Int? = nil) {
        self.surface = surface
        self.unit = unit
        self.dimension = dimension
        self.currency = currency
        switch unit {
        case "年": rule = .year
        case "届", "屆": rule = .cohort
        case "日": rule = .day
        case "季度": rule = .quarter
        case "成": rule = .cheng
        case "折": rule = .zhe
        case "周", "週": rule = .week
        case "分": rule = .minuteOrScore
        case "个", "個": rule = .ge
        case "人", "人次", "次": rule = .noObject
        default: rule = .none
        }
        nearMeansPast = ["年", "月", "个月", "個月", "天", "日", "周", "週", "星期", "个星期"].contains(unit)
            && dimension == "duration"
        self.compound = compound ?? CompoundTable.row(for: unit)
        isCount = dimension == "count"
        isDuration = dimension == "duration"
        isTemperatureDegree = dimension == "temperature" && unit == "度"
    }
}

extension UnitEntry {
    /// A rate of two units (元/吨, 立方米/秒): speed for length per time, flow for volume per
    /// time, `rate` otherwise; money keeps its currency (a price).
    static func rate(_ a: UnitEntry, _ b: UnitEntry) -> UnitEntry {
        let dim: String
        switch (a.dimension, b.dimension) {
        case ("length", "duration"): dim = "speed"
        case ("volume", "duration"): dim = "flow"
        case ("mass", "volume"): dim = "concentration"
        case ("currency", _): dim = "price"
        default: dim = "rate"
        }
        return UnitEntry(surface: a.surface + ["/"] + b.surface, unit: a.unit + "/" + b.unit, dimension: dim,
                         currency: a.currency)
    }
}

enum UnitRule: Sendable, Equatable {
    case none, year, day, quarter, cheng, zhe, week, minuteOrScore, ge, noObject, cohort
}

enum UnitTable {
    static let source = """
    currency:CNY: 元 圆 圓 块 塊 块钱>块 塊錢>塊 人民币 人民幣 元人民币>元 元人民幣>元 蚊 角 毛 角钱>角 毛钱>毛 RMB CNY
    currency:USD: 美元 美金 美圆 美圓 美分 USD
    currency:EUR: 欧元 歐元 欧分 歐分 EUR
    currency:JPY: 日元 日圆 日圓 JPY
    currency:GBP: 英镑 英鎊 便士 GBP
    currency:HKD: 港元 港币 港幣 港圆 仙 毫 毫子>毫 HKD
    currency:MOP: 澳门元 澳門元 澳门币 澳門幣 葡币 葡幣
    currency:TWD: 新台币 新台幣 台币 台幣
    currency:AUD: 澳元 澳大利亚元
    currency:CAD: 加元 加拿大元
    currency:KRW: 韩元 韓元
    currency:RUB: 卢布 盧布
    currency:CHF: 瑞士法郎
    currency:SGD: 新加坡元 新元
    currency:THB: 泰铢 泰銖
    currency:INR: 卢比 盧比
    currency:VND: 越南盾
    currency:MYR: 林吉特
    score: 分
    count: 个 個 名 人 人次 位 家 家次 种 種 支 盒 只 隻 套 件 台 臺 辆 輛 辆次 架 架次 艘 艘次 次 批 批次 例 起 宗 份 张 張 条 條 项 項 所 座 户 戶 户次 剂 劑 剂次 瓶 箱 袋 包 \
    本 册 冊 部 篇 首 场 場 届 屆 期 间 間 栋 棟 幢 层 層 处 處 列 趟 班 班次 车次 头 頭 匹 棵 株 颗 顆 粒 枚 片 副 双 雙 对 對 打 组 組 队 隊 门 門 轮 輪 遍 回 番 通 封 笔 筆 \
    单 根 把 幅 页 頁 章 节 節 课 堂 餐 顿 頓 针 針 人份 床 扇 口 顶 頂 盏 盞 尾 捆 卷 棟 株 吨次 人天 列次 趟次 航次 航班 场次 车公里 人公里 吨公里 列公里 标箱 标准箱 自然箱 人日 工日
    duration: 秒 秒钟 秒鐘 分钟 分鐘 小时 小時 钟头 鐘頭 天 日 周 週 星期 礼拜 禮拜 年 季度 工作日 昼夜 晝夜 周年 週年
    age: 岁 歲 周岁 週歲
    length: 公里 千米 米 厘米 公分 分米 毫米 微米 纳米 納米 海里 英里 英裏 哩 英尺 呎 英寸 英吋 吋 尺 寸 丈 光年 km m cm mm dm nm μm
    area: 平方米 平米 平方公尺 平方公里 平方千米 平方厘米 平方英里 平方英尺 亩 畝 公顷 公頃 英亩 ㎡ m² m2 km² km2 ㎢
    mass: 克 公克 千克 公斤 斤 市斤 两 兩 吨 噸 公吨 公噸 毫克 微克 盎司 磅 克拉 载重吨 載重噸 kg g mg μg
    volume: 升 公升 毫升 立方米 立方公尺 立方厘米 加仑 加侖 L l ml mL cc m³ m3
    temperature: ℃ °C °F 摄氏度 攝氏度 华氏度 華氏度 度 ° 摄氏° 攝氏°
    percent: % ‰ ‱
    ratio: 成 倍 百分点 百分點 折
    power: 瓦 瓦特 千瓦 兆瓦 吉瓦 马力 馬力 W kW MW GW
    energy: 千瓦时 千瓦時 兆瓦时 兆瓦時 吉瓦时 瓦时 度电>度 度電>度 焦耳 千焦 千卡 大卡 卡路里 卡 兆焦 kWh
    data: 字节 字節 比特 KB MB GB TB PB
    frequency: 赫兹 赫茲 千赫 兆赫 吉赫 Hz kHz MHz GHz
    speed: 公里/小时 千米/小时 公里每小时>公里/小时 km/h 米/秒 m/s
    pressure: 帕 帕斯卡 百帕 千帕 兆帕 Pa hPa kPa MPa
    flow: 立方米/秒 立方米每秒>立方米/秒 m³/s
    concentration: 微克/立方米 毫克/立方米 毫克/升 mg/L μg/m³
    """

    /// Entries by the value of their first scalar, longest surface first. (Keyed by value: a
    /// `UInt32` hashes in one step, a `Unicode.Scalar` through a whole `Hasher`; this is looked up
    /// for every unit-like character.)
    static let byFirst: [UInt32: [UnitEntry]] = {
        var map: [UInt32: [UnitEntry]] = [:]
        for line in source.split(separator: "\n") {
            guard let colon = line.lastIndex(of: ":") else { continue }
            let head = line[..<colon].split(separator: ":").map { $0.trimmingSpaces }
            let dimension = head[0]
            let currency = head.count > 1 ? head[1] : nil
            for word in line[line.index(after: colon)...].split(separator: " ") {
                let parts = word.split(separator: ">")
                let surface = Array(parts[0].unicodeScalars)
                let unit = parts.count > 1 ? String(parts[1]) : String(parts[0])
                let e = UnitEntry(surface: surface, unit: unit, dimension: dimension, currency: currency)
                map[surface[0].value, default: []].append(e)
            }
        }
        for k in map.keys { map[k]?.sort { $0.surface.count > $1.surface.count } }
        return map
    }()

    /// First characters of all units: a quick test before the dictionary.
    static let firstCharacters = ScalarSet(byFirst.keys)

    /// The longest unit at `i`, or nil.
    static func match(_ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UnitEntry? {
        Lexicon.shared.unit(b, at: i)
    }

    /// The longest entry of `list` (entries with the same first character) at `i`.
    static func longest(_ list: [UnitEntry], _ b: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UnitEntry? {
        let n = b.count
        outer: for e in list {
            let len = e.surface.count
            guard i + len <= n else { continue }
            for k in 0..<len where b[i + k] != e.surface[k] { continue outer }
            if let last = e.surface.last, last.isASCIILetterOrDigit, i + len < n, b[i + len].isASCIILetterOrDigit {
                continue
            }
            return e
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
