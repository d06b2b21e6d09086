#!/usr/bin/env bash
# Fuzzes cmlens's parsers with libFuzzer under AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); all targets by default
#
# Targets: log sitecontrol inventory hotfix rules theme errorcode version archive.
# Builds the package in Fuzzing/ (release, -sanitize=fuzzer,address; coverage only in cmlens's own
# modules, see scripts/fuzz-swiftc.sh), then runs the targets one after the other, each for up to
# SECONDS on inputs up to a per-target size (max_len below), on a corpus seeded from Fuzzing/seeds,
# Samples/, the test fixtures and shared/corpus/real (copied at run time, long files cut into pieces
# of that size; never committed). Everything it writes goes to fuzz-out/ (gitignored):
# corpus/<target> (grows from run to run), crashes/<target> (inputs that crashed, with libFuzzer's
# crash-/timeout-/oom- prefixes), logs/<target>.log, summary.txt (a line per target: executions,
# seconds, exec/s, coverage, corpus size; then the executions of every target).
# Exits non-zero when a target crashed, timed out or ran out of memory.
#
# Environment: FUZZ_JOBS=N runs N copies of each target in parallel (default 1);
# FUZZ_NICE=N runs the fuzzers under `nice -n N` (default 0); FUZZ_ARGS adds libFuzzer flags
# (FUZZ_ARGS="-runs=10000000" stops each target after ten million inputs);
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
# AddressSanitizer records no stack per allocation: unwinding at every malloc was a quarter of the
# log target's time. A heap error is still caught where it happens, with its own stack; for the
# stack of the allocation, run the saved input again with ASAN_OPTIONS=malloc_context_size=30.
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"

all_targets=(log sitecontrol inventory hotfix rules theme errorcode version archive)
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
        archive) echo FuzzArchive ;;
        *) echo "unknown fuzz target '$1'; targets: ${all_targets[*]}" >&2; return 1 ;;
    esac
}
for t in "${targets[@]}"; do executable "$t" >/dev/null; done

out=${FUZZ_OUT:-$root/fuzz-out}
mkdir -p "$out/logs"

# -enable-testing: the targets use the parsers' internal entry points (the chunk loop, the
# on-disk read with small chunks) through @testable import, as the unit tests do.
# Coverage only in cmlens's own modules (scripts/fuzz-swiftc.sh says why).
FUZZ_REAL_SWIFTC=$(command -v swiftc)
export FUZZ_REAL_SWIFTC SWIFT_EXEC=$root/scripts/fuzz-swiftc.sh
echo "fuzz: building Fuzzing/ (release, -sanitize=fuzzer,address); log in $out/logs/build.log"
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
        version | archive) ;;
    esac
}

# The longest input each target is given (libFuzzer's -max_len; its default is the longest seed, and
# the real logs run to 300 KB). Every check a target makes costs time in proportion to the input, so
# this sets the speed: a few KiB still holds records, blocks or rows enough for every parser's
# paths to meet (the log reader's chunk carries and splits are exercised through small internal
# chunk sizes, not long inputs). FUZZ_ARGS="-max_len=N" overrides it.
max_len() {
    case $1 in
        sitecontrol | inventory | hotfix | rules | theme | log) echo 1024 ;;
        errorcode) echo 256 ;;
        version) echo 128 ;;
        # Compressed headers and a few entries; the seeds are a few KiB each.
        archive) echo 8192 ;;
    esac
}

# A seed longer than the target's max_len would only be read up to it, so it is cut into pieces at
# line ends instead (all of a real log reaches the fuzzer, a piece at a time). UTF-16 text (a NUL
# in its first bytes) keeps its head only: a piece cut at a line end would start mid-character.
add_seed() {
    local file=$1 dir=$2 limit=$3 name
    name=$(echo "$file" | tr '/' '_')
    if [[ $(stat -c %s "$file") -le $limit ]]; then
        cp "$file" "$dir/$name"
    elif [[ $(head -c 64 "$file" | tr -d '\000' | wc -c) -lt $(head -c 64 "$file" | wc -c) ]]; then
        head -c "$((limit / 2 * 2))" "$file" >"$dir/$name"
    else
        split -C "$limit" -d -a 4 "$file" "$dir/$name."
    fi
}

summary=$out/summary.txt
: >"$summary"
failed=()
totals=()
started=$(date +%s)
for t in "${targets[@]}"; do
    exe=$(executable "$t")
    corpus=$out/corpus/$t
    seeds=$out/seeds/$t
    crashes=$out/crashes/$t
    limit=$(max_len "$t")
    mkdir -p "$corpus" "$crashes"
    rm -rf "$seeds" && mkdir -p "$seeds"
    for f in Fuzzing/seeds/"$t"/*; do [[ -f $f ]] && add_seed "$f" "$seeds" "$limit"; done
    while IFS= read -r f; do add_seed "$f" "$seeds" "$limit"; done < <(seed_sources "$t")
    # No leak check per input: libFuzzer re-runs every input that allocates more than it frees
    # (Foundation's caches do) under LeakSanitizer, which made the log target 5x slower. Leaks are
    # looked for by the test suite's AddressSanitizer run instead (README).
    flags=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1
           -detect_leaks=0 -max_len="$limit" -artifact_prefix="$crashes/")
    [[ -f Fuzzing/dict/$t.dict ]] && flags+=(-dict="Fuzzing/dict/$t.dict")
    jobs=${FUZZ_JOBS:-1}
    [[ $jobs -gt 1 ]] && flags+=(-fork="$jobs")
    echo "fuzz: $t for up to ${seconds}s, inputs up to $limit bytes ($(ls "$seeds" | wc -l) seeds, corpus $(ls "$corpus" | wc -l))"
    status=0
    began=$(date +%s)
    # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
    nice -n "${FUZZ_NICE:-0}" "$bin/$exe" "${flags[@]}" ${FUZZ_ARGS:-} "$corpus" "$seeds" \
        >"$out/logs/$t.log" 2>&1 || status=$?
    took=$(($(date +%s) - began))
    log=$out/logs/$t.log
    runs=$(grep 'stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}')
    speed=$(grep 'stat::average_exec_per_sec:' "$log" | tail -1 | awk '{print $2}')
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    line="$t: status $status, ${runs:-?} executions in ${took}s, ${speed:-?} exec/s, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l)"
    totals+=("$t ${runs:-?} in ${took}s")
    if [[ $status -ne 0 ]]; then
        line+=" — FAILED: $(grep -m1 -E 'ERROR: |fuzz invariant failed|Fatal error|deadly signal|ERROR: libFuzzer' "$log" || true)"
        line+="; input: $(ls -t "$crashes" | head -1)"
        failed+=("$t")
        tail -25 "$log" >&2
    fi
    echo "$line" | tee -a "$summary"
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz: ${failed[*]} failed; inputs in $out/crashes/, logs in $out/logs/" >&2
    echo "fuzz: reproduce with $bin/<Fuzzer> $out/crashes/<target>/<file>" >&2
    exit 1
fi
# What ran, as libFuzzer counted it: a -runs limit can stop a target long before SECONDS.
ran=$(printf '%s, ' "${totals[@]}")
echo "fuzz: no crash in $(($(date +%s) - started))s; executions: ${ran%, }" | tee -a "$summary"
