/// A date or time as written: each field set only when the text says it.
/// Partial until `DateResolver` fills in what the context or document date gives.
struct TemporalValue: Sendable, Equatable {
    // Stored as Int16 (a year fits; so does every offset) so the value stays ~60 bytes of
    // plain data: it is copied on every parse step of the date scanner.
    private var _year: Int16?
    var year: Int? {
        get { _year.map(Int.init) }
        set { _year = newValue.map { Int16(clamping: $0) } }
    }
    private var _month: Int16?
    var month: Int? {
        get { _month.map(Int.init) }
        set { _month = newValue.map { Int16(clamping: $0) } }
    }
    private var _day: Int16?
    var day: Int? {
        get { _day.map(Int.init) }
        set { _day = newValue.map { Int16(clamping: $0) } }
    }
    private var _quarter: Int16?
    var quarter: Int? {
        get { _quarter.map(Int.init) }
        set { _quarter = newValue.map { Int16(clamping: $0) } }
    }
    private var _half: Int16?
    var half: Int? {
        get { _half.map(Int.init) }
        set { _half = newValue.map { Int16(clamping: $0) } }
    }
    /// ISO week of the year (第48周 → W48).
    private var _week: Int8?          // 1…53: one byte keeps the value's size
    var week: Int? {
        get { _week.map(Int.init) }
        set { _week = newValue.map { Int8(clamping: $0) } }
    }
    private var _weekday: Int16?
    var weekday: Int? {
        get { _weekday.map(Int.init) }
        set { _weekday = newValue.map { Int16(clamping: $0) } }
    }
    private var _hour: Int16?
    var hour: Int? {
        get { _hour.map(Int.init) }
        set { _hour = newValue.map { Int16(clamping: $0) } }
    }
    private var _minute: Int16?
    var minute: Int? {
        get { _minute.map(Int.init) }
        set { _minute = newValue.map { Int16(clamping: $0) } }
    }
    private var _second: Int16?
    var second: Int? {
        get { _second.map(Int.init) }
        set { _second = newValue.map { Int16(clamping: $0) } }
    }
    private var _relDays: Int16?
    var relDays: Int? {
        get { _relDays.map(Int.init) }
        set { _relDays = newValue.map { Int16(clamping: $0) } }
    }
    private var _relYears: Int16?
    var relYears: Int? {
        get { _relYears.map(Int.init) }
        set { _relYears = newValue.map { Int16(clamping: $0) } }
    }
    private var _relMonths: Int16?
    var relMonths: Int? {
        get { _relMonths.map(Int.init) }
        set { _relMonths = newValue.map { Int16(clamping: $0) } }
    }
    private var _relWeeks: Int16?
    var relWeeks: Int? {
        get { _relWeeks.map(Int.init) }
        set { _relWeeks = newValue.map { Int16(clamping: $0) } }
    }
    /// A holiday, as an index into `HolidayTable.entries` (its calendar places it once a year is known).
    private var _holiday: Int16?
    var holiday: Int? {
        get { _holiday.map(Int.init) }
        set { _holiday = newValue.map { Int16(clamping: $0) } }
    }
    /// The nth weekday of the month (十月的第一个星期一: 1; 最后一个: -1), with `weekday`.
    private var _weekdayOrdinal: Int8?
    var weekdayOrdinal: Int? {
        get { _weekdayOrdinal.map(Int.init) }
        set { _weekdayOrdinal = newValue.map { Int8(clamping: $0) } }
    }
    /// The first quarter of a span of quarters (前三季度: Q1 to Q3).
    private var _quarterFrom: Int8?
    var quarterFrom: Int? {
        get { _quarterFrom.map(Int.init) }
        set { _quarterFrom = newValue.map { Int8(clamping: $0) } }
    }
    /// A season of the year (今年夏天): 1 spring, 2 summer, 3 autumn, 4 winter (TIMEX3 SP, SU, FA, WI).
    private var _season: Int8?
    var season: Int? {
        get { _season.map(Int.init) }
        set { _season = newValue.map { Int8(clamping: $0) } }
    }
    /// Month and day are of the Chinese calendar (正月十五, 农历八月十五).
    var lunar = false
    /// The year was written with two digits (98年): in a document that counts years of the
    /// Republic (民國), 98 is 2009, not 1998.
    var twoDigitYear = false
    var partOfDay: PartOfDay?
    var anaphoric = false
    var weekend = false
    var reference: TemporalReference?
    /// The year was written (not inferred): later dates take it.
    var yearWritten = false
    var hasRelative: Bool { relDays != nil || relYears != nil || relMonths != nil || relWeeks != nil || anaphoric }
    var hasDate: Bool { year != nil || month != nil || day != nil || quarter != nil || half != nil || week != nil
        || weekday != nil || relDays != nil || relYears != nil || relMonths != nil || relWeeks != nil || weekend
        || holiday != nil }
}

/// TIMEX3 parts of day. A plain enum (not a String) keeps `TemporalValue` plain data:
/// copying it costs no reference counting on the hot path.
enum PartOfDay: String, Sendable, ExpressibleByStringLiteral {
    case MO, MI, AF, EV, NI, DT
    init(stringLiteral s: String) { self = PartOfDay(rawValue: s) ?? .DT }
}

/// TIMEX3 values for times relative to an unknown "now", and the daily set.
enum TemporalReference: String, Sendable, ExpressibleByStringLiteral {
    case present = "PRESENT_REF", past = "PAST_REF", future = "FUTURE_REF", daily = "XXXX-XX-XX"
    init(stringLiteral s: String) { self = TemporalReference(rawValue: s) ?? .present }
}

/// One date/time mention in cleaned coordinates.
struct TemporalMention {
    var start: Int
    var end: Int
    var value: TemporalValue
    /// The second end of a range inherits unwritten fields from the first.
    var inheritsFromPrevious = false
    var rule: StaticString
}
