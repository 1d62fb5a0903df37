/// How the model's spans and the rules' spans make one answer.
@_spi(Training) public enum OrganizationHybrid {
    public static func decide(model: [(start: Int, end: Int)], rules: [(start: Int, end: Int)],
                       source: SourceText) -> [(start: Int, end: Int)] {
        model
    }
}
