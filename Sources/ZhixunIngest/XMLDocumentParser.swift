import CLibXML2
import Foundation

/// XML files, parsed by libxml2 with safe options only: no network, no entity substitution, no
/// external DTD. Entity references are left unexpanded (and reported), so an external-entity or
/// entity-expansion attack reads nothing and expands nothing.
///
/// The exchange form:
/// ```xml
/// <knowledge>
///   <faq id="faq-x" category="数电发票" region="全国">
///     <question>…</question><similar>…</similar><answer>…</answer><tag>…</tag>
///   </faq>
///   <policy id="policy-x" status="current" region="全国">
///     <title>…</title><number>…</number><issuer>…</issuer><published>2024-01-01</published>
///     <effective>…</effective><category>…</category><tag>…</tag><supersedes>…</supersedes>
///     <body>第一章 …
///     第一条 …</body>
///   </policy>
/// </knowledge>
/// ```
/// Any other XML becomes one policy document holding the text of all its elements.
public struct XMLDocumentParser: DocumentParser {
    public init() {}

    public var extensions: Set<String> { ["xml"] }

    public func parse(_ data: Data, file: String) throws -> ParseOutcome {
        var text = try TextDecoding.decode(data, file: file).text
        try ParsingSupport.requireText(text, file: file)
        text = Self.declareUTF8(text)
        let (parsed, error) = LibXML.parseXML(text, file: file)
        if let error, parsed == nil || error.message.lowercased().contains("entity") == false {
            throw IngestError.malformedXML(file: file, line: error.line, reason: error.message)
        }
        guard let doc = parsed, let root = doc.root else {
            throw IngestError.malformedXML(file: file, line: error?.line ?? 0, reason: error?.message ?? "no root element")
        }
        var outcome = ParseOutcome()
        var entityReferences = 0
        if LibXML.name(root) == "knowledge" {
            var index = 0
            for child in LibXML.children(root) where child.pointee.type == XML_ELEMENT_NODE {
                index += 1
                let line = Int(xmlGetLineNo(child))
                do {
                    switch LibXML.name(child) {
                    case "faq": outcome.records.append(.success(try faq(child, file: file, line: line, entities: &entityReferences)))
                    case "policy": outcome.records.append(.success(try policy(child, file: file, line: line, entities: &entityReferences)))
                    default: outcome.warnings.append("\(file):\(line): element <\(LibXML.name(child))> ignored (expected <faq> or <policy>)")
                    }
                } catch let error as IngestError {
                    outcome.records.append(.failure(error))
                }
            }
            if index == 0 { throw IngestError.unsupportedFormat(file: file, detail: "<knowledge> holds no <faq> or <policy>") }
        } else {
            var lines: [String] = []
            Self.collectLines(root, into: &lines, entities: &entityReferences, depth: 0)
            let title = lines.first ?? ParsingSupport.documentID(forFile: file)
            outcome.records.append(.success(try ParsingSupport.policy(
                title: title, body: lines.dropFirst().joined(separator: "\n"), file: file, fields: [:])))
            outcome.warnings.append("\(file): not in the <knowledge> exchange form; ingested as generic XML text")
        }
        if entityReferences > 0 {
            outcome.warnings.append("\(file): \(entityReferences) entity reference(s) left unexpanded (entities are never substituted)")
        }
        return outcome
    }

    /// The text of the element's children named `name`, each trimmed.
    private static func values(_ node: xmlNodePtr, _ name: String, entities: inout Int) -> [String] {
        LibXML.children(node).filter { $0.pointee.type == XML_ELEMENT_NODE && LibXML.name($0) == name }
            .map { text(of: $0, entities: &entities).trimmedWhitespace() }
            .filter { !$0.isEmpty }
    }

    private func faq(_ node: xmlNodePtr, file: String, line: Int, entities: inout Int) throws -> KnowledgeDocument {
        var dict: [String: Any] = ["kind": "faq"]
        for attribute in ["id", "category", "region", "status"] { dict[attribute] = LibXML.attribute(node, attribute) }
        dict["question"] = Self.values(node, "question", entities: &entities).first
        dict["answer"] = Self.values(node, "answer", entities: &entities).first
        dict["similar"] = Self.values(node, "similar", entities: &entities)
        dict["tags"] = Self.values(node, "tag", entities: &entities)
        if let category = Self.values(node, "category", entities: &entities).first { dict["category"] = category }
        return try BulkJSONLParser.document(from: dict.compactMapValues { $0 }, file: file, line: line)
    }

    private func policy(_ node: xmlNodePtr, file: String, line: Int, entities: inout Int) throws -> KnowledgeDocument {
        var fields: [String: String] = [:]
        for attribute in ["id", "status", "region", "category"] { fields[attribute] = LibXML.attribute(node, attribute) }
        for element in ["id", "title", "number", "issuer", "published", "effective", "status", "region", "category", "supersedes"] {
            if let value = Self.values(node, element, entities: &entities).first { fields[element] = value }
        }
        fields["tags"] = Self.values(node, "tag", entities: &entities).joined(separator: ",")
        guard let title = fields["title"] else { throw IngestError.missingField(file: file, line: line, field: "title") }
        let body = Self.values(node, "body", entities: &entities).first ?? ""
        guard fields["id"] != nil else { throw IngestError.missingField(file: file, line: line, field: "id") }
        return try ParsingSupport.policy(title: title, body: body, file: file, fields: fields)
    }

    /// Text below a node; entity references are counted, never expanded.
    static func text(of node: xmlNodePtr, entities: inout Int) -> String {
        var out = ""
        var stack = [node]
        while let n = stack.popLast() {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: out += LibXML.content(n)
            case XML_ENTITY_REF_NODE: entities += 1
            case XML_ELEMENT_NODE: stack.append(contentsOf: LibXML.children(n).reversed())
            default: break
            }
        }
        return out
    }

    /// One line per element with direct text, in document order (generic XML).
    static func collectLines(_ node: xmlNodePtr, into lines: inout [String], entities: inout Int, depth: Int) {
        guard depth < 256 else { return }
        var own = ""
        for child in LibXML.children(node) {
            switch child.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: own += LibXML.content(child)
            case XML_ENTITY_REF_NODE: entities += 1
            default: break
            }
        }
        for line in own.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmedWhitespace()
            if !trimmed.isEmpty { lines.append(trimmed) }
        }
        for child in LibXML.children(node) where child.pointee.type == XML_ELEMENT_NODE {
            collectLines(child, into: &lines, entities: &entities, depth: depth + 1)
        }
    }

    /// Rewrites the XML declaration's encoding: the text handed to libxml2 is UTF-8 by now.
    static func declareUTF8(_ text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return text }
        let declaration = String(text[..<end.upperBound])
        guard let enc = declaration.range(of: "encoding=") else { return text }
        let quote = declaration[enc.upperBound...].first
        guard let q = quote, q == "\"" || q == "'",
              let close = declaration[declaration.index(after: enc.upperBound)...].firstIndex(of: q) else { return text }
        let fixed = declaration.replacingCharacters(in: enc.lowerBound...close, with: "encoding=\"UTF-8\"")
        return fixed + text[end.upperBound...]
    }
}
