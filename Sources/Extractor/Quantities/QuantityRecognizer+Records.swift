/// A figure becomes a record: original offsets, text, unit and dimension (度 of electricity is
/// energy), qualifier, range and object.
extension QuantityRecognizer {
    /// The record of a figure as a draft (its text and object stay spans until written), or nil
    /// when its type was not asked for (`hint` and `lineHint` carry the offset-map and line
    /// positions from one figure to the next).
    func record(_ f: Figure, _ b: UnsafeBufferPointer<Unicode.Scalar>, hint: inout Int,
                lineHint: inout Int) -> RecordDraft? {
        let isNumber = f.unit == nil
        if isNumber ? !emitNumbers : !emitQuantities { return nil }
        let (s, e) = source.originalSpan(f.start, f.end, hint: &hint)
        var r = RecordDraft(type: isNumber ? .number : .quantity, start: s, end: e,
                            line: source.line(ofOriginal: s, hint: &lineHint))
        r.value = f.value
        if let u = f.unit {
            r.unit = u.unit
            var dim = u.dimension
            if u.isTemperatureDegree && electricityContext(b, f.start) { dim = "energy" }
            r.dimension = dim
            r.currency = f.currency
        } else {
            r.unit = ""
        }
        r.qualifier = f.qualifier
        r.low = f.low
        r.high = f.high
        if let o = f.objectRange {
            (r.objectStart, r.objectEnd) = source.originalSpan(o.lowerBound, o.upperBound, hint: &hint)
        }
        return r
    }

    /// 用电 100 万度: 度 of electricity when 电 stands within the few characters before.
    func electricityContext(_ b: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && k >= i - 8 {
            if b[k] == "电" { return true }
            if b[k] == "温" { return false }   // 温度: a temperature after all
            k -= 1
        }
        return false
    }
}
