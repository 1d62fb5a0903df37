import Foundation
import Normalizer

/// The kinds of record the tool emits (contract v1, `type` field). `token` (a word of the
/// segmentation) comes only when asked for, as `number` does.
///
///     Extractor().extract("3 月 11 日，共 3 人")[1].type   // .quantity
///     RecordType(rawValue: "date")                        // .date
public enum RecordType: String, Sendable, Codable, CaseIterable {
    case quantity, number, date, time, organization, token
}

/// How a figure relates to its written value (contract v1, `qualifier` field).
///
///     Extractor().extract("约 3 万人")[0].qualifier   // .approx
///     Qualifier.atLeast.rawValue                     // "at_least"
public enum Qualifier: String, Sendable, Codable, CaseIterable {
    /// As written.
    case exact
    /// 约 大约 左右 上下 前后: about.
    case approx
    /// 余 多 逾 超过 以上: more than.
    case over
    /// 近 将近 不到 不足 以下: less than.
    case under
    /// 至少 不少于 不低于: at least.
    case atLeast = "at_least"
    /// 最多 至多 不超过 以内: at most.
    case atMost = "at_most"
}

/// One mention found in a document: the unit of output, one JSON line.
///
/// Offsets count Unicode scalars in the decoded original text, end exclusive,
/// and `text` is exactly that slice.
///
///     {"doc":"seed","type":"quantity","text":"13 万个","start":211,"end":216,"line":19,
///      "value":130000,"unit":"个","dimension":"count","qualifier":"exact","object":"KN95 口罩"}
///
///     let r = Extractor().extract("捐赠 13 万个 KN95 口罩")[0]
///     r.text, r.value, r.unit, r.object   // "13 万个", 130000, "个", "KN95 口罩"
public struct Record: Sendable, Equatable, Codable {
    /// The document: a path as given, the `id` of a JSON Lines document, or `-` for standard input.
    public var doc: String
    /// What was found: a quantity, a bare number, a date, a time, an organization or a token (a word).
    public var type: RecordType
    /// The mention exactly as written: `original[start..<end]`.
    ///
    ///     Extractor().extract("共 １３ 万人")[0].text   // "１３ 万人" (full-width, with its space)
    public var text: String
    /// Offset of the mention in the original text, in Unicode scalars.
    public var start: Int
    /// Offset just past the mention (end exclusive), in Unicode scalars.
    public var end: Int
    /// The 1-based line of `start`.
    ///
    ///     Extractor().extract("标题\n共 3 人")[0].line   // 2
    public var line: Int
    /// Quantities and numbers: the exact value, magnitudes applied, in `unit`; for a range, its low bound.
    ///
    ///     Extractor().extract("3.15 亿元")[0].value   // 315000000
    public var value: ExactNumber?
    /// Quantities and numbers: the unit or measure word, magnitude removed (万元 → 元); "" for a number.
    public var unit: String?
    /// Quantities: what the unit measures (`currency`, `count`, `duration`… `RecordFields.dimensions`).
    public var dimension: String?
    /// Quantities and numbers: how the figure relates to its written value (约 → `.approx`).
    public var qualifier: Qualifier?
    /// Quantities of money and prices: the ISO 4217 code (元 → `CNY`, 美元 → `USD`).
    public var currency: String?
    /// Ranges: the low and high bounds, in `unit`.
    ///
    ///     let r = Extractor().extract("3 至 5 万元")[0]
    ///     r.low, r.high   // 30000, 50000
    public var low: ExactNumber?
    /// Ranges: the high bound, in `unit`.
    public var high: ExactNumber?
    /// Quantities: what is counted, when the text says (`13 万个 KN95 口罩` → `KN95 口罩`).
    public var object: String?
    /// Dates and times: the TIMEX3 value (`2022-03-11`, `XXXX-03-15T19:00`, `2022-Q1`, `PRESENT_REF`).
    public var timex: String?
    /// Quantities in the scope of 截至/截止/到…为止 <date>: that date's TIMEX3 value.
    public var asOf: String?
    /// Quantities introduced by 累计, 共, 总计, 合计: a running total.
    public var cumulative: Bool?
    /// Organizations: the name as it stands, with line breaks removed.
    public var name: String?
    /// Organizations: government, party, association, company, hospital, school, research,
    /// media, team, military, group, international, other.
    public var category: String?
    /// Organizations: the full name that this name abbreviates, when the document gave it
    /// earlier (浙大 → 浙江大学; 中信证券 → 中信证券股份有限公司).
    public var full: String?
    /// True when the mention touches bytes that could not be decoded (U+FFFD inside it or
    /// among the two characters on either side on its line, spaces aside): `33<FF>6 小时` may have
    /// said 3306 小时, so its 6 小时 is kept but marked, and a user can filter it out.
    public var damaged: Bool?

