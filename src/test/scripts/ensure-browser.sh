#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; install it (with its driver) when this machine lacks it.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "The browser tests need Chromium: run 'sudo apt-get install chromium chromium-driver' first." >&2
  exit 1
fi
echo "Installing chromium and chromium-driver (Debian packages) for the browser tests"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
