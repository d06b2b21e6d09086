#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's sentence for an errno ("Input/output error"), the one place cmlens asks for it.
public enum SystemErrorText {
    public static func of(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
