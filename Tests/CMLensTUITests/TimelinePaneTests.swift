import CMLensCore
import Testing
@testable import CMLensTUI

@Suite struct TimelinePaneTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    @Test(arguments: sizes) func samplesListEveryProgramWithItsVerdict(size: Size) {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(TimelinePane.id, in: &console)
        let lines = console.grid.lines
        #expect(lines[1].contains("Client") && lines[1].contains("Program") && lines[1].contains("Verdict"))
        #expect(lines[2].contains("WKS-ACCT-014") && lines[2].contains("Adobe Reader 9.4.1 Update") && lines[2].contains("Removed waiting"))
        #expect(lines[3].contains("Office 2010 Setup, Silent") && lines[3].contains("Waiting to retry"))
        #expect(lines[4].contains("Outlook 2010 Install") && lines[4].contains("Success, reboot"))
        #expect(lines[5].contains("WKS-LAB-007") && lines[5].contains("Visio Viewer 2010") && lines[5].contains("Failed, final"))
        #expect(lines[6].contains("7-Zip 9.20 x64") && lines[6].contains("Success"))
        if size.columns >= 120 { #expect(lines[3].contains("XYZ20031") && lines[3].contains("XYZ00045")) }
        #expect(lines.contains { $0.contains("Removed while waiting to retry") })
        // After the programs, the other stories, grouped by kind: BUILD-CAP-01's task sequence and update job.
        #expect(lines[7].contains("BUILD-CAP-01") && lines[7].contains("[TS] task sequence in smsts.log")
                && lines[7].contains("In progress"))
        #expect(lines[8].contains("[Updates] software updates"))
        #expect(lines[size.lines - 2].contains("1/7 executions"))
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        let column = lines[5].distance(from: lines[5].startIndex, to: lines[5].range(of: "Failed")!.lowerBound)
        #expect(Array(roles[5])[column] == Role.error.letter || Array(roles[5])[column] == Role.selection.letter)
    }

    /// Enter on the task sequence opens it where it stopped: the step the log ends in, its line below.
    @Test func aTaskSequenceOpensAtTheStepItStoppedIn() {
        var console = AnalysisFixture.console(size: Size(columns: 120, lines: 40))
        AnalysisFixture.show(TimelinePane.id, in: &console)
        for _ in 0..<5 { console.press(.down) }
        console.press(.enter)
        let screen = console.screen
        #expect(screen.contains("Task sequence: task sequence in smsts.log") && screen.contains("on BUILD-CAP-01"))
        #expect(screen.contains("Verdict: In progress: the log ends at 2011-01-14 13:02:44.527-08:00"))
        #expect(screen.contains("★ the verdict rests on this step"))
        #expect(screen.contains("Install Software Updates") && screen.contains("smsts.log"))
        #expect(console.grid.lines[console.grid.lines.count - 2].contains("step 16/16"))
        console.press(.escape)
        #expect(console.screen.contains("1/7 executions") == false && console.screen.contains("6/7 executions"))
    }

    @Test func theSelectedClientsProgramsOnly() {
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        console.press(.character("1"))
        let clients = console.state.context.workspace!.summary.clients.map(\.name)
        let lab = clients.firstIndex(of: "WKS-LAB-007")!
        console.press(.home)
        for _ in 0...lab { console.press(.down) }  // row 0 is all clients
        console.press(.enter)                                   // drills into WKS-LAB-007's logs
        AnalysisFixture.show(TimelinePane.id, in: &console)
        let lines = console.grid.lines
        #expect(!lines[1].contains("Client"))
        #expect(lines[2].contains("Visio Viewer 2010") && lines[3].contains("7-Zip"))
        #expect(!console.screen.contains("Office 2010"))
        #expect(lines[22].contains("WKS-LAB-007") && lines[22].contains("1/2 programs"))
    }

    @Test(arguments: sizes) func stepsThroughTheExit999ProgramToItsRetry(size: Size) {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(TimelinePane.id, in: &console)
        console.press(.down, .enter)
        var screen = console.screen
        #expect(screen.contains("Office 2010 Setup, Silent  advert XYZ20031  package XYZ00045  on WKS-ACCT-014"))
        #expect(screen.contains("Step 1 of"))
        #expect(screen.contains("transition  NotExist → WaitingContent"))
        // → to the first exit 999.
        var guardCount = 0
        while !console.screen.contains("transition  program exit code 999"), guardCount < 30 { console.press(.right); guardCount += 1 }
        screen = console.screen
        #expect(screen.contains("exit code   999: ERROR_SWAPERROR"))
        #expect(screen.contains("retried     yes"))
        #expect(screen.contains("attempts    run 1 of 1009 allowed"))
        #expect(screen.contains("+21 min 27 s since previous"))
        // The line in context, highlighted.
        let lines = console.grid.lines
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        let here = lines.lastIndex { $0.contains("INF Program exit code 999") }!
        #expect(roles[here].allSatisfy { $0 == Role.selection.letter })
        #expect(lines.contains { $0.hasPrefix("─ WKS-ACCT-014/execmgr.lo_:") })
        // n steps on to WaitingRetry, which predicts the retry: 600 s + 300 s countdown.
        guardCount = 0
        while !console.screen.contains("transition  FailureRetry → WaitingRetry"), guardCount < 30 { console.press(.character("n")); guardCount += 1 }
        screen = console.screen
        #expect(screen.contains("next retry  due 2011-01-13 09:46:40.827-05:00"))
        #expect(screen.contains("+ 600 s retry\n") || screen.contains("600 s retry interval"))
        // p goes back one step.
        let step = (console.state.panes[PaneRegistry.index(of: TimelinePane.id)!] as! TimelinePane).levels.cursor.selected
        console.press(.character("p"))
        #expect((console.state.panes[PaneRegistry.index(of: TimelinePane.id)!] as! TimelinePane).levels.cursor.selected == step - 1)
        // The last step is the one the verdict rests on, marked.
        console.press(.end)
        #expect(console.screen.contains("★ the verdict rests on this step"))
        #expect(console.screen.contains("next retry  due 2011-01-13 10:22:12.406-05:00"))
        // Esc goes back to the list.
        console.press(.escape)
        #expect(console.grid.lines[1].contains("Verdict"))
    }

    @Test func enterOnAStepOpensItsLineInTheLogsPane() {
        var console = AnalysisFixture.console(size: Size(columns: 120, lines: 40))
        AnalysisFixture.show(TimelinePane.id, in: &console)
        console.press(.down, .down, .down, .enter)   // Visio Viewer 2010, exit 1 FailureNonRetry
        var guardCount = 0
        while !console.screen.contains("transition  program exit code 1"), guardCount < 30 { console.press(.right); guardCount += 1 }
        #expect(console.screen.contains("retried     no"))
        console.press(.character("x"))
        #expect(console.screen.contains("Explain: 1 error code"))
        #expect(console.screen.contains("ERROR_INVALID_FUNCTION"))
        console.press(.escape)
        let stepText = console.grid.lines.first { $0.contains("─ Step ") }!
        console.press(.enter)
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id))
        let record = console.state.context.workspace!.records[console.logs.selected!]
        #expect(record.message == "Program exit code 1")
        #expect(record.client == "WKS-LAB-007")
        // Esc comes back to the same step of the same program, over all clients again.
        console.press(.escape)
        #expect(console.state.focus == PaneRegistry.index(of: TimelinePane.id))
        #expect(console.state.context.client == nil)
        #expect(console.grid.lines.contains(stepText))
        console.press(.escape)
        #expect(console.grid.lines.contains { $0.contains("Visio Viewer 2010") && $0.contains("Failed, final") })
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        let row = console.grid.lines.firstIndex { $0.contains("Visio Viewer 2010") }!
        #expect(roles[row].allSatisfy { $0 == Role.selection.letter })
    }

    @Test func aWorkspaceWithoutExecmgrSaysSo() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24), logs: [
            ("PC-BETA", "CAS.log", ConsoleFixture.record("Download started", "10:14:59.000", component: "ContentAccess")),
        ])
        AnalysisFixture.show(TimelinePane.id, in: &console)
        #expect(console.screen.contains("No program executions in the execmgr logs."))
        console.press(.enter)
        #expect(console.screen.contains("no program to open"))
    }
}

@Suite struct TimelineReloadTests {
    @Test func aReloadOfTheSameWorkspaceKeepsTheProgramAndStepShown() {
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        AnalysisFixture.show(TimelinePane.id, in: &console)
        console.press(.down, .enter, .right, .right)
        let before = console.screen
        #expect(before.contains("Step 3 of 19"))
        // Follow mode hands the console a new workspace value over the same files.
        let old = AnalysisFixture.workspace
        let again = ConsoleWorkspace(paths: old.paths, inputs: old.inputs, logs: old.logs, generation: 1)
        console.run(console.state.handle(.loaded(again)))
        #expect(console.screen.contains("Step 3 of 19"))
        #expect(console.screen.contains("Office 2010 Setup, Silent  advert XYZ20031"))
        console.press(.escape)
        #expect(console.grid.lines[3].contains("Office 2010 Setup, Silent"))
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        #expect(roles[3].allSatisfy { $0 == Role.selection.letter })
    }
}
