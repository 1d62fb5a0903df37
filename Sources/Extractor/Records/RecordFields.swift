/// The record contract as data: every field a record can carry, its JSON type, its unit,
/// which record types carry it (and which must), its meaning and its closed set of values.
///
/// It is the one source of the contract's three renderings, so they cannot drift apart:
/// `extract --schema` (a JSON Schema, draft 2020-12), `extract --schema=markdown` (the
/// record table in README.md, checked by a test) and the CSV/TSV columns (in this order).
///
///     RecordFields.all.map(\.name)        // ["doc", "type", "text", "start", "end", "line", "value", …]
///     RecordFields.field("qualifier")?.values.map(\.value)   // ["exact", "approx", "over", …]
///
/// A new field goes here first, then into `Record`, `JSONLineWriter` and the CSV values in
/// `Sources/extract/Output.swift`; the tests over all fixtures say when one of them is missing.
public struct RecordField: Sendable {
    /// The JSON type of the value.
    ///
    ///     RecordFields.field("cumulative")?.kind   // .boolean
    public enum Kind: String, Sendable { case string, integer, number, boolean }

    /// The field's key in the JSON form and its CSV column.
    ///
    ///     RecordFields.field("as_of")?.name   // "as_of" (`Record.asOf` in Swift)
    public let name: String
    /// The JSON type of its values (`integer` for offsets, `number` for values).
    public let kind: Kind
    /// The record types (`type` values) that may carry the field.
    ///
    ///     RecordFields.field("low")?.types   // ["quantity", "number"]
    public let types: [String]
    /// The record types that always carry it.
    ///
    ///     RecordFields.field("timex")?.required   // ["date", "time"]
    public let required: [String]
    /// What a number counts in (offsets in Unicode scalars, values in the record's `unit`).
    ///
    ///     RecordFields.field("start")?.unit   // "Unicode scalars"
    public let unit: String?
    /// One line of Markdown: what the field says, with an example.
    ///
    ///     RecordFields.field("line")?.meaning   // "1-based line of `start`"
    public let meaning: String
    /// The closed set of values, each with a short note (empty: the field is open).
    ///
    ///     RecordFields.field("qualifier")?.values.first   // ("exact", "as written")
    public let values: [(value: String, note: String)]
    /// The smallest value of an integer field.
    ///
    ///     RecordFields.field("line")?.minimum   // 1
    public let minimum: Int?
    /// A regular expression every value matches (ECMA-262, as JSON Schema uses).
    ///
    ///     RecordFields.field("currency")?.pattern   // "^[A-Z]{3}$"
    public let pattern: String?

    init(_ name: String, _ kind: Kind, in types: [String], required: [String] = [], unit: String? = nil,
         minimum: Int? = nil, pattern: String? = nil, values: [(String, String)] = [], _ meaning: String) {
        self.name = name
        self.kind = kind
        self.types = types
        self.required = required
        self.unit = unit
        self.meaning = meaning
        self.values = values.map { (value: $0.0, note: $0.1) }
        self.minimum = minimum
        self.pattern = pattern
    }
}

/// The fields of the record contract (v1), in the order the writers put them.
///
///     RecordFields.types.map(\.value)   // ["quantity", "number", "date", "time", "organization", "token", "error"]
public enum RecordFields {
    /// The record types: what `type` says, and what each stands for.
    ///
    ///     RecordFields.types.last?.value   // "error"
    public static let types: [(value: String, note: String)] = [
        ("quantity", "a figure with a unit or measure word: 13 万个, 3.15 亿元, 37.5%"),
        ("number", "a bare numeral with no unit, only with `--types number`"),
        ("date", "a date, month, year, quarter, week or relative day: 3 月 11 日, 2022 年, 今天"),
        ("time", "a clock time or part of day, with its date when written: 19 时, 3 月 13 日下午"),
        ("organization", "an organization name: 深圳市医师协会"),
        ("token", "a word of the segmentation (PKU convention), only with `--types token`: 深圳市 医师 协会"),
        ("error", "a document that could not be read: `doc`, `type` and `error` only"),
    ]

    /// The types of records that stand for a mention in the text (all but `error`).
    ///
    ///     RecordFields.mentions.count   // 6
    public static let mentions = ["quantity", "number", "date", "time", "organization", "token"]
    static let figures = ["quantity", "number"]
    static let temporal = ["date", "time"]

