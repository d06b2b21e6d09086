import Foundation
import Testing
@testable import CMLensTUI

/// Whole-screen snapshots: the cells as text and, in a second file, the role of each cell, kept under
/// `Snapshots/<Suite>/<name>.txt` and `.roles.txt` beside the tests. A screen is compared whole, so a
/// misaligned column or a wrong colour fails where a `contains` probe would pass.
///
/// `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests` writes new baselines; the run still
/// fails, so a recording never passes silently.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false }

    /// `replacing` names text that differs between machines (a temporary folder) and what to write
    /// for it; keep both the same length, or the screen's layout would change with it.
    static func expect(_ grid: Grid, named name: String, suite: String, replacing: [(String, String)] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let base = folder.appendingPathComponent(suite).appendingPathComponent(name)
        var text = grid.plainText
        for (from, to) in replacing { text = text.replacingOccurrences(of: from, with: to) }
        compare(text + "\n", at: base.appendingPathExtension("txt"), what: "cells", sourceLocation: sourceLocation)
        compare(grid.roleText + "\n", at: base.appendingPathExtension("roles.txt"), what: "roles", sourceLocation: sourceLocation)
    }

    private static func compare(_ actual: String, at url: URL, what: String, sourceLocation: SourceLocation) {
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording || expected == nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("Recorded a new baseline of \(what) at \(url.path); run again without RECORD_SNAPSHOTS to check it",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not write the snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected, expected != actual else { return }
        let report = "\(what) differ from \(url.lastPathComponent) (- expected, + actual; RECORD_SNAPSHOTS=1 re-records):\n"
            + lineDiff(expected: expected, actual: actual)
        Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
    }

    /// The lines that differ, each with its number: screens have a fixed number of lines, so a
    /// line-by-line comparison reads better than a minimal edit script.
    static func lineDiff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) {
            let left = i < a.count ? String(a[i]) : nil, right = i < b.count ? String(b[i]) : nil
            guard left != right else { continue }
            let number = String(i + 1).padding(toLength: 3, withPad: " ", startingAt: 0)
            if let left { out.append("\(number)- \(left)") }
            if let right { out.append("\(number)+ \(right)") }
        }
        return out.joined(separator: "\n")
    }
}
