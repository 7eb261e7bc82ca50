#!/usr/bin/env bash
# Install the Debian packages the tests and builds need, only when they are missing:
# Chromium (browser tests through Playwright, never a downloaded browser), fonts covering Latin, Greek,
# Cyrillic and Arabic, Pango (WeasyPrint's text layout), LibreOffice Writer (tests open every DOCX and
# ODT with it) and Poppler (PDF pages to PNG for visual checks).
set -euo pipefail
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || packages+=(fonts-noto-core)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || packages+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${packages[*]}"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else
    echo "Please install as root: apt-get install ${packages[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
