#!/usr/bin/env bash
# The Swift compiler as scripts/fuzz.sh runs it (SWIFT_EXEC): libFuzzer's coverage is compiled into
# cmlens's own modules only (not the fuzz checks, below); the packages it uses (GRDB, swift-collections, swift-argument-parser)
# keep AddressSanitizer but get no coverage counters.
#
# Why: after every input libFuzzer walks all the coverage counters of the program. Those packages
# held three quarters of them (about 220 KB of 290 KB), which cost the fast targets half their time
# and told the fuzzer nothing about cmlens's parsers (their code that a parser uses is specialised
# into cmlens's modules and is counted there). The link keeps -sanitize=fuzzer (libFuzzer's runtime).
set -euo pipefail
real=${FUZZ_REAL_SWIFTC:?set by scripts/fuzz.sh: the swiftc to run}
module=
previous=
for argument in "$@"; do
    [[ $previous == -module-name ]] && module=$argument
    previous=$argument
done
# The checks in FuzzTargets get none either: their own loops (building a well-formed log, counting
# its markers) are not what is being explored, and their counters and traced comparisons were a
# fifth of the log target's time. The Fuzz* executables keep the flag: their link brings libFuzzer.
case $module in
    FuzzTargets) ;;
    CMLensCore | CMLensTUI | Fuzz* | "") exec "$real" "$@" ;;
esac
arguments=()
for argument in "$@"; do
    [[ $argument == -sanitize=fuzzer,address ]] && argument=-sanitize=address
    arguments+=("$argument")
done
exec "$real" "${arguments[@]}"
