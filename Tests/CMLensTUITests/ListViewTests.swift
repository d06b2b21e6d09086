import Foundation
import Testing
@testable import CMLensTUI

/// The list view on its own: one layout for paging and drawing, rows drawn from a source, the
/// selection painted where the row says, levels with their own cursors.
@Suite struct ListViewTests {
    /// Twenty numbered rows, a header and a detail naming the selected one.
    struct Numbers: RowSource {
        var count = 20
        func header(width: Int) -> StyledLine? { StyledLine(" N", .header) }
        func row(_ index: Int, width: Int) -> StyledLine {
            var line = StyledLine(" \(index)", .text)
            line.add("·", .dim, at: 6)
            if index == 3 { line.selection = 1..<3 }
            return line
        }
        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            ListDetail(title: "─ row \(selected ?? -1) ", lines: [("detail", .dim)])
        }
    }

    @Test func theLayoutPagesByTheRowsItDraws() {
        let area = Rect(column: 0, line: 1, columns: 30, lines: 12)
        let layout = ListLayout(area, above: 1, detail: 4)
        #expect(layout.above == Rect(column: 0, line: 1, columns: 30, lines: 1))
        #expect(layout.header == Rect(column: 0, line: 2, columns: 30, lines: 1))
        #expect(layout.list == Rect(column: 0, line: 3, columns: 30, lines: 6))
        #expect(layout.detail == Rect(column: 0, line: 9, columns: 30, lines: 4))
        #expect(layout.page == 6)
        // Too small for its parts: no negative sizes, and a page of one row still moves.
        let tiny = ListLayout(Rect(column: 0, line: 0, columns: 30, lines: 3), above: 2, detail: 4)
        #expect(tiny.list.lines == 0 && tiny.page == 1)
    }

    @Test func rowsHeaderSelectionAndDetailAreDrawnFromTheSource() {
        setlocale(LC_CTYPE, "C.UTF-8")  // wcwidth needs a UTF-8 locale
        var grid = Grid(size: Size(columns: 12, lines: 8))
        var cursor = ListCursor()
        let layout = ListLayout(Rect(grid.size), detail: 2)
        for _ in 0..<4 { _ = cursor.apply(.down, count: 20, visible: layout.page) }
        ListView.render(Numbers(), cursor: cursor, layout: layout, into: &grid)
        #expect(grid.lines == [" N", " 0    ·", " 1    ·", " 2    ·", " 3    ·", " 4    ·", "─ row 4", " detail"])
        // Row 4 is selected across the line; row 3 would paint only the columns its line names.
        #expect(grid.roleText.split(separator: "\n")[5] == String(repeating: "S", count: 12))
        cursor.select(3, count: 20, visible: layout.page)
        var again = Grid(size: grid.size)
        ListView.render(Numbers(), cursor: cursor, layout: layout, into: &again)
        #expect(again.roleText.split(separator: "\n")[4] == ".SS...d.....")
    }

    @Test func aLevelKeepsItsCursorAndSaysWhetherEscGoesOnBack() {
        var levels = Levels<String>()
        levels.cursor.select(5, count: 10, visible: 4)
        levels.push("evidence")
        #expect(levels.top == "evidence" && levels.cursor.selected == 0)
        levels.cursor.select(2, count: 3, visible: 4)
        #expect(levels.pop()?.handled == true)
        #expect(levels.top == nil && levels.cursor.selected == 5)
        levels.push("program", byDrill: true)
        #expect(levels.pop()?.handled == false)  // the console goes back to where the drill came from
        #expect(levels.pop() == nil)
    }

    @Test func settlingSkipsTitlesAndShowsTheSectionTitleAboveItsFirstRow() {
        let titles: Set<Int> = [0, 4]
        var cursor = ListCursor(selected: 4, top: 4)
        cursor.settle(forward: true, count: 10, visible: 3, isSelectable: { !titles.contains($0) }, isTitle: { titles.contains($0) })
        #expect(cursor.selected == 5 && cursor.top == 4)
        cursor.settle(forward: false, count: 10, visible: 3, isSelectable: { $0 > 9 }, isTitle: { _ in false })
        #expect(cursor.selected == 5)  // nothing selectable: it stays
    }
}
