import Foundation
import Hummingbird
import Logging
import MedoraStorage

/// The one error type handlers throw. Rendered as `{"error":{"code","message","details"}}` with the
/// message in the caller's language. Never carries patient data.
struct APIError: Error, HTTPResponseError, Sendable {
    struct Detail: Codable, Sendable, Equatable {
        var field: String
        var code: String
        var message: String
    }

    enum Kind: Sendable {
        case badRequest, invalidJSON, validation, unauthorized, invalidCredentials, forbidden
        case notFound, patientNotFound, methodNotAllowed, conflict, tooLarge, tooManyRequests
        case busy, internalError, unavailable, invalidID, unsupportedMediaType, duplicateLogin

        var status: HTTPResponse.Status {
            switch self {
            case .badRequest, .invalidJSON, .invalidID: .badRequest
            case .validation: .unprocessableContent
            case .unauthorized, .invalidCredentials: .unauthorized
            case .forbidden: .forbidden
            case .notFound, .patientNotFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .conflict, .duplicateLogin: .conflict
            case .tooLarge: .contentTooLarge
            case .tooManyRequests: .tooManyRequests
            case .busy, .unavailable: .serviceUnavailable
            case .internalError: .internalServerError
            case .unsupportedMediaType: .unsupportedMediaType
            }
        }

        var code: String {
            switch self {
            case .badRequest: "bad_request"
            case .invalidJSON: "invalid_json"
            case .validation: "validation_failed"
            case .unauthorized: "unauthorized"
            case .invalidCredentials: "invalid_credentials"
            case .forbidden: "forbidden"
            case .notFound: "not_found"
            case .patientNotFound: "patient_not_found"
            case .methodNotAllowed: "method_not_allowed"
            case .conflict: "version_conflict"
            case .duplicateLogin: "duplicate_login"
            case .tooLarge: "payload_too_large"
            case .tooManyRequests: "rate_limited"
            case .busy: "busy"
            case .internalError: "internal_error"
            case .unavailable: "unavailable"
            case .invalidID: "invalid_id"
            case .unsupportedMediaType: "unsupported_media_type"
            }
        }

        var messageKey: L10n.Key {
            switch self {
            case .badRequest: .errBadRequest
            case .invalidJSON: .errInvalidJSON
            case .validation: .errValidation
            case .unauthorized: .errUnauthorized
            case .invalidCredentials: .errInvalidCredentials
            case .forbidden: .errForbidden
            case .notFound: .errNotFound
            case .patientNotFound: .errPatientNotFound
            case .methodNotAllowed: .errMethodNotAllowed
            case .conflict: .errConflict
            case .duplicateLogin: .errDuplicateLogin
            case .tooLarge: .errTooLarge
            case .tooManyRequests: .errTooManyRequests
            case .busy: .errBusy
            case .internalError: .errInternal
            case .unavailable: .errUnavailable
            case .invalidID: .errInvalidID
            case .unsupportedMediaType: .errUnsupportedMediaType
            }
        }
    }

    var kind: Kind
    var issues: [ValidationIssue] = []
    var headers: HTTPFields = [:]

    init(_ kind: Kind, issues: [ValidationIssue] = [], headers: HTTPFields = [:]) {
        self.kind = kind
        self.issues = issues
        self.headers = headers
    }

    var status: HTTPResponse.Status { kind.status }

    func body(language: Language) -> ErrorBody {
        ErrorBody(error: .init(
            code: kind.code, message: L10n.text(kind.messageKey, language),
            details: issues.map { Detail(field: $0.field, code: $0.code.rawValue, message: L10n.text($0.code.messageKey, language)) }))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let language = Language.of(request)
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body(language: language))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The single mapping from any error to what the client sees. Unknown errors become a 500
    /// whose log line names only the error's type (error texts may quote input).
    static func from(_ error: Error, logger: Logger) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as StorageError:
            switch e {
            case .invalid(let issues): return APIError(.validation, issues: issues)
            case .versionConflict: return APIError(.conflict)
            case .duplicateLogin: return APIError(.duplicateLogin)
            case .busy: return APIError(.busy, headers: [.retryAfter: "1"])
            case .diskFull, .locked: return APIError(.unavailable, headers: [.retryAfter: "5"])
            default:
                logger.error("storage failure", metadata: ["error": "\(e)"])
                return APIError(.internalError)
            }
        case let e as HTTPError:
            switch e.status {
            case .notFound: return APIError(.notFound)
            case .methodNotAllowed: return APIError(.methodNotAllowed)
            case .contentTooLarge: return APIError(.tooLarge)
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

extension ValidationIssue.Code {
    var messageKey: L10n.Key {
        switch self {
        case .required: .vRequired
        case .tooLong: .vTooLong
        case .tooShort: .vTooShort
        case .invalidCharacters: .vInvalidCharacters
        case .invalidFormat: .vInvalidFormat
        case .outOfRange: .vOutOfRange
        case .unknownField: .vUnknownField
        case .invalidValue: .vInvalidValue
        }
    }
}
