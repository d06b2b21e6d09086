import CMLensCore
import Foundation

/// `cmlens-bench compliance [--data DIR] [--clients N]`: load + verdicts for an inventory of N clients
/// × 10 components (the issue's figure is for 100,000), against `wc -l` on the same CSV files.
enum ComplianceBench {
    static let components = ["CcmFramework", "SmsPowerManagement", "SmsSoftwareDistribution", "SmsOSDeployment",
                             "SmsInventory", "CcmPolicyAgent", "SmsClient", "SmsRemoteTools", "SmsSoftwareUpdates",
                             "SmsSoftwareMetering"]

    static func run(_ arguments: [String]) {
        var data = "bench-data", clients = 100_000
        var k = 0
        while k + 1 < arguments.count {
            switch arguments[k] {
            case "--data": data = arguments[k + 1]
            case "--clients": clients = Int(arguments[k + 1]) ?? clients
            default: break
            }
            k += 2
        }
        let folder = "\(data)/inventory-\(clients)"
        generate(clients: clients, into: folder)
        let files = ["v_GS_SMS_ADVANCED_CLIENT_STATE.csv", "v_R_System.csv"].map { folder + "/" + $0 }
        _ = Child.run(["/usr/bin/wc", "-l"] + files)
        let wc = [Child.run(["/usr/bin/wc", "-l"] + files), Child.run(["/usr/bin/wc", "-l"] + files)]
            .min { $0.seconds < $1.seconds }!
        let ours = [Child.run([CommandLine.arguments[0], "measure-compliance", folder]),
                    Child.run([CommandLine.arguments[0], "measure-compliance", folder])]
            .min { Child.indexSeconds($0) < Child.indexSeconds($1) }!
        let fields = ours.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
        guard fields.count >= 5 else { print("measure failed: \(ours.output)"); exit(1) }
        let (bytes, rows, seconds, verdicts) = (fields[0], fields[1], fields[2], fields[3])
        let mb = bytes / 1_000_000
        print("compliance: \(clients) clients × \(components.count) components, \(String(format: "%.1f", mb)) MB of CSV, \(Int(rows)) rows")
        print(String(format: "  wc -l              %7.3f s  %8.0f MB/s", wc.seconds, mb / wc.seconds))
        print(String(format: "  load + verdicts    %7.3f s  %8.0f MB/s  %10.0f rows/s  %d verdicts  peak %.1f MiB  (%.1f× wc -l)",
                     seconds, mb / seconds, rows / seconds, Int(verdicts), ours.peakMiB, seconds / wc.seconds))
        print(String(format: "  process: %.3f s wall, %.2f s CPU", ours.seconds, ours.cpuSeconds))
    }

    /// Prints `bytes rows seconds verdicts 0` for the inventory in `folder`.
    static func measure(_ folder: String) {
        let start = DispatchTime.now()
        let inputs = WorkspaceScanner.scan([folder])
        let inventory = Inventory.load(files: inputs.tableFiles)
        let loaded = DispatchTime.now()
        let report = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn)
        let end = DispatchTime.now()
        let seconds = Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        FileHandle.standardError.write(Data(String(format: "load %.3f s, verdicts %.3f s\n",
            Double(loaded.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
            Double(end.uptimeNanoseconds - loaded.uptimeNanoseconds) / 1e9).utf8))
        let bytes = inputs.tableFiles.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let verdicts = report.kbs.reduce(0) { $0 + $1.verdicts.count }
        print("\(bytes) \(inventory.components.count + inventory.systems.count) \(seconds) \(verdicts) 0")
    }

    /// Deterministic: versions vary by client and component so every verdict occurs.
    static func generate(clients: Int, into folder: String) {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: folder + "/.complete") else { return }
        try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var state = "ResourceID,Name0,DisplayName0,Version0\r\n"
        var systems = "ResourceID,Name0,Client0,Client_Version0\r\n"
        state.reserveCapacity(clients * 10 * 60)
        for id in 0..<clients {
            let resource = 16_777_216 + id
            systems += "\(resource),WKS-\(id),1,4.00.6487.2000\r\n"
            for (k, name) in components.enumerated() {
                let padding = (id + k) % 5 == 0 ? "4.0." : "4.00."
                state += "\(resource),\(name),\(name),\(padding)6487.\(2000 + (id * 7 + k * 13) % 300)\r\n"
            }
        }
        _ = fm.createFile(atPath: folder + "/v_GS_SMS_ADVANCED_CLIENT_STATE.csv", contents: Data(state.utf8))
        _ = fm.createFile(atPath: folder + "/v_R_System.csv", contents: Data(systems.utf8))
        _ = fm.createFile(atPath: folder + "/.complete", contents: Data())
    }
}
