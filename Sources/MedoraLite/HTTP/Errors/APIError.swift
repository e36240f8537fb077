import Foundation
import Hummingbird
import Logging
import MedoraStorage

/// What handlers throw: a `MedoraError` plus response headers. Rendered as
/// `{"error":{"code","message","details"}}` in the caller's language; status, code and message come
/// from the error's `ErrorKind` row. Never carries patient data.
struct APIError: Error, HTTPResponseError, Sendable {
    struct Detail: Codable, Sendable, Equatable {
        var field: String
        var code: String
        var message: String
    }

    var error: MedoraError
    var headers: HTTPFields

    init(_ kind: ErrorKind, issues: [ValidationIssue] = [], headers: HTTPFields = [:]) {
        self.init(MedoraError(kind, issues: issues), headers: headers)
    }

    init(_ error: MedoraError, headers: HTTPFields = [:]) {
        self.error = error
        self.headers = headers
        if let seconds = error.kind.row.retryAfter, self.headers[.retryAfter] == nil {
            self.headers[.retryAfter] = String(seconds)
        }
    }

    var kind: ErrorKind { error.kind }
    var status: HTTPResponse.Status { .init(code: kind.row.httpStatus) }

    func body(language: Language) -> ErrorBody {
        ErrorBody(error: .init(
            code: kind.code, message: error.message(language),
            details: error.issues.map { Detail(field: $0.field, code: $0.code.rawValue, message: $0.message(language)) }))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try response(language: (context as? AppRequestContext)?.language ?? Language.of(request))
    }

    func response(language: Language) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body(language: language))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The single mapping from any error to what the client sees. Infrastructure failures that a
    /// client cannot act on become a 500 whose log line names only the kind or the error's type
    /// (error texts may quote input; paths are nobody's business).
    static func from(_ error: Error, logger: Logger) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as MedoraError:
            if e.kind.row.layer == .infrastructure && e.kind.row.httpStatus == 500 {
                logger.error("storage failure", metadata: ["code": .string(e.kind.code)])
                return APIError(.internalError)
            }
            return APIError(e)
        case let e as HTTPError:
            switch e.status {
            case .notFound: return APIError(.notFound)
            case .methodNotAllowed: return APIError(.methodNotAllowed)
            case .contentTooLarge: return APIError(.payloadTooLarge)
            case .unauthorized: return APIError(.unauthorized)
            case .badRequest: return APIError(.badRequest)
            case .unsupportedMediaType: return APIError(.unsupportedMediaType)
            default:
                if (400..<500).contains(e.status.code) { return APIError(.badRequest) }
                logger.error("http failure", metadata: ["status": "\(e.status.code)"])
                return APIError(.internalError)
            }
        case is DecodingError:
            return APIError(.invalidJSON)
        default:
            logger.error("unexpected failure", metadata: ["type": "\(type(of: error))"])
            return APIError(.internalError)
        }
    }
}

struct ErrorBody: Codable, Sendable {
    struct Payload: Codable, Sendable {
        var code: String
        var message: String
        var details: [APIError.Detail]
    }
    var error: Payload
}
