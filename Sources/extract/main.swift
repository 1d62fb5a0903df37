import Foundation
import Extractor

let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(status)
