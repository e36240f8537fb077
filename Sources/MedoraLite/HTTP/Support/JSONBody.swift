import Foundation
import Hummingbird
import MedoraStorage

/// Reads a JSON request body with bounded cost: `application/json` only (415), at most the
/// upload limit whether or not it is chunked (413), nesting at most `maxDepth` deep, checked by
/// one pass over the bytes before anything is parsed (400). Parsing is linear
/// (`JSONSerialization`), so no body under the limit costs more than a few milliseconds.
enum JSONBody {
    static let maxDepth = 32

    static func read(_ request: Request, context: AppRequestContext) async throws -> JSONValue {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            throw APIError(.unsupportedMediaType)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: context.maxUploadSize)
        } catch {
            // Over the limit: with Content-Length it was refused before reading, chunked it ends here.
            throw APIError(.payloadTooLarge)
        }
        let data = Data(buffer: buffer)
        guard depth(data) <= maxDepth,
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let value = JSONValue(object) else { throw APIError(.invalidJSON) }
        return value
    }

    /// The deepest nesting of arrays and objects, ignoring brackets inside strings.
    static func depth(_ data: Data) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > maxDepth { return deepest }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
