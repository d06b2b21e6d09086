import FuzzTargets

// SwiftPM links an executable's entry point as `<Target>_main`; here it starts libFuzzer.
@_cdecl("FuzzInventory_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in
        InventoryFuzz.run(bytes(data, size))
        return 0
    }
}
