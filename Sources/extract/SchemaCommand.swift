import Extractor

/// `extract --schema`: the record contract, rendered from its one source (`RecordFields`) as a
/// JSON Schema (draft 2020-12), or with `--schema=markdown` as the record table of README.md.
///
///     extract --schema | python3 -m json.tool > record.schema.json
///     extract --schema=markdown      # the table between the record-table markers of README.md
enum SchemaCommand {
    /// The schema (`json`) or the README table (`markdown`); nil for another name.
    static func render(_ name: String) -> String? {
        switch name {
        case "json", "": return SchemaJSON.object(jsonSchema()).pretty() + "\n"
        case "markdown", "md": return markdownTable()
        default: return nil
        }
    }

    // MARK: - JSON Schema

    /// One schema per record type (`oneOf`, told apart by `type`), each listing exactly the
    /// fields it may carry (`additionalProperties: false`) and those it must.
    static func jsonSchema() -> [(String, SchemaJSON)] {
        let types = RecordFields.types
        var defs: [(String, SchemaJSON)] = []
        for t in types {
            let fields = RecordFields.all.filter { $0.types.contains(t.value) }
            let properties: [(String, SchemaJSON)] = fields.map { f in
                (f.name, f.name == "type" ? .object([("const", .string(t.value)), ("description", .string(t.note))])
                                          : .object(property(f)))
            }
            defs.append((t.value, .object([
                ("title", .string("\(t.value) record")),
                ("description", .string(t.note)),
                ("type", .string("object")),
                ("properties", .object(properties)),
                ("required", .array(fields.filter { $0.required.contains(t.value) }.map { .string($0.name) })),
                ("additionalProperties", .bool(false)),
            ])))
        }
        return [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("urn:extract:record:v1")),
            ("title", .string("extract record (contract v1)")),
            ("description", .string("One JSON object per line (JSON Lines), one per mention, in document order, "
                + "or one per document that could not be read (type error). Offsets count Unicode scalars "
                + "in the decoded original text, end exclusive, and text is exactly that slice. Only the "
                + "fields that apply are present. x-unit says what a number counts in.")),
            ("type", .string("object")),
            ("oneOf", .array(types.map { .object([("$ref", .string("#/$defs/\($0.value)"))]) })),
            ("$defs", .object(defs)),
        ]
    }

    /// A field's schema: its JSON type, meaning, unit, closed values, bounds.
    static func property(_ f: RecordField) -> [(String, SchemaJSON)] {
        var p: [(String, SchemaJSON)] = [("type", .string(f.kind.rawValue))]
        var meaning = plain(f.meaning)
        if !f.values.isEmpty {
            meaning += ": " + f.values.map { $0.note.isEmpty ? $0.value : "\($0.value) (\(plain($0.note)))" }
                .joined(separator: ", ")
            p.append(("enum", .array(f.values.map { .string($0.value) })))
        }
        p.append(("description", .string(meaning)))
        if let u = f.unit { p.append(("x-unit", .string(plain(u)))) }
        if let m = f.minimum { p.append(("minimum", .int(m))) }
        if let x = f.pattern { p.append(("pattern", .string(x))) }
        return p
    }

    /// Markdown without its code marks, for the schema's descriptions.
    static func plain(_ s: String) -> String { s.replacingOccurrences(of: "`", with: "") }

    // MARK: - The README table

    /// The record table of README.md: a row per field, with its type and unit, the records
    /// that carry it, and its meaning with its values.
    static func markdownTable() -> String {
        let mentions = Set(RecordFields.mentions)
        var s = "| field | type | in | meaning |\n|---|---|---|---|\n"
        for f in RecordFields.all {
            var kind = f.kind.rawValue
            if let m = f.minimum { kind += " ≥ \(m)" }
            if let u = f.unit { kind += ", in \(u)" }
            let types = Set(f.types)
            var carriers: String
            if types == mentions.union(["error"]) {
                carriers = "every record"
            } else if types == mentions {
                carriers = "every mention"
            } else {
                carriers = f.types.joined(separator: ", ")
            }
            if f.required.isEmpty { carriers += " (when it applies)" }
            var meaning = f.meaning
            if !f.values.isEmpty {
                meaning += ": " + f.values.map { $0.note.isEmpty ? "`\($0.value)`" : "`\($0.value)` (\($0.note))" }
                    .joined(separator: ", ")
            }
            s += "| `\(f.name)` | \(kind) | \(carriers) | \(meaning.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return s
    }
}

/// A JSON value with its keys in the order given, written with two-space indentation.
indirect enum SchemaJSON {
    case string(String), int(Int), bool(Bool), array([SchemaJSON]), object([(String, SchemaJSON)])

    func pretty(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .string(let s):
            var out = ""
            JSONLineWriter.appendString(s, to: &out)
            return out
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items):
            // Short lists of scalars stay on one line.
            if items.allSatisfy({ if case .string = $0 { return true }; return false }) {
                let one = "[" + items.map { $0.pretty() }.joined(separator: ", ") + "]"
                if one.count + indent.count < 100 { return one }
            }
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            // A small object of scalars stays on one line ({"$ref": "#/$defs/date"}).
            if fields.count <= 2, fields.allSatisfy({ if case .string = $0.1 { return true }; return false }) {
                let one = "{" + fields.map { (k, v) in
                    var key = ""
                    JSONLineWriter.appendString(k, to: &key)
                    return key + ": " + v.pretty()
                }.joined(separator: ", ") + "}"
                if one.count + indent.count < 100 { return one }
            }
            return "{\n" + fields.map { (k, v) in
                var key = ""
                JSONLineWriter.appendString(k, to: &key)
                return inner + key + ": " + v.pretty(indent: inner)
            }.joined(separator: ",\n") + "\n\(indent)}"
        }
    }
}
