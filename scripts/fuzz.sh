#!/usr/bin/env bash
# Fuzzes cmlens's parsers with libFuzzer under AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); all targets by default
#
# Targets: log sitecontrol inventory hotfix rules theme errorcode version.
# Builds the package in Fuzzing/ (release, -sanitize=fuzzer,address), then runs the targets one after
# the other, each for SECONDS, on a corpus seeded from Fuzzing/seeds, Samples/, the test fixtures and
# shared/corpus/real (copied at run time; never committed). Everything it writes goes to
# fuzz-out/ (gitignored): corpus/<target> (grows from run to run), crashes/<target> (inputs that
# crashed, with libFuzzer's crash-/timeout-/oom- prefixes), logs/<target>.log, summary.txt.
# Exits non-zero when a target crashed, timed out or ran out of memory.
#
# Environment: FUZZ_JOBS=N runs N copies of each target in parallel (default 1);
# FUZZ_NICE=N runs the fuzzers under `nice -n N` (default 0); FUZZ_ARGS adds libFuzzer flags;
# FUZZ_OUT=DIR writes there instead of fuzz-out/ (a fresh DIR reproduces a CI run exactly).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# A Swift trap must not start swift-backtrace: it can hang for minutes holding the output open.
export SWIFT_BACKTRACE=enable=no
# Swift seeds its hashing per process; fixed, a run with -seed=N is the same run everywhere.
export SWIFT_DETERMINISTIC_HASHING=1
# LeakSanitizer still checks at exit: leaks inside the toolchain's Foundation (NSRegularExpression)
# are suppressed so that only ours fail a run.
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-toolchain.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

all_targets=(log sitecontrol inventory hotfix rules theme errorcode version)
seconds=60
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")

executable() {
    case $1 in
        log) echo FuzzLog ;;
        sitecontrol) echo FuzzSiteControl ;;
        inventory) echo FuzzInventory ;;
        hotfix) echo FuzzHotfix ;;
        rules) echo FuzzRules ;;
        theme) echo FuzzTheme ;;
        errorcode) echo FuzzErrorCode ;;
        version) echo FuzzVersion ;;
        *) echo "unknown fuzz target '$1'; targets: ${all_targets[*]}" >&2; return 1 ;;
    esac
}
for t in "${targets[@]}"; do executable "$t" >/dev/null; done

out=${FUZZ_OUT:-$root/fuzz-out}
mkdir -p "$out/logs"

# -enable-testing: the targets use the parsers' internal entry points (the chunk loop, the
# on-disk read with small chunks) through @testable import, as the unit tests do.
echo "fuzz: building Fuzzing/ (release, -sanitize=fuzzer,address); log in fuzz-out/logs/build.log"
if ! (cd Fuzzing && swift build -c release \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing \
        >"$out/logs/build.log" 2>&1); then
    tail -40 "$out/logs/build.log" >&2
    echo "fuzz: build failed" >&2
    exit 1
fi
bin=$(cd Fuzzing && swift build -c release --show-bin-path \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)

# Seeds: the committed ones, plus the project's samples and fixtures and the shared real logs
# (shared/ sits beside a checkout, or two levels up from a worktree in wt/).
real=../shared/corpus/real
[[ -d $real ]] || real=../../shared/corpus/real
seed_sources() {
    local fixtures=Tests/CMLensCoreTests/Fixtures
    case $1 in
        log) find Samples "$fixtures/diagnostics" "$fixtures/execmgr" "$real" \
                 -type f \( -name '*.log' -o -name '*.lo_' \) 2>/dev/null ;;
        sitecontrol) find Samples/site "$fixtures/sitecontrol" -type f 2>/dev/null ;;
        inventory) find Samples/inventory "$fixtures/inventory" "$fixtures/catalog" -type f -name '*.csv' 2>/dev/null ;;
        hotfix) find "$fixtures/catalog" -type f 2>/dev/null ;;
        rules) find "$fixtures/diagnostics/rules" -type f 2>/dev/null ;;
        theme) find Themes -type f -name '*.theme' 2>/dev/null ;;
        errorcode) find "$fixtures/errorcodes" -type f 2>/dev/null ;;
        version) ;;
    esac
}

summary=$out/summary.txt
: >"$summary"
failed=()
for t in "${targets[@]}"; do
    exe=$(executable "$t")
    corpus=$out/corpus/$t
    seeds=$out/seeds/$t
    crashes=$out/crashes/$t
    mkdir -p "$corpus" "$crashes"
    rm -rf "$seeds" && mkdir -p "$seeds"
    cp Fuzzing/seeds/"$t"/* "$seeds"/ 2>/dev/null || true
    while IFS= read -r f; do
        cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"
    done < <(seed_sources "$t")
    # No leak check per input: libFuzzer re-runs every input that allocates more than it frees
    # (Foundation's caches do) under LeakSanitizer, which made the log target 5x slower. Leaks are
    # looked for by the test suite's AddressSanitizer run instead (README).
    flags=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1
           -detect_leaks=0 -artifact_prefix="$crashes/")
    [[ -f Fuzzing/dict/$t.dict ]] && flags+=(-dict="Fuzzing/dict/$t.dict")
    # Logs are fuzzed up to 4 KiB: enough for chunk carries, records and splits to meet, and fast.
    [[ $t == log ]] && flags+=(-max_len=4096)
    jobs=${FUZZ_JOBS:-1}
    [[ $jobs -gt 1 ]] && flags+=(-fork="$jobs")
    echo "fuzz: $t for ${seconds}s ($(ls "$seeds" | wc -l) seeds, corpus $(ls "$corpus" | wc -l))"
    status=0
    # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
    nice -n "${FUZZ_NICE:-0}" "$bin/$exe" "${flags[@]}" ${FUZZ_ARGS:-} "$corpus" "$seeds" \
        >"$out/logs/$t.log" 2>&1 || status=$?
    log=$out/logs/$t.log
    runs=$(grep 'stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}')
    speed=$(grep 'stat::average_exec_per_sec:' "$log" | tail -1 | awk '{print $2}')
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    line="$t: status $status, ${runs:-?} executions, ${speed:-?} exec/s, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l)"
    if [[ $status -ne 0 ]]; then
        line+=" — FAILED: $(grep -m1 -E 'ERROR: |fuzz invariant failed|Fatal error|deadly signal|ERROR: libFuzzer' "$log" || true)"
        line+="; input: $(ls -t "$crashes" | head -1)"
        failed+=("$t")
        tail -25 "$log" >&2
    fi
    echo "$line" | tee -a "$summary"
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz: ${failed[*]} failed; inputs in fuzz-out/crashes/, logs in fuzz-out/logs/" >&2
    echo "fuzz: reproduce with $bin/<Fuzzer> fuzz-out/crashes/<target>/<file>" >&2
    exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran ${seconds}s each without a crash"
