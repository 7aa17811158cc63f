import CLibXML2
import Foundation

/// Safe entry points into libxml2: no network, no entity substitution, no external DTD, errors
/// captured per parse (never printed), and trees freed on every path.
enum LibXML {
    /// libxml2 is initialised once per process (thread-safe after that).
    static let initialised: Void = { xmlInitParser() }()

    /// A parsed tree; frees itself.
    final class Document {
        let pointer: xmlDocPtr
        init(_ pointer: xmlDocPtr) { self.pointer = pointer }
        deinit { xmlFreeDoc(pointer) }
        var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }
    }

    /// The first error libxml2 recorded on a context: line and message.
    static func lastError(_ ctxt: xmlParserCtxtPtr) -> (line: Int, message: String)? {
        let error = ctxt.pointee.lastError
        guard error.code != 0 else { return nil }
        let message = error.message.map { String(cString: $0).trimmedWhitespace() } ?? "error \(error.code)"
        return (Int(error.line), message)
    }

    /// Parses XML with safe options. Returns the tree (nil if unrecoverable) and the first error.
    static func parseXML(_ text: String, file: String) -> (Document?, (line: Int, message: String)?) {
        _ = initialised
        guard let ctxt = xmlNewParserCtxt() else { return (nil, (0, "out of memory")) }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let bytes = Array(text.utf8)
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), file, "UTF-8", options)
            }
        }
        let error = lastError(ctxt)
        let wellFormed = ctxt.pointee.wellFormed != 0
        guard let doc else { return (nil, error ?? (0, "unparseable")) }
        return (Document(doc), wellFormed ? nil : (error ?? (0, "not well-formed")))
    }

    /// Parses HTML leniently (recovering from broken markup), without network access.
    static func parseHTML(_ text: String, file: String) -> (Document?, (line: Int, message: String)?) {
        _ = initialised
        guard let ctxt = htmlNewParserCtxt() else { return (nil, (0, "out of memory")) }
        defer { htmlFreeParserCtxt(ctxt) }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let bytes = Array(text.utf8)
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                htmlCtxtReadMemory(ctxt, $0, Int32(buf.count), file, "UTF-8", options)
            }
        }
        var error = lastError(ctxt)
        // libxml2's HTML 4 parser calls HTML5 elements (<main>, <nav>, <footer>) unknown; that is not damage.
        if ctxt.pointee.lastError.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue) { error = nil }
        guard let doc else { return (nil, error ?? (0, "unparseable")) }
        return (Document(doc), error)
    }

    /// An element's lowercased name.
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// An attribute's value.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { zhixun_xml_free(value) }
        return String(cString: value)
    }

    /// The text content of a text or CDATA node.
    static func content(_ node: xmlNodePtr) -> String {
        node.pointee.content.map { String(cString: $0) } ?? ""
    }

    /// Children of a node, in order.
    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            result.append(c)
            child = c.pointee.next
        }
        return result
    }
}
