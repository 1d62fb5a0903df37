import Foundation
import Normalizer

/// The kinds of record the tool emits (contract v1, `type` field).
public enum RecordType: String, Sendable, Codable, CaseIterable {
    case quantity, number, date, time, organization
}

/// How a figure relates to its written value (contract v1, `qualifier` field).
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
public struct Record: Sendable, Equatable, Codable {
    public var doc: String
    public var type: RecordType
    public var text: String
    public var start: Int
    public var end: Int
    public var line: Int
    public var value: ExactNumber?
    public var unit: String?
    public var dimension: String?
    public var qualifier: Qualifier?
    public var currency: String?
    public var low: ExactNumber?
    public var high: ExactNumber?
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
    /// True when the mention touches bytes that could not be decoded (U+FFFD inside it or
    /// among the two characters on either side on its line, spaces aside): `33<FF>6 小时` may have
    /// said 3306 小时, so its 6 小时 is kept but marked, and a user can filter it out.
    public var damaged: Bool?

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
        case timex, asOf = "as_of", cumulative, name, category, damaged
    }

    /// Encodes in contract order, omitting absent fields; numbers as exact decimals.
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
        try c.encodeIfPresent(damaged, forKey: .damaged)
    }

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
        damaged = try c.decodeIfPresent(Bool.self, forKey: .damaged)
    }
}
