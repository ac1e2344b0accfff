#!/usr/bin/env bash
# The weekly report's PDF embeds a CJK TrueType font (issue 10, investcrm.goals.report-font); install Debian's
# fonts-droid-fallback when this machine has none.
set -euo pipefail
FONT=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
if [ -f "$FONT" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "The weekly report PDF needs a CJK font: run 'sudo apt-get install fonts-droid-fallback' first." >&2
  exit 1
fi
echo "Installing fonts-droid-fallback (Debian package) for the weekly report PDF"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-droid-fallback >/dev/null
