/// Units that take smaller units of the same system after them, so that the whole amount is
/// one figure in the larger unit: 8元5角2分 (8.52 元), 三美元又五美分 (3.05 美元), 20日元3钱
/// (20.03 日元), 六斤八两 (6.8 斤), 三米九 (3.9 米).
///
/// Each row: the larger units, then the smaller ones with their power of ten relative to
/// the larger unit (角 is a tenth of a 元, 分 a hundredth). Sources: the subdivisions of the
/// currencies (元 = 10 角 = 100 分; 毫 and 仙 are the Cantonese 角 and 分; a dollar has 100
/// cents, a pound 100 pence, a yen 100 銭) and the market units (市制: 1 斤 = 10 两, 1 丈 =
/// 10 尺 = 100 寸).
enum CompoundTable {
    struct Part {
        let surface: [Unicode.Scalar]
        let power: Int32
    }

    static let source: [(units: [String], parts: [(String, Int32)])] = [
        (["元", "块", "塊", "蚊", "圆", "圓"], [("角", -1), ("毛", -1), ("毫", -1), ("分", -2), ("仙", -2)]),
        (["角", "毛", "毫"], [("分", -1), ("仙", -1)]),
        (["港元", "港币", "港幣"], [("毫", -1), ("仙", -2)]),
        (["美元", "美金"], [("美分", -2), ("分", -2)]),
        (["欧元", "歐元"], [("欧分", -2), ("歐分", -2)]),
        (["日元", "日圆", "日圓"], [("钱", -2), ("錢", -2), ("銭", -2)]),
        (["英镑", "英鎊"], [("便士", -2)]),
        (["米"], [("分米", -1), ("厘米", -2), ("公分", -2), ("毫米", -3)]),
        (["公斤", "千克"], [("克", -3)]),
        (["斤"], [("两", -1), ("兩", -1)]),
        (["丈"], [("尺", -1), ("寸", -2)]),
        (["尺"], [("寸", -1)]),
    ]

    /// The smaller units of each row, longest surface first among those of equal power.
    static let rows: [[Part]] = source.map { row in
        row.parts.map { Part(surface: Array($0.0.unicodeScalars), power: $0.1) }
            .sorted { $0.power != $1.power ? $0.power > $1.power : $0.surface.count > $1.surface.count }
    }

    /// The row whose larger units hold `unit`, if any (one hash: units are also made while
    /// scanning, 3 个月 or 元/吨, and comparing Chinese strings one by one costs).
    static func row(for unit: String) -> Int? { rowByUnit[unit] }

    static let rowByUnit: [String: Int] = {
        var map: [String: Int] = [:]
        for (k, row) in source.enumerated() { for u in row.units { map[u] = k } }
        return map
    }()
}
