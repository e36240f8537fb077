import Foundation
import HTTPTypes

extension HTTPField.Name {
    static let xRequestID = Self("X-Request-ID")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
