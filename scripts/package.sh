#!/usr/bin/env bash
# Builds the release archive an administrator copies to a machine without Swift:
#   dist/cmlens-VERSION-linux-ARCH.tar.gz
#     cmlens-VERSION-linux-ARCH/bin/cmlens                     (Swift runtime linked in; ncursesw, SQLite,
#                                                               libarchive stay the system's)
#     .../share/man/man1/cmlens.1                              (from the argument parser's definitions)
#     .../share/bash-completion/completions/cmlens, share/zsh/site-functions/_cmlens,
#     .../share/fish/vendor_completions.d/cmlens.fish
#     .../share/cmlens/Themes, share/cmlens/Samples            (found relative to bin/cmlens)
#     .../README.md, NOTICE
# Usage: scripts/package.sh   (prints the archive's path last)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^ *static let number = "\([^"]*\)".*/\1/p' Sources/cmlens/Version.swift)
if [[ -z "$version" ]]; then
    echo "package.sh: no 'static let number = \"…\"' in Sources/cmlens/Version.swift; restore it" >&2
    exit 1
fi
name="cmlens-$version-linux-$(uname -m)"
stage="dist/$name"

swift build -c release --static-swift-stdlib --product cmlens
binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/cmlens"

rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/cmlens" \
    "$stage/share/bash-completion/completions" "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
# Debug information is half the binary's size and only serves a debugger; symbols stay for backtraces.
strip --strip-debug -o "$stage/bin/cmlens" "$binary"

# The manual, from the same definitions as --help (swift-argument-parser's plugin). It builds the
# package's products itself: in debug, which the tests have already built, so no second release build.
# Dated by the commit, so the same source gives the same page.
date=$(git log -1 --format=%cs 2>/dev/null || date +%F)
swift package plugin generate-manual --configuration debug --date "$date" >/dev/null
cp .build/plugins/GenerateManual/outputs/cmlens/cmlens.1 "$stage/share/man/man1/cmlens.1"

"$stage/bin/cmlens" --generate-completion-script bash > "$stage/share/bash-completion/completions/cmlens"
"$stage/bin/cmlens" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_cmlens"
"$stage/bin/cmlens" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/cmlens.fish"

cp -R Themes "$stage/share/cmlens/Themes"
cp -R Samples "$stage/share/cmlens/Samples"
cp README.md NOTICE "$stage/"

tar -C dist -czf "dist/$name.tar.gz" --owner=0 --group=0 "$name"
echo "dist/$name.tar.gz"
