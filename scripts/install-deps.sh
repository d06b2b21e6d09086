#!/usr/bin/env bash
# Installs the Debian packages cmlens builds and tests with, only those that are missing.
set -euo pipefail
needed=()
for pkg in libncurses-dev libsqlite3-dev libpcre2-dev libarchive-dev gcab python3 time tmux dnsmasq-base ncurses-term; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || needed+=("$pkg")
done
if [ ${#needed[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${needed[@]}" >/dev/null
fi
