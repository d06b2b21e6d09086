import Foundation
import Testing
@testable import CMLensCore

@Suite struct InventoryMachinesTests {
    @Test func machinesWithoutLogsMatchFolderNamesCaseInsensitively() {
        var inventory = Inventory()
        inventory.add(CSVTable.parse(Data("ResourceID,Name0\n1,WKS-A\n2,wks-b\n3,LAB-C\n".utf8), file: "v_R_System.csv"))
        #expect(inventory.machinesWithoutLogs(logClients: ["wks-a", "WKS-B"]) == ["LAB-C"])
        #expect(inventory.machinesWithoutLogs(logClients: []) == ["LAB-C", "WKS-A", "wks-b"])
    }
}
