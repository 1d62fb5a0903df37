/// Where a task's templates put their keys. A key goes straight to the index of
/// its row in the model's table (the hash is never stored), an absent key to a
/// row of zeros, so that adding up a position's rows needs no branch.
///
///     sink.put(0, FeatureHash.hash(1, c))   // slot 0 of this key position
///     sink.absent(1)                        // no key in slot 1 here
///     sink.next()                           // on to the next key position
@_spi(Training) public struct KeySink {
    let rows: UnsafeMutablePointer<Int32>
    let starts: UnsafePointer<Int>
    let shifts: UnsafePointer<UInt64>
    let widths: UnsafePointer<Int>
    let zero: Int32
    let slots: Int
    var base = 0

    /// The row of `hash` for key slot `slot` of the current key position.
    @inline(__always) public func put(_ slot: Int, _ hash: UInt64) {
        let row = starts[slot] &+ Int(truncatingIfNeeded: hash &>> shifts[slot]) &* widths[slot]
        rows[base &+ slot] = Int32(truncatingIfNeeded: row)
    }

    /// No key in `slot` at the current key position.
    @inline(__always) public func absent(_ slot: Int) { rows[base &+ slot] = zero }

    /// No key in `count` slots from `slot` on.
    @inline(__always) public func absent(_ slot: Int, count: Int) {
        for k in 0 ..< count { rows[base &+ slot &+ k] = zero }
    }

    /// On to the next key position.
    @inline(__always) public mutating func next() { base &+= slots }
}

extension LinearModel {
    /// A sink writing row indices to `rows` (one a key slot of each key position); absent
    /// keys get `absent` (the zero row by default; the trainer asks for -1).
    public func withSink<R>(rows: UnsafeMutablePointer<Int32>, absent: Int32? = nil,
                            _ body: (inout KeySink) -> R) -> R {
        slotStart.withUnsafeBufferPointer { starts in
        slotShift.withUnsafeBufferPointer { shifts in
        slotWidth.withUnsafeBufferPointer { widths in
            var sink = KeySink(rows: rows, starts: starts.baseAddress!, shifts: shifts.baseAddress!,
                               widths: widths.baseAddress!, zero: absent ?? zeroRow, slots: starts.count)
            return body(&sink)
        }
        }
        }
    }
}
