import Foundation

/// A JSON value as parsed, numbers kept apart from booleans and integers from fractions.
indirect enum JSON: Decodable, Equatable {
    case null, bool(Bool), int(Int), number(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSON].self)) }
    }

    static func parse(_ text: some StringProtocol) throws -> JSON {
        try JSONDecoder().decode(JSON.self, from: Data(text.utf8))
    }

    subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var string: String? { if case .string(let s) = self { return s }; return nil }
}

/// Validates JSON against the subset of JSON Schema (draft 2020-12) that `extract --schema`
/// writes: `$ref` (local), `oneOf`, `type`, `const`, `enum`, `properties`, `required`,
/// `additionalProperties: false`, `minimum`, `pattern`. Any other keyword that is not an
/// annotation is reported by `unsupportedKeywords`, so a schema cannot rely on what this
/// validator would skip.
struct SchemaValidator {
    let root: JSON

    static let checked: Set<String> = ["$ref", "oneOf", "type", "const", "enum", "properties", "required",
                                       "additionalProperties", "minimum", "pattern"]
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description", "x-unit"]

    /// Keywords of the schema (at any depth) that are neither checked here nor annotations.
    func unsupportedKeywords() -> Set<String> {
        var found = Set<String>()
        func walk(_ s: JSON) {
            guard case .object(let o) = s else { return }
            for (k, v) in o {
                if !Self.checked.contains(k) && !Self.annotations.contains(k) { found.insert(k) }
                switch k {
                case "properties", "$defs":
                    if case .object(let inner) = v { inner.values.forEach(walk) }
                case "oneOf":
                    if case .array(let list) = v { list.forEach(walk) }
                default: break
                }
            }
        }
        walk(root)
        return found
    }

    /// The reasons `value` does not validate (empty when it does).
    func errors(_ value: JSON) -> [String] { errors(value, against: root, path: "$") }

    func errors(_ value: JSON, against schema: JSON, path: String) -> [String] {
        guard case .object(let s) = schema else { return ["\(path): schema is not an object"] }
        var out: [String] = []
        if let ref = s["$ref"]?.string {
            var target: JSON? = root
            for part in ref.dropFirst(2).split(separator: "/") { target = target?[String(part)] }
            guard let t = target else { return ["\(path): unresolved \(ref)"] }
            out += errors(value, against: t, path: path)
        }
        if case .array(let options)? = s["oneOf"] {
            let passing = options.filter { errors(value, against: $0, path: path).isEmpty }.count
            if passing != 1 { out.append("\(path): matches \(passing) of oneOf, not exactly 1") }
        }
        if let t = s["type"]?.string, !Self.has(value, type: t) { out.append("\(path): not \(t)") }
        if let c = s["const"], c != value { out.append("\(path): not the constant") }
        if case .array(let allowed)? = s["enum"], !allowed.contains(value) { out.append("\(path): not in enum") }
        if case .int(let m)? = s["minimum"] {
            switch value {
            case .int(let v) where v < m: out.append("\(path): below \(m)")
            case .number(let v) where v < Double(m): out.append("\(path): below \(m)")
            default: break
            }
        }
        if let p = s["pattern"]?.string, case .string(let v) = value {
            let re = try? NSRegularExpression(pattern: p)
            if re?.firstMatch(in: v, range: NSRange(v.startIndex..., in: v)) == nil {
                out.append("\(path): does not match \(p)")
            }
        }
        if case .object(let o) = value {
            let properties: [String: JSON]
            if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
            if case .array(let required)? = s["required"] {
                for case .string(let k) in required where o[k] == nil { out.append("\(path): lacks \(k)") }
            }
            for (k, v) in o {
                if let p = properties[k] {
                    out += errors(v, against: p, path: "\(path).\(k)")
                } else if s["additionalProperties"] == .bool(false) {
                    out.append("\(path): unexpected \(k)")
                }
            }
        }
        return out
    }

    static func has(_ value: JSON, type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .number),
             ("object", .object), ("array", .array), ("null", .null): return true
        default: return false
        }
    }
}
