import Foundation
import Glibc
import Extractor

/// One unit of work: a file, standard input, or one JSON Lines document.
enum Work {
    case file(path: String, html: Bool)
    case stdin(html: Bool)
    case json(id: String, text: String, date: CivilDate?)
    case failure(doc: String, message: String)
}

/// One input, read and decoded: what extraction and `verify` both start from.
struct LoadedDocument {
    var doc: String
    var source: SourceText
    var date: CivilDate?
    var inputBytes = 0
    /// Damage that did not stop the document (invalid bytes replaced with U+FFFD).
    var warnings: [String] = []
    /// The visible text of an HTML page (for --emit-text).
    var htmlText: String?
}

extension UInt8 {
    /// Space, tab, line feed or carriage return: the white space of JSON and of the
    /// start of an HTML page.
    var isASCIIWhiteSpace: Bool {
        self == UInt8(ascii: " ") || self == UInt8(ascii: "\t")
            || self == UInt8(ascii: "\n") || self == UInt8(ascii: "\r")
    }
}

/// A document that could not be read, with the reason (its path is not repeated).
struct LoadFailure: Error {
    var doc: String
    var message: String
    var inputBytes = 0
}

/// Reads and decodes a unit of work the same way for every command: encodings,
/// byte-order marks, HTML, binary data.
enum DocumentLoader {
    /// `standardInputRead`: bytes of standard input already read (to see how long it is).
    static func load(_ w: Work, options: CommandLineTool.Options,
                     standardInputRead: [UInt8]? = nil) -> Result<LoadedDocument, LoadFailure> {
        switch w {
        case .failure(let doc, let message):
            return .failure(LoadFailure(doc: doc, message: message))
        case .json(let id, let text, let date):
            return .success(LoadedDocument(doc: id, source: SourceText(text), date: date, inputBytes: text.utf8.count))
        case .file(let path, let html):
            let bytes: [UInt8]
            do { bytes = try InputReader.read(path) } catch {
                let message = "\(error)".replacingOccurrences(of: "\(path): ", with: "")
                return .failure(LoadFailure(doc: path, message: message))
            }
            return decode(bytes, doc: path, html: html, options: options)
        case .stdin(let html):
            let bytes: [UInt8]
            do { bytes = (standardInputRead ?? []) + (try InputReader.read("-")) } catch {
                return .failure(LoadFailure(doc: "-", message: "\(error)".replacingOccurrences(of: "-: ", with: "")))
            }
            return decode(bytes, doc: "-", html: html || (options.inputFormat == .text && looksLikeHTML(bytes)),
                          options: options)
        }
    }

    /// A page that announces itself (`<!DOCTYPE html` or `<html` first), for standard
    /// input, which has no file name to tell.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var k = bytes.starts(with: "\u{FEFF}".utf8) ? 3 : 0   // a UTF-8 byte-order mark
        while k < bytes.count, bytes[k].isASCIIWhiteSpace { k += 1 }
        let head = String(decoding: bytes[k..<min(bytes.count, k + 15)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    static func decode(_ bytes: [UInt8], doc: String, html: Bool,
                       options: CommandLineTool.Options) -> Result<LoadedDocument, LoadFailure> {
        var loaded = LoadedDocument(doc: doc, source: SourceText(""), inputBytes: bytes.count)
        // Plain UTF-8 (the common case) is validated once, inside SourceText's own pass.
        let utf16Mark = bytes.starts(with: Decoder.utf16LEMark) || bytes.starts(with: Decoder.utf16BEMark)
        if !html, options.encoding == nil || options.encoding == .utf8, !utf16Mark,
           options.encoding == .utf8 || !bytes.prefix(Decoder.sniffLength).contains(0) {
            let source = SourceText(utf8: bytes)
            if source.firstInvalidByte == nil {
                loaded.source = source
                return .success(loaded)
            }
            if options.encoding == .utf8 {
                let d = Decoder.convert(bytes, from: .utf8)
                loaded.warnings.append(Decoder.invalidBytesWarning(doc: doc, encoding: .utf8, offsets: d.invalidOffsets,
                                                                   count: d.invalidCount))
                loaded.source = source
                return .success(loaded)
            }
        }
        switch Decoder.decode(bytes, forced: options.encoding) {
        case .failure(let why):
            return .failure(LoadFailure(doc: doc, message: why.description, inputBytes: bytes.count))
        case .success(let d):
            if d.invalidCount > 0 {
                loaded.warnings.append(Decoder.invalidBytesWarning(doc: doc, encoding: d.encoding,
                                                                   offsets: d.invalidOffsets, count: d.invalidCount))
            }
            if html {
                let text = HTMLText.extract(String(decoding: d.utf8, as: UTF8.self))
                loaded.source = SourceText(text)
                loaded.htmlText = text
            } else {
                loaded.source = SourceText(utf8: d.utf8, stripByteOrderMark: false)
            }
            return .success(loaded)
        }
    }
}
