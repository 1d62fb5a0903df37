import Testing
@testable @_spi(Training) import Extractor

/// The document pass: later mentions of a found name, its short forms linked by `full`,
/// read forward only so that a document read in pieces gives the records of the whole.
@Suite struct OrganizationDocumentTests {
    static let extractor = Extractor(types: [.organization])

    static func names(_ records: [Record]) -> [String] {
        records.map { r in r.full.map { "\(r.text)→\($0)@\(r.start)" } ?? "\(r.text)@\(r.start)" }
    }

    @Test func shortFormsAreLinkedToTheFullNameBeforeThem() {
        let text = "浙江大学发布消息。\n浙大将与中信证券股份有限公司合作，中信证券表示，浙江大学和清华大学……清华、北师大（北京师范大学）。\n"
        #expect(Self.names(Self.extractor.extract(text)) == [
            "浙江大学@0", "浙大→浙江大学@10", "中信证券股份有限公司@14", "中信证券→中信证券股份有限公司@27", "浙江大学@34",
            "清华大学@39", "清华→清华大学@45",
            // Before its full name: found by the model, linked to nothing (the pass reads forward).
            "北师大@48", "北京师范大学@52",
        ])
    }

    @Test func traditionalNamesHaveShortFormsAndMeetTheirSimplifiedSpelling() {
        // Names compare with traditional characters folded; `full` is the name as written.
        let text = "浙江大學與中信證券股份有限公司合作。\n浙大表示，中信證券將提供服務，浙江大学欢迎。\n"
        #expect(Self.names(Self.extractor.extract(text)) == [
            "浙江大學@0", "中信證券股份有限公司@5", "浙大→浙江大學@19", "中信證券→中信證券股份有限公司@24", "浙江大学@34",
        ])
    }

    @Test func aNameFoundOnceIsFoundAtItsLaterMentions() {
        // The model alone does not take the second 团区委 (机关团干部 after it): the seed bulletin's words.
        let text = "团区委组织开展志愿服务。\n名单上几乎涵盖了所有的团区委机关团干部和青少年社工的名字。\n"
        #expect(OrganizationModel.shared.names(in: SourceText(text)).map(\.start) == [0])
        #expect(Self.names(Self.extractor.extract(text)) == ["团区委@0", "团区委@24"])
    }

    @Test func shortForms() {
        func forms(_ name: String) -> [String] {
            let s = Array(name.unicodeScalars)
            return s.withUnsafeBufferPointer { OrganizationDocument.shortForms(of: $0[...]) }.map { String(String.UnicodeScalarView($0)) }
        }
        #expect(forms("中信证券股份有限公司") == ["中信证券"])
        #expect(forms("阿里巴巴集团控股有限公司") == ["阿里巴巴集团控股", "阿里巴巴"])
        #expect(forms("浙江大学") == ["浙大"])                 // 浙江 is a place
        #expect(forms("复旦大学") == ["复大", "复旦"])
        #expect(forms("华东师范大学") == ["华师大", "华东师大"])
        #expect(forms("有限公司") == [])
        // Listed companies: their short names (证券简称), brackets full-width or not.
        #expect(forms("深圳市全新好股份有限公司") == ["深圳市全新好", "全新好"])
        #expect(forms("深圳市振业（集团）股份有限公司") == ["深圳市振业（集团）", "深圳市振业", "深振业"])
        #expect(forms("万科企业股份有限公司") == ["万科企业", "万科"])
        #expect(forms("深圳市医师协会") == [])
    }

    @Test func piecesGiveTheRecordsOfTheWholeDocument() {
        let paragraph = "浙江大学与中信证券股份有限公司签约。浙大表示，中信证券将提供服务。\n"
        let text = String(repeating: "第一段。\n", count: 5) + String(repeating: paragraph, count: 6)
        let whole = Self.extractor.extract(text)
        var pieced: [Record] = []
        let pieces = Self.extractor.extract(utf8: Array(text.utf8), doc: "-", pieceSize: 40) { pieced.append($0) }
        #expect(pieces > 3)
        #expect(pieced == whole)
        #expect(whole.filter { $0.full != nil }.count == 12)
        // The names of the first piece carry to the last.
        #expect(pieced.last?.full == "中信证券股份有限公司")
    }
}

