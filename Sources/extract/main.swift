import Foundation
import Glibc
import Extractor

// Each piece of a long file allocates and frees the same few megabytes (its scalars, its
// records, its lines). With glibc's defaults those blocks are mapped and unmapped, or
// trimmed off the heap, piece after piece, and every page is faulted in again: 25,700
// page faults on 20 MB of text instead of 6,500, and a sixth of the run in the kernel.
// Blocks up to 16 MB (a piece's are a few) come from the heap, and up to 32 MB of freed
// heap is kept for the next piece. Peak RSS on a 200 MB file: 44 MB with --jobs 1 (as
// before), 84 MB with --jobs 2 (65 MB before: each thread's arena keeps its own).
// (malloc.h is not in the Glibc module: mallopt is looked up by name.)
if let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {   // RTLD_DEFAULT
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    let mallopt = unsafeBitCast(f, to: Mallopt.self)
    let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3               // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
    _ = mallopt(mmapThreshold, 16 << 20)
    _ = mallopt(trimThreshold, 32 << 20)
}

let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(status)
