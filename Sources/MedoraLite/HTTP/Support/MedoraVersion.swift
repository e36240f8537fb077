import Foundation

enum MedoraVersion {
    static let current = "0.1.0"
}
