import Foundation

/// Language knowledge for `verify`: which units can be compared and how they convert,
/// and which qualifier words bound a figure on one side or on both.
enum VerifyTable {
    /// Units that convert into one another: unit → (family, factor to the family's base).
    /// Units not listed compare only with the very same unit (人, 名 and 人次 stay apart,
    /// as counts of different things). Currency values already carry 万/亿 (万元 is 元).
    static let conversions: [String: (family: String, factor: Decimal)] = {
        var t: [String: (String, Decimal)] = [:]
        func add(_ family: String, _ rows: [(String, Decimal)]) { for (u, f) in rows { t[u] = (family, f) } }
        add("length", [("毫米", Decimal(string: "0.001") ?? 0), ("厘米", Decimal(string: "0.01") ?? 0), ("米", 1),
                       ("千米", 1000), ("公里", 1000)])
        add("mass", [("毫克", Decimal(string: "0.001") ?? 0), ("克", 1), ("两", 50), ("斤", 500), ("千克", 1000),
                     ("公斤", 1000), ("吨", 1_000_000)])
        add("area", [("平方米", 1), ("平米", 1), ("亩", Decimal(10000) / Decimal(15)), ("公顷", 10000),
                     ("平方千米", 1_000_000), ("平方公里", 1_000_000)])
        add("volume", [("毫升", Decimal(string: "0.001") ?? 0), ("升", 1), ("立方米", 1000), ("方", 1000)])
        // Calendar months and years are not fixed lengths: they compare only with themselves.
        add("time", [("秒", 1), ("秒钟", 1), ("分钟", 60), ("小时", 3600), ("个小时", 3600), ("天", 86400),
                     ("日", 86400), ("周", 604800), ("星期", 604800)])
        add("power", [("瓦", 1), ("千瓦", 1000), ("兆瓦", 1_000_000), ("万千瓦", 10_000_000)])
        add("energy", [("千瓦时", 1), ("度", 1), ("兆瓦时", 1000)])
        add("percent", [("%", 1), ("％", 1)])
        return t
    }()

    /// Qualifier words that leave a figure open above (逾 2700 万: anything over 2700 万).
    /// 余 and 多 after the digits are different: 1500 多 is below 1600.
    static let openAbove = ["逾", "超过", "超", "以上", "多于", "高于", "突破", "过"]
    /// Qualifier words that leave a figure open below (不足 6000: anything under 6000).
    /// 近 and 将近 are different: 近 6000 is just under 6000.
    static let openBelow = ["不足", "不到", "以下", "低于", "少于", "未满", "未达"]
    /// Suffixes that say "a little more than" (1500 多, 十余万).
    static let moreSuffixes: Set<Unicode.Scalar> = ["余", "多", "几", "来"]

    /// Characters that end a sentence (and so the context of a figure).
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";", "\n"]
    /// Characters that end a clause.
    static let clauseEnds: Set<Unicode.Scalar> = ["，", ",", "、", "：", ":", "（", "）", "(", ")"]
    static let clauseOrSentenceEnds = sentenceEnds.union(clauseEnds)
    /// Characters that carry no meaning for matching figures: function words and the words
    /// of running totals and approximation, which both texts use freely.
    static let contextStops = Set("的了和与及等是为在有共计累约近余多逾超过达到其中已".unicodeScalars)
}
