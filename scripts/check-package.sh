#!/usr/bin/env bash
# Checks a release archive from scripts/package.sh as an administrator would meet it: unpacked
# anywhere, run with an empty environment, no Swift runtime on the machine, the manual and the
# completions naming every subcommand and flag the binary has.
# Usage: scripts/check-package.sh dist/cmlens-VERSION-linux-ARCH.tar.gz
set -euo pipefail
archive=${1:?usage: scripts/check-package.sh dist/cmlens-VERSION-linux-ARCH.tar.gz}
[[ -f "$archive" ]] || { echo "check-package: $archive does not exist; run scripts/package.sh first" >&2; exit 1; }
version=$(sed -n 's/^ *static let number = "\([^"]*\)".*/\1/p' "$(dirname "$0")/../Sources/cmlens/Version.swift")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$archive"
root="$work/$(basename "$archive" .tar.gz)"
fail() { echo "check-package: $*" >&2; exit 1; }

for file in bin/cmlens share/man/man1/cmlens.1 share/bash-completion/completions/cmlens share/zsh/site-functions/_cmlens \
    share/fish/vendor_completions.d/cmlens.fish share/cmlens/Themes/dark.theme share/cmlens/Samples/sys.txt README.md NOTICE; do
    [[ -s "$root/$file" ]] || fail "$file is missing from $archive"
done

# Runs with nothing from the build machine: an empty environment, from another folder.
out=$(cd "$work" && env -i PATH=/usr/bin:/bin "$root/bin/cmlens" --version) || fail "bin/cmlens --version failed with an empty environment"
[[ "$out" == "$version"* ]] || fail "bin/cmlens --version says '$out', expected $version"
if ldd "$root/bin/cmlens" | grep -E "libswift|libFoundation|libdispatch|not found"; then
    fail "bin/cmlens needs the libraries above; it must carry the Swift runtime (--static-swift-stdlib)"
fi
# With no path it opens the bundled samples, found beside the binary (headless: a summary).
summary=$(cd "$work" && env -i PATH=/usr/bin:/bin "$root/bin/cmlens" < /dev/null 2>/dev/null) || true
[[ "$summary" == *"WKS-ACCT-014"* ]] || fail "bin/cmlens with no path did not find share/cmlens/Samples: $summary"

# Every subcommand and flag of the binary, from the parser's own description of itself.
(cd "$work" && env -i PATH=/usr/bin:/bin "$root/bin/cmlens" --experimental-dump-help) > "$work/help.json"
python3 - "$work/help.json" "$root" <<'PY'
import json, re, sys
help_file, root = sys.argv[1], sys.argv[2]
texts = {
    "man page": open(root + "/share/man/man1/cmlens.1").read(),
    "bash completion": open(root + "/share/bash-completion/completions/cmlens").read(),
    "zsh completion": open(root + "/share/zsh/site-functions/_cmlens").read(),
    "fish completion": open(root + "/share/fish/vendor_completions.d/cmlens.fish").read(),
}
# How each names a long flag: roff's `Fl -level`, the shells' `--level` or fish's `-l level`.
flag = {
    "man page": lambda n: r"Fl -" + re.escape(n) + r"\b",
    "bash completion": lambda n: r"--" + re.escape(n) + r"\b",
    "zsh completion": lambda n: r"--" + re.escape(n) + r"\b",
    "fish completion": lambda n: r"-l '?" + re.escape(n) + r"\b",
}
missing = []
def walk(command, path):
    if not command.get("shouldDisplay", True):
        return
    name = command["commandName"]
    for kind, text in texts.items():
        if path and not re.search(r"\b" + re.escape(name) + r"\b", text):
            missing.append(f"{kind}: subcommand {' '.join(path + [name])}")
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True) or argument.get("kind") == "positional":
            continue
        for long in [n["name"] for n in argument.get("names", []) if n["kind"] == "long"]:
            for kind, text in texts.items():
                if not re.search(flag[kind](long), text):
                    missing.append(f"{kind}: --{long} of {' '.join(path + [name])}")
    for sub in command.get("subcommands", []):
        walk(sub, path + [name])
walk(json.load(open(help_file))["command"], [])
if missing:
    print("check-package: not in the packaged documentation:\n  " + "\n  ".join(missing), file=sys.stderr)
    sys.exit(1)
PY
echo "check-package: $archive is complete: runs with an empty environment, no Swift runtime needed, manual and completions cover every subcommand and flag"
