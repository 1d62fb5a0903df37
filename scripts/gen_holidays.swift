// gen_holidays.swift — writes Sources/Extractor/Dates/HolidayDates.swift, the calendar tables that
// place movable holidays on Gregorian dates: 1950–2050 (the solar terms 2000–2050).
//
//     swift scripts/gen_holidays.swift > Sources/Extractor/Dates/HolidayDates.swift
//
// Lunar and lunisolar calendars come from Foundation (ICU): Calendar(identifier: .chinese),
// .islamicUmmAlQura and .hebrew. Each year is written as its first day and the lengths of its
// months, which is all a date within it needs. The 24 solar terms come from the Sun's apparent
// longitude (J. Meeus, Astronomical Algorithms, 2nd ed., ch. 25 with VSOP87; ΔT ≈ 64–74 s), dated in
// Beijing time (UTC+8), as the Chinese calendar dates them. Tests/ExtractorTests/Dates/
// HolidayTableTests.swift checks every table against Foundation and the solar terms against the
// 寿星 formula, an independent method.
import Foundation

let firstYear = 1950, lastYear = 2050, solarFirstYear = 2000
let beijing = TimeZone(secondsFromGMT: 8 * 3600)!
var gregorian = Calendar(identifier: .gregorian)
gregorian.timeZone = beijing

func calendar(_ id: Calendar.Identifier) -> Calendar {
    var c = Calendar(identifier: id)
    c.timeZone = beijing
    return c
}

func noon(_ y: Int, _ m: Int, _ d: Int) -> Date {
    gregorian.date(from: DateComponents(year: y, month: m, day: d, hour: 12))!
}

func ymd(_ date: Date) -> String {
    let c = gregorian.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
}

/// Month starts of a calendar between two Gregorian years: (year, month, leap, first day, length).
struct Month { var year: Int; var month: Int; var leap: Bool; var first: Date; var length: Int }

func months(_ cal: Calendar, from y0: Int, to y1: Int) -> [Month] {
    var out: [Month] = []
    var day = noon(y0, 1, 1)
    let end = noon(y1 + 1, 12, 31)
    while day <= end {
        let c = cal.dateComponents([.year, .month, .day, .isLeapMonth], from: day)
        if c.day == 1 {
            if var last = out.last {
                last.length = gregorian.dateComponents([.day], from: last.first, to: day).day!
                out[out.count - 1] = last
            }
            out.append(Month(year: c.year!, month: c.month!, leap: c.isLeapMonth ?? false, first: day, length: 0))
        }
        day = gregorian.date(byAdding: .day, value: 1, to: day)!
    }
    return out.filter { $0.length > 0 }
}

/// One line per year of the calendar: `first-day lengths`, lengths as digits 9 (29 days) and
/// 0 (30 days) in the order the months come; for the Chinese calendar a leap month is marked by
/// an L before its length. Returns the lines and the calendar's number for the first year.
func table(_ cal: Calendar, _ label: (Month) -> String, years: ClosedRange<Int>, gregorianNumber: Bool = false)
    -> (String, Int) {
    let all = months(cal, from: years.lowerBound - 1, to: years.upperBound)
    var lines: [String] = []
    var firstNumber: Int? = nil
    var current: [Month] = []
    func flush() {
        guard let f = current.first, f.month == 1, !f.leap else { current = []; return }
        let y = gregorian.component(.year, from: f.first)
        if years.contains(y) {
            if firstNumber == nil { firstNumber = gregorianNumber ? y : f.year }
            lines.append(ymd(f.first) + " " + current.map { label($0) + ($0.length == 29 ? "9" : "0") }.joined())
        }
        current = []
    }
    for m in all {
        if m.month == 1 && !m.leap { flush() }
        current.append(m)
    }
    return (lines.joined(separator: "\n"), firstNumber ?? 0)
}

// The Chinese year 1999 holds 除夕 of 2000; the Islamic and Hebrew years are listed from the one
// in progress on 2000-01-01.
let chinese = table(calendar(.chinese), { $0.leap ? "L" : "" }, years: (firstYear - 1)...lastYear,
                    gregorianNumber: true)
let islamic = table(calendar(.islamicUmmAlQura), { _ in "" }, years: (firstYear - 1)...lastYear)
// Hebrew months in ICU are numbered 1 (Tishrei) … 13 (Elul), 6 being Adar I of a leap year; the
// year starts at Tishrei, so the year's first month is 1 as for the others.
let hebrew = table(calendar(.hebrew), { $0.month == 6 ? "A" : "" }, years: (firstYear - 1)...lastYear)

// MARK: - Solar terms

func sind(_ x: Double) -> Double { sin(x * .pi / 180) }

