import CMLensCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What libFuzzer calls with each input.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

// libFuzzer's entry for programs that own `main`. SwiftPM links an executable's entry as
// `<Target>_main`, so each fuzzer defines that symbol and hands its arguments to libFuzzer here.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The Swift name is the C symbol's, so that the two are read as one.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
) -> CInt

public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ callback: FuzzCallback) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
}

/// The input as an array (the parsers take arrays or Data).
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// An invariant that must hold for every input: on failure the message goes to stderr and the
/// process aborts, which libFuzzer records as a crash with the input that caused it.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if condition() { return }
    let text = "fuzz invariant failed: \(message())\n"
    _ = Array(text.utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// A deterministic stream of numbers from the input, so a crash reproduces from its file alone.
typealias SplitMix = SplitMix64

extension SplitMix64 {
    /// Seeded with the FNV-1a hash of the bytes.
    init<C: Collection<UInt8>>(seeding bytes: C) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.init(seed: hash)
    }

    mutating func next(upTo limit: Int) -> Int { Int(next() % UInt64(max(limit, 1))) + 1 }
}
