import Testing
@testable import Extractor

/// The draft writer writes into the caller's buffer and goes on in its own when that one
/// is full: the lines are the same wherever the caller's buffer ends.
@Suite struct DraftLineWriterTests {
    @Test(arguments: [0, 1, 300, 5000, 1 << 20])
    func linesAreTheSameWhereverTheCallersBufferEnds(_ room: Int) {
        let extractor = Extractor(types: Set(RecordType.allCases))
        var state = Extractor.DocumentState()
        let source = SourceText(Fixtures.text("seed-bulletin.txt"))
        let piece = extractor.resolve(extractor.recognize(source, doc: "dir/\"d\""), state: &state)
        var expected: [UInt8] = []
        extractor.records(of: piece) { JSONLineWriter.append($0, to: &expected); expected.append(10) }
        #expect(expected.count > 5000)
        var overflow: [UInt8] = []
        let lines = [UInt8](unsafeUninitializedCapacity: room) { buf, initialized in
            var writer = DraftLineWriter(DraftContext(piece), into: buf)
            source.utf8.withUnsafeBufferPointer { u in extractor.drafts(of: piece) { writer.append($0, utf8: u) } }
            initialized = writer.written
            writer.appendOverflow(to: &overflow)
        }
        #expect(lines + overflow == expected)
    }
}