    /// A record with the fields every mention has; set the others as they apply.
    ///
    ///     var r = Record(doc: "d", type: .quantity, text: "3 人", start: 0, end: 3, line: 1)
    ///     r.value = ExactNumber(3); r.unit = "人"; r.dimension = "count"; r.qualifier = .exact
    public init(doc: String, type: RecordType, text: String, start: Int, end: Int, line: Int) {
        self.doc = doc
        self.type = type
        self.text = text
        self.start = start
        self.end = end
        self.line = line
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case doc, type, text, start, end, line, value, unit, dimension, qualifier, currency, low, high, object
        case timex, asOf = "as_of", cumulative, name, category, full, damaged
    }

    /// Encodes in contract order, omitting absent fields; numbers as exact decimals.
    ///
    ///     try JSONEncoder().encode(record)   // the same fields (JSONEncoder orders keys its own way;
    ///                                        // JSONLineWriter writes the contract's order, faster)
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(type, forKey: .type)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(value?.decimal, forKey: .value)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encodeIfPresent(dimension, forKey: .dimension)
        try c.encodeIfPresent(qualifier, forKey: .qualifier)
        try c.encodeIfPresent(currency, forKey: .currency)
        try c.encodeIfPresent(low?.decimal, forKey: .low)
        try c.encodeIfPresent(high?.decimal, forKey: .high)
        try c.encodeIfPresent(object, forKey: .object)
        try c.encodeIfPresent(timex, forKey: .timex)
        try c.encodeIfPresent(asOf, forKey: .asOf)
        try c.encodeIfPresent(cumulative, forKey: .cumulative)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(category, forKey: .category)
        try c.encodeIfPresent(full, forKey: .full)
        try c.encodeIfPresent(damaged, forKey: .damaged)
    }

    /// Reads a record back from its JSON form (a line of `extract`'s output).
    ///
    ///     let r = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
    ///     r.value   // 45018, exactly (read as a decimal, never as a double)
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        doc = try c.decode(String.self, forKey: .doc)
        type = try c.decode(RecordType.self, forKey: .type)
        text = try c.decode(String.self, forKey: .text)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
        line = try c.decode(Int.self, forKey: .line)
        func number(_ k: CodingKeys) throws -> ExactNumber? {
            guard let d = try c.decodeIfPresent(Decimal.self, forKey: k) else { return nil }
            return ExactNumber("\(d)")
        }
        value = try number(.value)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        dimension = try c.decodeIfPresent(String.self, forKey: .dimension)
        qualifier = try c.decodeIfPresent(Qualifier.self, forKey: .qualifier)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        low = try number(.low)
        high = try number(.high)
        object = try c.decodeIfPresent(String.self, forKey: .object)
        timex = try c.decodeIfPresent(String.self, forKey: .timex)
        asOf = try c.decodeIfPresent(String.self, forKey: .asOf)
        cumulative = try c.decodeIfPresent(Bool.self, forKey: .cumulative)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        full = try c.decodeIfPresent(String.self, forKey: .full)
        damaged = try c.decodeIfPresent(Bool.self, forKey: .damaged)
    }
}
