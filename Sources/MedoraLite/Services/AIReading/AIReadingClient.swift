import AsyncHTTPClient
import Foundation
import MedoraStorage
import NIOCore
import NIOHTTP1

/// Asks an OpenAI-compatible chat-completions endpoint (OpenAI, a local Ollama or llama.cpp
/// server...) for a reading of a de-identified analysis. Each attempt times out (30 s by default);
/// network errors, 429 and 5xx are retried up to `retries` times with exponential backoff; any
/// other answer ends the request.
struct AIReadingClient: Sendable {
    enum Failure: Error, Equatable {
        /// Every attempt failed (network, timeout, 429 or 5xx).
        case unavailable
        /// The endpoint refused the request (another 4xx) or answered with no reading.
        case refused(Int)
    }

    var http: HTTPClient = .shared
    var timeout: TimeAmount = .seconds(30)
    var retries = 3
    /// Seconds before the first retry; doubled for each next one.
    var backoff: Double = 0.5

    /// What the model is asked, in the language the reading should be written in.
    static func instructions(_ language: Language) -> String {
        let name = switch language {
        case .en: "English"
        case .uz: "Uzbek (Latin script)"
        case .ru: "Russian"
        }
        return """
            You help a doctor read a patient's laboratory results. The data is de-identified: age band, sex, results with \
            reference ranges and flags, derived values. Write a short reading in \(name), in plain language, at most 8 sentences: \
            what is outside the range, which patterns the results suggest, and what would be worth checking next. Do not state a \
            diagnosis as certain; the doctor decides.
            """
    }

    /// The request body: only the de-identified analysis and the instructions.
    static func body(_ analysis: DeidentifiedAnalysis, model: String, language: Language) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = String(decoding: try encoder.encode(analysis), as: UTF8.self)
        let request: [String: Any] = [
            "model": model, "temperature": 0.2, "stream": false,
            "messages": [["role": "system", "content": instructions(language)], ["role": "user", "content": data]],
        ]
        return try JSONSerialization.data(withJSONObject: request, options: [.sortedKeys])
    }

    func read(_ analysis: DeidentifiedAnalysis, settings: AISettings, language: Language) async throws(Failure) -> String {
        guard let payload = try? Self.body(analysis, model: settings.model, language: language) else { throw .refused(0) }
        var attempt = 0
        while true {
            var request = HTTPClientRequest(url: settings.endpoint)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            if let key = settings.key, !key.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
            request.body = .bytes(ByteBuffer(bytes: payload))
            var retryAfter: Double?
            do {
                let response = try await http.execute(request, timeout: timeout)
                let body = try await response.body.collect(upTo: 1 << 20)
                let status = Int(response.status.code)
                if status == 200 {
                    guard let text = Self.reading(Data(buffer: body)) else { throw Failure.refused(status) }
                    return text
                }
                guard status == 429 || status >= 500 else { throw Failure.refused(status) }
                retryAfter = response.headers.first(name: "Retry-After").flatMap(Double.init)
            } catch let failure as Failure {
                throw failure
            } catch {
                // Network error or timeout: worth another try.
            }
            guard attempt < retries else { throw .unavailable }
            let wait = min(retryAfter ?? backoff * pow(2, Double(attempt)), 10)
            try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            attempt += 1
        }
    }

    /// `choices[0].message.content` of a chat-completions answer, trimmed; nil if absent or empty.
    static func reading(_ data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let choices = object["choices"] as? [[String: Any]], let message = choices.first?["message"] as? [String: Any],
              let content = message["content"] as? String else { return nil }
        let text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : String(text.prefix(8000))
    }
}
