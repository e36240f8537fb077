import ArgumentParser
import Foundation
import MedoraCrypto
import MedoraStorage

struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "Data directory (default: $MEDORA_HOME, else ./medora-data).")
    var path: String?

    var directory: DataDirectory { DataDirectory.resolve(path) }
}
