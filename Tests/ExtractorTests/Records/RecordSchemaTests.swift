import Testing
import Foundation
@testable import Extractor
@testable import extract

/// The record contract's one source (`RecordFields`) against what the tool writes: every
/// record over all fixtures validates against `extract --schema`, the closed value sets
/// cover the tables they come from (README.md's table: ReadmeTests).
@Suite struct RecordSchemaTests {
    static func schema() throws -> SchemaValidator {
        let r = try CommandLineTests.run(["--schema"])
        #expect(r.status == 0)
        return SchemaValidator(root: try JSON.parse(r.out))
    }

    /// Every record the tool writes over the fixtures: all types, every table's surface forms
    /// (the .tsv files read as text), binary and missing files (error records), a damaged byte.
    static func fixtureRecords() throws -> [Substring] {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("extract-schema-\(getpid())")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let damaged = tmp.appendingPathComponent("damaged.txt")
        try Data("共 33".utf8 + [0xFF] + Data("6 小时，约 3 至 5 万元".utf8)).write(to: damaged)
        let r = try CommandLineTests.run(["--types", "all,token", "--quiet", "--exclude", "*.jsonl", "--jobs", "2",
                                          "Tests/Fixtures", damaged.path, "no/such/file.txt"])
        #expect(r.status == 1)   // the binary fixture and the missing file
        let jsonl = try CommandLineTests.run(["--input-format", "jsonl", "--quiet"],
                                             stdin: "{\"id\":\"a\",\"text\":\"三分之一，共 3 人\"}\nnot json\n")
        return (r.out + jsonl.out).split(separator: "\n")
    }

    @Test func everyRecordOfEveryFixtureValidates() throws {
        let validator = try Self.schema()
        #expect(validator.unsupportedKeywords().isEmpty)
        let lines = try Self.fixtureRecords()
        var types: [String: Int] = [:]
        var failures: [String] = []
        for line in lines {
            let record = try JSON.parse(line)
            types[record["type"]?.string ?? "?", default: 0] += 1
            let errors = validator.errors(record)
            if !errors.isEmpty && failures.count < 5 { failures.append("\(line)\n  \(errors)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // Each record type (and the error record) is among them, and a damaged mention.
        #expect(Set(types.keys) == Set(RecordFields.types.map(\.value)))
        #expect(lines.contains { $0.contains("\"damaged\":true") })
        #expect(lines.count > 2000)
    }

    @Test func theVerifyFindingsCarryValidRecords() throws {
        let validator = try Self.schema()
        let r = try CommandLineTests.run(["verify", "--quiet", "Tests/Fixtures/verify/pair1.claim.txt",
                                          "--against", "Tests/Fixtures/verify/pair1.source.txt"])
        #expect(r.status == 1)
        let findings = try r.out.split(separator: "\n").map { try JSON.parse($0) }
        #expect(findings.count == 16)
        for f in findings {
            #expect(validator.errors(f["claim"] ?? .null).isEmpty)
            if let s = f["source"], s != .null { #expect(validator.errors(s).isEmpty) }
        }
    }

    @Test func theValidatorRejectsWhatTheContractForbids() throws {
        let validator = try Self.schema()
        let good = #"{"doc":"-","type":"quantity","text":"3 人","start":0,"end":3,"line":1,"value":3,"unit":"人","#
            + #""dimension":"count","qualifier":"exact"}"#
        #expect(validator.errors(try JSON.parse(good)).isEmpty)
        let bad: [(String, String)] = [
            (#""value":3,"#, #""value":"3","#),                       // a number as a string
            (#""start":0"#, #""start":-1"#),                          // below the minimum
            (#""line":1"#, #""line":1.5"#),                           // not an integer
            (#""qualifier":"exact""#, #""qualifier":"roughly""#),     // not in the enum
            (#""dimension":"count","#, ""),                           // a required field missing
            (#""unit":"人","#, #""unit":"人","timex":"2022","#),       // a field of another type
            (#""qualifier":"exact""#, #""qualifier":"exact","currency":"yuan""#),   // not ISO 4217
            (#""type":"quantity""#, #""type":"figure""#),             // no such record type
            (#""value":3,"#, #""value":3,"cumulative":1,"#),          // a boolean as a number
        ]
        for (from, to) in bad {
            let record = good.replacingOccurrences(of: from, with: to)
            #expect(record != good)
            #expect(!validator.errors(try JSON.parse(record)).isEmpty, "\(record)")
        }
        let error = #"{"doc":"x","type":"error","error":"no such file"}"#
        #expect(validator.errors(try JSON.parse(error)).isEmpty)
        #expect(!validator.errors(try JSON.parse(#"{"doc":"x","type":"error"}"#)).isEmpty)
    }

    @Test func closedValueSetsCoverTheirTables() {
        let dimensions = Set(RecordFields.dimensions.map(\.0))
        var fromUnits = Set(UnitTable.byFirst.values.joined().map(\.dimension))
        fromUnits.formUnion(["speed", "flow", "concentration", "price", "rate"])   // UnitEntry.rate
        #expect(fromUnits == dimensions)
        let categories = Set(RecordFields.categories.map(\.0))
        let fromTable = Set((OrganizationLexicon.lines(OrganizationTable.headSource)
            + OrganizationLexicon.lines(OrganizationTable.knownSource)).map(\.1))
        #expect(fromTable == categories)
        #expect(RecordFields.qualifiers.map(\.0) == Qualifier.allCases.map(\.rawValue))
        #expect(RecordFields.types.map(\.value) == RecordType.allCases.map(\.rawValue) + ["error"])
        // Every field of Record, and the error message, in the writer's order.
        #expect(RecordFields.all.map(\.name) == Record.CodingKeys.allCases.map(\.stringValue) + ["error"])
    }

    @Test func csvColumnsAreTheFieldTable() throws {
        let r = try CommandLineTests.run(["--format", "csv", "--quiet"], stdin: "共 3 人")
        #expect(r.out == "doc,type,text,start,end,line,value,unit,dimension,qualifier,currency,low,high,object,"
                + "timex,as_of,cumulative,name,category,full,damaged,error\r\n-,quantity,3 人,2,5,1,3,人,count,exact"
                + ",,,,,,,true,,,,,\r\n")
    }
}
