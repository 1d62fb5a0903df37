import Testing
@testable import Extractor
@testable import extract

/// The cleaning pass copies runs of CJK characters in tight loops and sends everything
/// else through its general path: on any bytes, valid or not, the two give the same
/// scalars, checkpoints, removals, joined breaks and line starts; and the decoder's
/// UTF-8 validation (another tight loop) says what the standard library says.
@Suite struct CleaningTests {
    /// Pieces of UTF-8 around every boundary the tight loops test: U+3000 and U+3001, U+FF00
    /// and U+FF01, the surrogates' neighbours, white space between Han and digits, two- and
    /// four-byte characters, and invalid sequences (a surrogate, an overlong form, cut ones).
    static let pieces: [[UInt8]] = ["中", "文", "〇", "　", "、", "＀", "！", "０", "，", "５", " ", "\n", "\r\n",
                                    "\t", "a", "1", ".", "。", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "é", "𠀀",
                                    "\u{FEFF}", "万元", "３．１５"].map { Array($0.utf8) }
        + [[0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xE3, 0x80], [0xE4], [0xFF], [0xC0, 0x80], [0x80]]

    static func clean(_ bytes: [UInt8], tightLoops: Bool) -> String {
        bytes.withUnsafeBufferPointer { u in
            let scalars = UnsafeMutablePointer<UInt32>.allocate(capacity: u.count + 1)
            let checkpoints = UnsafeMutablePointer<Int32>.allocate(capacity: u.count / 4 + 2)
            defer { scalars.deallocate(); checkpoints.deallocate() }
            var out = SourceText.Cleaned()
            let valid = SourceText.clean(u, into: scalars, checkpoints: checkpoints, &out, tightLoops: tightLoops)
            guard valid else { return "invalid" }
            let s = Array(UnsafeBufferPointer(start: scalars, count: out.written))
            let c = Array(UnsafeBufferPointer(start: checkpoints, count: out.checkpointCount))
            return "\(s) \(c) \(out.removals.map { [$0.at, $0.total] }) \(out.joinedBreaks) \(out.lineStarts) "
                + "\(out.count) \(out.replacements)"
        }
    }

    @Test func tightLoopsEqualTheGeneralPath() {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var invalid = 0
        for round in 0..<20000 {
            // Mostly Han, as text is, with the other pieces mixed in.
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 40) {
                bytes += next() % 3 == 0 ? Self.pieces[next() % Self.pieces.count] : Self.pieces[next() % 2]
            }
            let fast = Self.clean(bytes, tightLoops: true), general = Self.clean(bytes, tightLoops: false)
            #expect(fast == general, "round \(round): \(bytes)")
            // The decoder's validation (its own tight loop) agrees with the standard library's.
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(Decoder.isValidUTF8(bytes) == valid, "round \(round): \(bytes)")
            #expect((fast != "invalid") == valid, "round \(round): \(bytes)")
            if fast == "invalid" { invalid += 1 }
        }
        #expect(invalid > 1000 && invalid < 19000)
    }
}