/// Periodic terms (A, B, C) of the Earth's heliocentric longitude, L0 to L5: VSOP87 (Bretagnon and
/// Francou, 1988) as truncated in Meeus' Appendix III. Each series is Σ A·cos(B + C·τ).
let earthLongitude: [[(Double, Double, Double)]] = [
    [(175347046, 0, 0), (3341656, 4.6692568, 6283.07585), (34894, 4.6261, 12566.1517), (3497, 2.7441, 5753.3849),
     (3418, 2.8289, 3.5231), (3136, 3.6277, 77713.7715), (2676, 4.4181, 7860.4194), (2343, 6.1352, 3930.2097),
     (1324, 0.7425, 11506.7698), (1273, 2.0371, 529.691), (1199, 1.1096, 1577.3435), (990, 5.233, 5884.927),
     (902, 2.045, 26.298), (857, 3.508, 398.149), (780, 1.179, 5223.694), (753, 2.533, 5507.553),
     (505, 4.583, 18849.228), (492, 4.205, 775.523), (357, 2.92, 0.067), (317, 5.849, 11790.629),
     (284, 1.899, 796.298), (271, 0.315, 10977.079), (243, 0.345, 5486.778), (206, 4.806, 2544.314),
     (205, 1.869, 5573.143), (202, 2.4458, 6069.777), (156, 0.833, 213.299), (132, 3.411, 2942.463),
     (126, 1.083, 20.775), (115, 0.645, 0.98), (103, 0.636, 4694.003), (102, 0.976, 15720.839),
     (102, 4.267, 7.114), (99, 6.21, 2146.17), (98, 0.68, 155.42), (86, 5.98, 161000.69), (85, 1.3, 6275.96),
     (85, 3.67, 71430.7), (80, 1.81, 17260.15), (79, 3.04, 12036.46), (71, 1.76, 5088.63), (74, 3.5, 3154.69),
     (74, 4.68, 801.82), (70, 0.83, 9437.76), (62, 3.98, 8827.39), (61, 1.82, 7084.9), (57, 2.78, 6286.6),
     (56, 4.39, 14143.5), (56, 3.47, 6279.55), (52, 0.19, 12139.55), (52, 1.33, 1748.02), (51, 0.28, 5856.48),
     (49, 0.49, 1194.45), (41, 5.37, 8429.24), (41, 2.4, 19651.05), (39, 6.17, 10447.39), (37, 6.04, 10213.29),
     (37, 2.57, 1059.38), (36, 1.71, 2352.87), (36, 1.78, 6812.77), (33, 0.59, 17789.85), (30, 0.44, 83996.85),
     (30, 2.74, 1349.87), (25, 3.16, 4690.48)],
    [(628331966747, 0, 0), (206059, 2.678235, 6283.07585), (4303, 2.6351, 12566.1517), (425, 1.59, 3.523),
     (119, 5.796, 26.298), (109, 2.966, 1577.344), (93, 2.59, 18849.23), (72, 1.14, 529.69), (68, 1.87, 398.15),
     (67, 4.41, 5507.55), (59, 2.89, 5223.69), (56, 2.17, 155.42), (45, 0.4, 796.3), (36, 0.47, 775.52),
     (29, 2.65, 7.11), (21, 5.34, 0.98), (19, 1.85, 5486.78), (19, 4.97, 213.3), (17, 2.99, 6275.96),
     (16, 0.03, 2544.31), (16, 1.43, 2146.17), (15, 1.21, 10977.08), (12, 2.83, 1748.02), (12, 3.26, 5088.63),
     (12, 5.27, 1194.45), (12, 2.08, 4694), (11, 0.77, 553.57), (10, 1.3, 3286.6), (10, 4.24, 1349.87),
     (9, 2.7, 242.73), (9, 5.64, 951.72), (8, 5.3, 2352.87), (6, 2.65, 9437.76), (6, 4.67, 4690.48)],
    [(52919, 0, 0), (8720, 1.0721, 6283.0758), (309, 0.867, 12566.152), (27, 0.05, 3.52), (16, 5.19, 26.3),
     (16, 3.68, 155.42), (10, 0.76, 18849.23), (9, 2.06, 77713.77), (7, 0.83, 775.52), (5, 4.66, 1577.34),
     (4, 1.03, 7.11), (4, 3.44, 5573.14), (3, 5.14, 796.3), (3, 6.05, 5507.55), (3, 1.19, 242.73),
     (3, 6.12, 529.69), (3, 0.31, 398.15), (3, 2.28, 553.57), (2, 4.38, 5223.69), (2, 3.75, 0.98)],
    [(289, 5.844, 6283.076), (35, 0, 0), (17, 5.49, 12566.15), (3, 5.2, 155.42), (1, 4.72, 3.52),
     (1, 5.3, 18849.23), (1, 5.97, 242.73)],
    [(114, 3.142, 0), (8, 4.13, 6283.08), (1, 3.84, 12566.15)],
    [(1, 3.14, 0)],
]
/// The main terms of the Earth's distance from the Sun (R0, R1), for the aberration.
let earthRadius: [[(Double, Double, Double)]] = [
    [(100013989, 0, 0), (1670700, 3.0984635, 6283.07585), (13956, 3.05525, 12566.1517)],
    [(103019, 1.10749, 6283.07585), (1721, 1.0644, 12566.1517)],
]

