import Hummingbird

/// Strict reading of a request's query string: unknown parameter names are refused, and every
/// value is checked, so a client learns at once what it sent wrong.
struct QueryParameters {
    private let values: [String: [String]]

    init(_ request: Request, allowed: Set<String>) throws {
        var values: [String: [String]] = [:]
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                throw APIError(.badRequest, code: "unknown_parameter",
                               "unknown parameter '\(name)'; this endpoint takes: \(allowed.sorted().joined(separator: ", "))")
            }
            values[name, default: []].append(String(value))
        }
        self.values = values
    }

    func string(_ name: String) -> String? { values[name]?.last }

    func strings(_ name: String) -> [String]? {
        guard let all = values[name] else { return nil }
        let split = all.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
        return split.isEmpty ? nil : split
    }

    /// A required text parameter, trimmed, at most `maxLength` characters.
    func text(_ name: String, maxLength: Int) throws -> String {
        guard let raw = string(name) else { throw APIError.missing(name) }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw APIError(.badRequest, code: "empty_query", "'\(name)' is empty: type a question") }
        let length = value.unicodeScalars.count
        guard length <= maxLength else {
            throw APIError(.badRequest, code: "query_too_long", "'\(name)' has \(length) characters; at most \(maxLength) are accepted")
        }
        return value
    }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw = string(name) else { return value }
        guard let n = Int(raw), range.contains(n) else {
            throw APIError.invalid(name, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(raw)'")
        }
        return n
    }

    func bool(_ name: String, default value: Bool) throws -> Bool {
        guard let raw = string(name) else { return value }
        switch raw.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError.invalid(name, "expected true or false, got '\(raw)'")
        }
    }
}

import Foundation
