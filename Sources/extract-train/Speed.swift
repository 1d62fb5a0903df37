import Foundation
@_spi(Training) import Extractor

/// Characters a second of the rules, the marks (rules and dictionaries) and the model's
/// features with Viterbi, on a text read as one document: best of nine runs, in CPU
/// time of this thread (the machine is shared, so wall time measures the neighbours too).
enum Speed {
    /// `only`: "model" times the model alone (for instruction counts under callgrind).
    static func run(path: String, model: OrganizationModel, only: String? = nil, runs: Int = 9) {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        let source = SourceText(utf8: [UInt8](data))
        let n = source.scalars.count
        func cpu() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        func best(_ label: String, _ body: () -> Int) {
            var times: [Double] = []
            var result = 0
            for _ in 0 ..< runs {
                let t0 = cpu()
                result = body()
                times.append(cpu() - t0)
            }
            let s = times.min()!
            say(String(format: "%@: %.3f s, %.1f M chars/s (%d results)", label, s, Double(n) / s / 1e6, result))
        }
        say("\(path): \(n) cleaned characters")
        if only == "spans" {
            best("spans(in:) (all of it)") { model.spans(in: source).count }
            return
        }
        if only == "model" {
            let marks = OrganizationMarks.shared.marks(source)
            best("model (features + Viterbi)") { model.modelSpans(in: source, marks: marks).count }
            return
        }
        best("cleaning (SourceText)") { SourceText(utf8: [UInt8](data)).scalars.count }
        best("rule recognizer alone") { OrganizationMarks.ruleSpans(source).count }
        best("marks (rule recognizer + dictionaries)") { OrganizationMarks.shared.marks(source).count }
        let marks = OrganizationMarks.shared.marks(source)
        best("model (features + Viterbi)") { model.modelSpans(in: source, marks: marks).count }
        best("spans(in:) (all of it)") { model.spans(in: source).count }
    }
}
