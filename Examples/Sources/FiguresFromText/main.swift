import Extractor

// Every figure, date and organization of a text, as typed records with offsets into it.
let text = "截至 3 月 11 日，深圳市红十字会累计接收捐款约 3.15 亿元，招募志愿者 45018 名。"
let records = Extractor(referenceDate: CivilDate("2022-03-18")).extract(text, doc: "note")
for r in records {
    let value = r.value.map { "\($0) \(r.unit ?? "") \(r.qualifier?.rawValue ?? "")" } ?? r.timex ?? r.category ?? ""
    print(r.type.rawValue, r.text, value, "at \(r.start)", separator: " | ")
}
// A record as the command line writes it: one JSON line.
if let last = records.last { print(JSONLineWriter.line(for: last), terminator: "") }
