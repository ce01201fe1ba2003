#!/usr/bin/env bash
# Installs the peers the side-by-side benchmark compares against (Debian packages), and GNU time for
# peak-RSS figures. Run once as root before `npm run bench`; the benchmark reports a peer as "missing"
# instead of failing when it is not installed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# clang-tidy (clang-analyzer-* checks), Coccinelle's spatch, the mingw-w64 headers for <winsock2.h>/<ws2spi.h>,
# g++-mingw-w64 for the libstdc++ headers of the generated C++ files, GNU time for CPU time and peak RSS.
apt-get install -y -qq --no-install-recommends clang-tidy coccinelle gcc-mingw-w64-x86-64-win32 g++-mingw-w64-x86-64-win32 mingw-w64-x86-64-dev time >/dev/null
for t in clang-tidy spatch x86_64-w64-mingw32-gcc-win32 /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "bench/setup.sh: $t did not install" >&2; exit 1; }
done
echo "clang-tidy: $(clang-tidy --version | grep -o 'version [0-9.]*')"
echo "spatch: $(spatch --version 2>&1 | head -1)"
echo "mingw headers: $(ls -d /usr/x86_64-w64-mingw32/include)"