func series(_ terms: [[(Double, Double, Double)]], _ tau: Double) -> Double {
    var total = 0.0, power = 1.0
    for s in terms {
        total += s.reduce(0) { $0 + $1.0 * cos($1.1 + $1.2 * tau) } * power
        power *= tau
    }
    return total / 1e8
}

/// The Sun's apparent ecliptic longitude in degrees at Julian Ephemeris Day `jde` (Meeus ch. 25,
/// higher accuracy: VSOP87, the FK5 correction, nutation in longitude and aberration).
func solarLongitude(_ jde: Double) -> Double {
    let tau = (jde - 2451545.0) / 365250, t = tau * 10
    let l = series(earthLongitude, tau) * 180 / .pi, r = series(earthRadius, tau)
    let omega = 125.04452 - 1934.136261 * t, sunL = 280.4665 + 36000.7698 * t, moonL = 218.3165 + 481267.8813 * t
    let nutation = (-17.20 * sind(omega) - 1.32 * sind(2 * sunL) - 0.23 * sind(2 * moonL) + 0.21 * sind(2 * omega))
    let lambda = l + 180 + (-0.09033 + nutation - 20.4898 / r) / 3600
    return lambda.truncatingRemainder(dividingBy: 360) + (lambda < 0 ? 360 : 0)
}

/// The Beijing date on which the Sun reaches `degrees` of longitude in `year`, near `month`.
func solarTerm(_ degrees: Double, year: Int, month: Int) -> String {
    let start = noon(year, month, 1).timeIntervalSince1970 / 86400 + 2440587.5 - 5
    var lo = start, hi = start + 40
    func angle(_ jd: Double) -> Double {
        var d = solarLongitude(jd) - degrees
        while d > 180 { d -= 360 }
        while d < -180 { d += 360 }
        return d
    }
    for _ in 0..<60 {
        let mid = (lo + hi) / 2
        if angle(mid) < 0 { lo = mid } else { hi = mid }
    }
    let deltaT = (64 + 0.25 * Double(year - 2000)) / 86400  // TT − UT: 64 s in 2000, 69 s in 2020
    let ut = (lo + hi) / 2 - deltaT
    let date = Date(timeIntervalSince1970: (ut - 2440587.5) * 86400)
    let c = gregorian.dateComponents([.year, .month, .day], from: date)
    return String(format: "%02d", c.day!)
}

// 小寒 (285°) in January through 冬至 (270°) in December: two terms a month.
var solarLines: [String] = []
for y in solarFirstYear...lastYear {
    var days: [String] = []
    for k in 0..<24 {
        let degrees = Double((285 + 15 * k) % 360)
        days.append(solarTerm(degrees, year: y, month: k / 2 + 1))
    }
    solarLines.append("\(y) " + days.joined(separator: " "))
}

print("""
// Generated by scripts/gen_holidays.swift; do not edit by hand (run it again instead).
// Checked by Tests/ExtractorTests/Dates/HolidayTableTests.swift against Foundation's calendars.

/// Calendar tables that put movable holidays on Gregorian dates, \(firstYear)–\(lastYear) (the solar
/// terms \(solarFirstYear)–\(lastYear)).
///
/// A lunar or lunisolar year is one line: the Gregorian date of its first day, then the lengths of
/// its months in order, `9` for 29 days and `0` for 30. In the Chinese table an `L` marks the
/// leap month (it follows the month of the same number); in the Hebrew table an `A` marks Adar I,
/// the month a leap year adds. Sources: Foundation's (ICU's) Chinese, Umm al-Qura Islamic and
/// Hebrew calendars. The solar terms are the Beijing dates on which the Sun's apparent longitude
/// reaches each multiple of 15°, from 小寒 (285°) to 冬至 (270°): two a month, January first.
enum HolidayDates {
    /// The number of each table's first year: the Gregorian year its Chinese year began in, the
    /// year of the Hijra, the Hebrew year (anno mundi), and the first year of solar terms.
    static let chineseFirstYear = \(chinese.1), islamicFirstYear = \(islamic.1), hebrewFirstYear = \(hebrew.1)
    static let solarTermsFirstYear = \(solarFirstYear)

    static let chinese = \"\"\"
\(chinese.0)
\"\"\"

    static let islamic = \"\"\"
\(islamic.0)
\"\"\"

    static let hebrew = \"\"\"
\(hebrew.0)
\"\"\"

    static let solarTerms = \"\"\"
\(solarLines.joined(separator: "\n"))
\"\"\"
}
""")