    /// Every field, in contract order (the JSON writers' and the CSV columns' order).
    ///
    ///     RecordFields.all.filter { $0.required.contains("organization") }.map(\.name)
    ///     // ["doc", "type", "text", "start", "end", "line", "name", "category"]
    public static let all: [RecordField] = [
        RecordField("doc", .string, in: mentions + ["error"], required: mentions + ["error"],
                    "the document: the path as given, the `id` of a JSON Lines input document, or `-` for stdin"),
        RecordField("type", .string, in: mentions + ["error"], required: mentions + ["error"],
                    values: types.map { ($0.value, $0.note) }, "the kind of record"),
        RecordField("text", .string, in: mentions, required: mentions,
                    "exactly `original[start..<end]`, the mention as written"),
        RecordField("start", .integer, in: mentions, required: mentions, unit: "Unicode scalars", minimum: 0,
                    "offset of the mention in the decoded original text, in Unicode scalars (code points); "
                    + "a UTF-8 byte-order mark is not part of the text"),
        RecordField("end", .integer, in: mentions, required: mentions, unit: "Unicode scalars", minimum: 0,
                    "offset just past the mention (end exclusive), in Unicode scalars"),
        RecordField("line", .integer, in: mentions, required: mentions, minimum: 1,
                    "1-based line of `start`"),
        RecordField("value", .number, in: figures, required: figures, unit: "the record's `unit`",
                    "exact decimal, magnitudes applied, never a binary float (`367.18 万` → `3671800`); "
                    + "for a range, its low bound"),
        RecordField("unit", .string, in: figures, required: figures,
                    "the unit or measure word as written, with the magnitude removed (万元 → `元`, "
                    + "万人次 → `人次`); `%` for %, ％ and 百分之; `\"\"` for a bare number"),
        RecordField("dimension", .string, in: ["quantity"], required: ["quantity"], values: dimensions,
                    "what the unit measures"),
        RecordField("qualifier", .string, in: figures, required: figures, values: qualifiers,
                    "how the figure relates to its written value"),
        RecordField("currency", .string, in: ["quantity"], pattern: "^[A-Z]{3}$",
                    "ISO 4217 code when the unit is money or a price (元 → `CNY`, 美元 → `USD`, 元/吨 → `CNY`)"),
        RecordField("low", .number, in: figures, unit: "the record's `unit`",
                    "low bound of a range (`3 至 5 万元` → 30000)"),
        RecordField("high", .number, in: figures, unit: "the record's `unit`",
                    "high bound of a range (`3 至 5 万元` → 50000)"),
        RecordField("object", .string, in: ["quantity"],
                    "what is counted, when the text says (`13 万个 KN95 口罩` → `KN95 口罩`), "
                    + "line breaks removed"),
        RecordField("timex", .string, in: temporal, required: temporal,
                    "the TIMEX3 value: `2022-03-11`, `XXXX-03-11` (no year known), `XXXX-03-15T19:00`, "
                    + "`XXXX-03-13TAF`, `2022-Q1`, `2022-H1`, `2016`, `XXXX-WXX-3`, `2017-W13`, "
                    + "`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`, `XXXX-XX-XX` (每天; `XXXX-XX-XXT07:30` every "
                    + "day at 7:30; also a moving holiday when no year is known); a span named by one mention "
                    + "is `(first,last,duration)`: `(2022-Q1,2022-Q3,P9M)` (前三季度), "
                    + "`(2013-02-09,2013-02-15,P7D)` (春节假期)"),
        RecordField("as_of", .string, in: ["quantity"],
                    "the TIMEX3 value of the 截至/截止/到…为止 date whose sentence holds the figure"),
        RecordField("cumulative", .boolean, in: ["quantity"],
                    "`true` when 累计, 共, 共计, 总计, 合计 or 一共 introduces the figure (absent otherwise)"),
        RecordField("name", .string, in: ["organization"], required: ["organization"],
                    "the name as it stands, line breaks removed"),
        RecordField("category", .string, in: ["organization"], required: ["organization"], values: categories,
                    "the kind of organization, from its head word"),
        RecordField("full", .string, in: ["organization"],
                    "the full name that this name abbreviates, when the document gave it earlier: 浙大 → "
                    + "浙江大学, 中信证券 → 中信证券股份有限公司 (absent otherwise)"),
        RecordField("damaged", .boolean, in: mentions,
                    "`true` when the mention touches bytes that could not be decoded (U+FFFD inside it or "
                    + "among the two characters on either side on its line, spaces aside): `33<FF>6 小时` gives "
                    + "`6 小时` marked damaged, since it may have said 3306. Absent otherwise. Filter on it when "
                    + "a wrong figure costs more than a missing one"),
        RecordField("error", .string, in: ["error"], required: ["error"],
                    "why the document could not be read (no such file, binary data, a bad JSON line)"),
    ]

    /// Dimensions of quantities: those of `UnitTable` and of rates of two units.
    ///
    ///     RecordFields.dimensions.map(\.0).prefix(3)   // ["currency", "count", "duration"]
    public static let dimensions: [(String, String)] = [
        ("currency", "money, with `currency`"), ("count", "measure words: 个 名 人次 家"),
        ("duration", "秒 分钟 小时 天 月 年"), ("length", ""), ("area", ""), ("mass", ""), ("volume", ""),
        ("temperature", ""), ("percent", "% ‰ 百分之 千分之"), ("ratio", "成 倍 百分点 折"), ("power", ""),
        ("energy", ""), ("data", ""), ("frequency", ""), ("speed", "公里/小时"), ("concentration", "微克/立方米"),
        ("pressure", ""), ("flow", "立方米/秒"), ("age", "岁"), ("score", "分"),
        ("price", "元/吨, with `currency`"), ("rate", "any other A/B"),
    ]

    /// `Qualifier`'s values and the words that give them.
    ///
    ///     RecordFields.qualifiers.map(\.0) == Qualifier.allCases.map(\.rawValue)   // true (a test holds it)
    public static let qualifiers: [(String, String)] = [
        ("exact", "as written"), ("approx", "约 大约 左右 上下"), ("over", "余 多 逾 超过 以上"),
        ("under", "近 将近 不到 不足 以下"), ("at_least", "至少 不少于 或以上"),
        ("at_most", "最多 不超过 以内 或以下"),
    ]

    /// Organization categories (the head-word table's categories).
    ///
    ///     RecordFields.categories.first?.0   // "government"
    public static let categories: [(String, String)] = [
        ("government", ""), ("party", ""), ("association", ""), ("company", ""), ("hospital", ""),
        ("school", ""), ("research", ""), ("media", ""), ("team", ""), ("military", ""), ("group", ""),
        ("international", ""), ("other", ""),
    ]

    /// The field named `name`, if the contract has one.
    ///
    ///     RecordFields.field("dimension")?.required   // ["quantity"]
    ///     RecordFields.field("weight")                 // nil
    public static func field(_ name: String) -> RecordField? { all.first { $0.name == name } }
}
