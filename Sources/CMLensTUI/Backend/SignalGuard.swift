import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal that asked the console to stop (SIGINT, SIGTERM, SIGHUP), or 0.
/// The handler only stores it: the run loop notices within one poll, restores the terminal in
/// normal context (endwin is not async-signal-safe), then exits 128+signal.
let stopSignal = Atomic<Int32>(0)

/// The terminal modes from before the console started, for the crash handler.
///
/// Heap memory rather than a `termios` global: Swift lays that global out as 57 bytes while glibc's
/// `tcgetattr` writes its 60-byte struct, which overwrote the globals after it (AddressSanitizer:
/// global-buffer-overflow). 64 bytes covers the C library's struct on every Linux architecture.
nonisolated(unsafe) let savedModes: UnsafeMutablePointer<termios> = {
    let bytes = max(MemoryLayout<termios>.stride, 64)
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 8)
    raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    return raw.bindMemory(to: termios.self, capacity: 1)
}()
nonisolated(unsafe) var savedModesValid = false

enum SignalGuard {
    /// Must run before `initscr`, so ncurses leaves these signals to us.
    static func install() {
        if tcgetattr(0, savedModes) == 0 { savedModesValid = true }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in stopSignal.store(sig, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        // A crash (a Swift trap, a bad access) cannot run endwin; put the modes back with
        // async-signal-safe calls only, leave the alternate screen, then die as before.
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if savedModesValid { tcsetattr(0, TCSANOW, savedModes) }
                let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\ncmlens crashed; the terminal was restored (run `reset` if it looks wrong)\r\n"
                _ = write(1, reset.utf8Start, reset.utf8CodeUnitCount)
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(sig, &action, nil)
        }
    }

    /// The stop signal received, if any.
    static var pending: Int32 { stopSignal.load(ordering: .relaxed) }
}
