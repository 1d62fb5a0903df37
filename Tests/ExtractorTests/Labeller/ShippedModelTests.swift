import Testing
@_spi(Training) import Extractor

/// The model shipped in OrganizationModel+Weights.swift: it decodes, and it finds names.
@Suite struct ShippedModelTests {
    @Test func decodesToTheTrainedModel() {
        let model = OrganizationModel.shared.labeller.model
        // The fallback when decoding fails is an empty model with 2-row tables.
        #expect(model.weights.count > 1_000_000)
        #expect(model.signature == OrganizationFeatures().signature)
        #expect(model.weights.contains { $0 != 0 })
    }

    @Test(arguments: [
        ("新华社北京5月10日电，中国人民银行今天宣布下调存款利率。", ["新华社", "中国人民银行"]),
        ("深圳市医学会党支部联合深圳市医师协会等向深圳市第三人民医院捐赠物资。", ["深圳市医学会党支部", "深圳市医师协会", "深圳市第三人民医院"]),
        ("他在北京大学读书，后来进入华为技术有限公司工作。", ["北京大学", "华为技术有限公司"]),
        ("徐汇区天平(湖南)街道社区卫生服务中心的护士刘华。", ["徐汇区天平(湖南)街道社区卫生服务中心"]),
        ("国务院新闻办公室今天举行发布会。", ["国务院新闻办公室"]),
        ("今天天气很好，我们去公园散步。", []),
    ])
    func findsNames(_ text: String, _ names: [String]) {
        let source = SourceText(text)
        let found = OrganizationModel.shared.spans(in: source).map { s -> String in
            let o = source.originalSpan(s.start, s.end)
            return source.slice(o.start, o.end)
        }
        #expect(found == names)
    }

    @Test func spansAreCleanedOffsetsInOrder() {
        // Full-width digits and a joined line break: offsets are the cleaned text's.
        let source = SourceText("１３万元捐给深圳市医师\n协会。")
        let spans = OrganizationModel.shared.spans(in: source)
        for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.end <= b.start) }
        for s in spans { #expect(s.start >= 0 && s.end <= source.scalars.count && s.start < s.end) }
    }

    @Test func featureHashIsFixed() {
        // The model's rows are picked by these values: a change of the hash invalidates it.
        #expect(FeatureHash.hash(1, ("银" as Unicode.Scalar).value) == 0xB07D_C222_07AB_E907)
        #expect(FeatureHash.hash(2, ("银" as Unicode.Scalar).value, ("行" as Unicode.Scalar).value) != FeatureHash.hash(2,
            ("行" as Unicode.Scalar).value, ("银" as Unicode.Scalar).value))
    }

    @Test func phraseTableFindsListedWords() {
        let table = PhraseTable([("委员会", 1), ("委员", 2), ("局", 3)])
        let text = Array("市委员会和公安局".unicodeScalars)
        text.withUnsafeBufferPointer { b in
            var found: [[Int]] = []
            table.matches(b, at: 1) { found.append([$0, $1]) }
            #expect(found == [[2, 2], [3, 1]])
            #expect(table.longest(b, at: 7).map { [$0.0, $0.1] } == [1, 3])
            #expect(table.longest(b, at: 0) == nil)
        }
    }
}
