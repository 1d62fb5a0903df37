/// Hindu and Buddhist holidays by year, 2000–2030: these follow the Hindu lunisolar calendar
/// (tithis and nakshatras), which Foundation does not provide, so their dates are listed.
///
/// Source: the computed-holiday tables of facebook/duckling (`Duckling/Time/Computed.hs`, BSD),
/// which list the dates as observed in India (Vesak as in South Asia). Each table holds one
/// `MM-DD` a year from 2000 on. The festivals duckling derives from them are derived the same
/// way in `HolidayTable`: Diwali is two days after Dhanteras, Dussehra nine after the start of
/// Navaratri, Holi 39 after Vasant Panchami.
enum HinduHolidayDates {
    static let firstYear = 2000

    /// Dhanteras (two days before Diwali).
    static let dhanteras = """
        10-24 11-12 11-02 10-23 11-10 10-30 10-19 11-07 10-26 10-15
        11-03 10-24 11-11 11-01 10-21 11-09 10-28 10-17 11-05 10-25
        11-13 11-02 10-22 11-10 10-29 10-18 11-06 10-27 10-15 11-04
        10-24
        """

    /// The first day of Navaratri.
    static let navaratri = """
        09-28 10-17 10-07 09-26 10-14 10-04 09-23 10-12 09-30 09-19
        10-08 09-28 10-16 10-05 09-25 10-13 10-01 09-21 10-09 09-29
        10-17 10-06 09-26 10-15 10-03 09-22 10-11 09-30 09-19 10-08
        09-27
        """

    /// Raksha Bandhan.
    static let rakshaBandhan = """
        08-15 08-04 08-22 08-12 08-29 08-19 08-09 08-28 08-16 08-05
        08-24 08-13 08-02 08-20 08-10 08-29 08-18 08-07 08-26 08-15
        08-03 08-22 08-11 08-30 08-19 08-09 08-28 08-17 08-05 08-23
        08-13
        """

    /// Thai Pongal (the first day of the Pongal festival).
    static let thaiPongal = """
        01-15 01-14 01-14 01-14 01-15 01-14 01-14 01-15 01-15 01-14
        01-14 01-15 01-15 01-14 01-14 01-15 01-15 01-14 01-14 01-15
        01-15 01-14 01-14 01-15 01-15 01-14 01-14 01-15 01-15 01-14
        01-14
        """

    /// Thiru Onam.
    static let onam = """
        09-10 08-31 08-21 09-08 08-28 09-15 09-05 08-26 09-12 09-02
        08-23 09-09 08-29 08-20 09-06 08-28 09-13 09-04 08-24 09-11
        08-31 08-21 09-08 08-29 09-15 09-05 08-26 09-12 09-01 08-22
        09-09
        """

    /// Vasant Panchami.
    static let vasantPanchami = """
        02-10 01-29 02-17 02-06 01-26 02-13 02-02 01-23 02-11 01-31
        01-20 02-08 01-28 02-15 02-04 01-24 02-12 02-01 01-22 02-10
        01-29 02-16 02-05 01-26 02-14 02-02 01-23 02-11 01-31 01-19
        02-07
        """

    /// Vesak (Buddha Purnima).
    static let vesak = """
        05-18 05-07 05-26 05-15 05-04 05-23 05-12 05-31 05-19 05-08
        05-27 05-17 05-05 05-24 05-14 05-03 05-21 05-10 05-29 05-18
        05-07 05-26 05-15 05-05 05-23 05-12 05-31 05-20 05-08 05-27
        """
}