/// Traditional characters are folded for the model and its rules, never in the records.
@Suite struct TraditionalScriptTests {
    @Test func namesInTraditionalScriptAreFoundAsInSimplified() {
        let simplified = "深圳市医学会党支部联合深圳市医师协会等向深圳市第三人民医院捐赠物资"
        let traditional = "深圳市醫學會黨支部聯合深圳市醫師協會等向深圳市第三人民醫院捐贈物資"
        let extractor = Extractor(types: [.organization])
        let a = extractor.extract(simplified), b = extractor.extract(traditional)
        #expect(b.map(\.text) == ["深圳市醫學會黨支部", "深圳市醫師協會", "深圳市第三人民醫院"])
        #expect(b.map(\.start) == a.map(\.start) && b.map(\.end) == a.map(\.end))
        #expect(b.map(\.category) == ["party", "association", "hospital"])
    }

    @Test func foldingKeepsEveryOffset() {
        let source = SourceText("國家發展委員會，與臺灣大學")
        let folded = source.foldingTraditional()
        #expect(folded.scalars.count == source.scalars.count)
        #expect(String(String.UnicodeScalarView(folded.scalars.compactMap(Unicode.Scalar.init))) == "国家发展委员会，与台湾大学")
        #expect(SourceText("共 3 人").foldingTraditional().scalars == SourceText("共 3 人").scalars)
    }
}

/// The pass looks for a name `OrganizationDocument.reach` characters after its family's last
/// mention, so an archive read as one document carries only its last articles' names.
@Suite struct OrganizationDocumentReachTests {
    static let extractor = Extractor(types: [.organization])
    static let filler = String(repeating: "今天天气很好，大家都出去散步了。\n", count: 1_300)   // 20,800 characters

    static let text = "中信证券股份有限公司与浙江大学签约。\n中信证券表示满意。\n" + filler
        + "中信证券表示满意。\n中信证券股份有限公司再次签约。\n中信证券表示满意。\n"

    @Test func aShortFormOutOfReachIsNotLinked() {
        let records = Self.extractor.extract(Self.text)
        // 20,800 characters after the last mention (at 22,129), 中信证券 is out of reach (and the
        // model alone does not take it); after the full name again, it is linked.
        #expect(records.map { "\($0.text)@\($0.start)" } == [
            "中信证券股份有限公司@0", "浙江大学@11", "中信证券@19", "中信证券股份有限公司@22139", "中信证券@22155",
        ])
        #expect(records.map(\.full) == [nil, nil, "中信证券股份有限公司", nil, "中信证券股份有限公司"])
    }

    @Test func piecesAcrossTheReachGiveTheRecordsOfTheWhole() {
        let whole = Self.extractor.extract(Self.text)
        for size in [64, 5_000, 30_000] {
            var pieced: [Record] = []
            Self.extractor.extract(utf8: Array(Self.text.utf8), doc: "-", pieceSize: size) { pieced.append($0) }
            #expect(pieced == whole, "piece size \(size)")
        }
    }

    @Test func aLongArchiveHoldsOnlyTheNamesInReach() {
        var names = OrganizationDocument()
        var base = 0
        for piece in 0 ..< 30 {
            var text = "", found: [OrganizationRecognizer.Found] = []
            for k in 0 ..< 300 {
                let name = "第\(piece)号\(k)有限公司", start = text.unicodeScalars.count
                found.append(.init(start: start, end: start + name.unicodeScalars.count, category: "company"))
                text += name + "。"
            }
            let source = SourceText(text)
            let out = names.pass(found, in: source, folded: source, at: base)
            #expect(out.count == 300)
            base += 30_000      // the next piece starts beyond the reach of this one's names
        }
        // 30 pieces of 300 names and 300 short forms: 18,000 met, at most about 4,096 held.
        #expect(names.nameCount <= 4_700)
    }
}

@Suite struct OrganizationEdgeTests {
    @Test func aNameNeverStartsWithWhiteSpace() {
        // Text spaced word by word, as segmented corpora are: the model's span took the space after 、.
        let records = Extractor(types: [.organization]).extract("建设单位、 利民 公司 道路 桥函 队参加。")
        #expect(records.map(\.text) == ["利民 公司 道路 桥函 队"])
        #expect(records.map(\.start) == [6])
    }
}
