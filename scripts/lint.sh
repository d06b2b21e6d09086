#!/usr/bin/env bash
# swift-format's rules over the whole tree, with the repository's .swift-format (CI runs this).
#
# The configuration is the code's own style: 4-space indents, lines of up to 140 columns, and these
# rules off because the code disagrees with them on purpose — DoNotUseSemicolons (`a; return` in a
# one-line case or guard), OneVariableDeclarationPerLine (`let a = 1, b = 2` for a pair),
# UseLetInEveryBoundCaseVariable (`case let .x(a, b)`), GroupNumericLiterals (error codes are written
# as Microsoft writes them: 0x80070005), OneCasePerLine (`case a, b, c` for a small enum), and
# OnlyOneTrailingClosureArgument (`isCancelled: { false }` before the body's trailing closure).
#
# Layout is by hand (continuation lines aligned with what they continue), and swift-format cannot
# turn its whitespace findings off (swiftlang/swift-format#764), so those are left out, all but
# trailing whitespace and runs of blank lines; every other finding fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."

paths=(Package.swift Sources Tests Benchmarks Plugins Fuzzing/Package.swift Fuzzing/Sources)
layout='\[(Indentation|AddLines|RemoveLine|Spacing|SpacingCharacter|TrailingComma|LineLength)\]'

# Without --strict a finding is a warning and the exit status says only whether swift-format could
# read the configuration and parse every file.
if ! findings=$(swift format lint --parallel --recursive "${paths[@]}" 2>&1); then
    printf '%s\n' "$findings" | grep -Ev "$layout" >&2 || true
    echo "swift-format could not lint the tree (see above)" >&2
    exit 1
fi
left=$(printf '%s\n' "$findings" | grep -E ': (warning|error): ' | grep -Ev "$layout" || true)
if [[ -n "$left" ]]; then
    printf '%s\n' "$left" >&2
    echo "swift-format: $(printf '%s\n' "$left" | wc -l) finding(s); fix them, or see scripts/lint.sh for the rules" >&2
    exit 1
fi
echo "swift-format: no findings"
