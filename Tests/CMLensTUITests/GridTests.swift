import Foundation
import Testing
@testable import CMLensTUI

@Suite struct GridTests {
    init() { setlocale(LC_CTYPE, "C.UTF-8") }

    @Test func wideCharactersTakeTwoColumnsWithAContinuation() {
        var grid = Grid(size: Size(columns: 12, lines: 1))
        let end = grid.write("日本x", at: Position(column: 0, line: 0), role: .error)
        #expect(end == 5)
        #expect(grid[0, 0].scalar == "日" && !grid[0, 0].isContinuation)
        #expect(grid[1, 0].isContinuation)
        #expect(grid[4, 0].scalar == "x")
        #expect(grid.plainText == "日本x")
        #expect(grid.roleText == "EEEEE.......")
    }

    @Test func aWideCharacterThatDoesNotFitIsNotHalfDrawn() {
        var grid = Grid(size: Size(columns: 3, lines: 1))
        grid.write("ab日", at: Position(column: 0, line: 0), role: .text)
        #expect(grid.plainText == "ab")
        #expect(!grid[2, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(size: Size(columns: 4, lines: 1))
        grid.write("日", at: Position(column: 0, line: 0), role: .text)
        grid.write("x", at: Position(column: 1, line: 0), role: .text)
        #expect(grid.plainText == " x")
        #expect(!grid[1, 0].isContinuation)
    }

    @Test func controlsThatSlipThroughShowAsQuestionMarks() {
        var grid = Grid(size: Size(columns: 6, lines: 1))
        grid.write("a\u{1B}b", at: Position(column: 0, line: 0), role: .text)
        #expect(grid.plainText == "a?b")
    }

    @Test func changesListOnlyTheCellsThatDiffer() {
        var a = Grid(size: Size(columns: 5, lines: 2))
        a.write("hello", at: Position(column: 0, line: 0), role: .text)
        var b = a
        b.write("J", at: Position(column: 0, line: 1), role: .error)
        #expect(b.changes(since: a) == [Position(column: 0, line: 1)])
        #expect(b.changes(since: nil).count == 10)
        #expect(b.changes(since: Grid(size: Size(columns: 4, lines: 2))).count == 10)
    }

    @Test func textIsClippedToTheGivenRectangle() {
        var grid = Grid(size: Size(columns: 10, lines: 2))
        let clip = Rect(column: 2, line: 1, columns: 4, lines: 1)
        grid.write("abcdefgh", at: Position(column: 2, line: 1), role: .text, clip: clip)
        grid.write("zzz", at: Position(column: 0, line: 0), role: .text, clip: clip)
        #expect(grid.lines == ["", "  abcd"])
    }

    @Test func truncateAddsAnEllipsisAndCountsWideCharacters() {
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.fit("ab", to: 4) == "ab  ")
    }
}

@Suite struct GridEdgeTests {
    @Test func paintingAndFillingOutsideTheGridDoNothing() {
        var grid = Grid(size: Size(columns: 4, lines: 2))
        grid.paint(.match, line: 0, columns: 6..<9)
        grid.paint(.match, line: 5, columns: 0..<2)
        grid.fill(Rect(column: 6, line: 3, columns: 2, lines: 2), role: .error)
        #expect(grid.roleText == "....\n....")
    }
}
