#!/usr/bin/env bash
# Installs what the code-server end-to-end runner needs, once per machine, OUTSIDE the repository:
#   - Debian packages: chromium (the browser playwright-core drives), libkrb5-dev, g++, make (code-server's
#     native modules build from source), ripgrep (stands in for the rg binary that @vscode/ripgrep would
#     otherwise download from the internet, which these machines cannot reach);
#   - code-server@4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) from the npm registry, into
#     ${WSPLINT_E2E_CACHE:-$HOME/.cache/wsplint-e2e}/code-server-4.100.3 (~300 MB, ~60-75 s cold).
# A second run finds the working install and does nothing. Prints the code-server binary path last.
set -euo pipefail

VERSION=4.100.3
CACHE="${WSPLINT_E2E_CACHE:-${HOME:-/tmp}/.cache/wsplint-e2e}"
PREFIX="$CACHE/code-server-$VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"
APT_PACKAGES=(chromium libkrb5-dev ripgrep g++ make)
# @vscode/ripgrep 1.15.11 (pulled in by code-server 4.100.3) looks for this archive before downloading.
RG_CACHE_DIR=vscode-ripgrep-cache-1.15.11
RG_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

say() { echo "[install-code-server] $*" >&2; }

works() {
  [ -x "$BIN" ] || return 1
  # code-server writes a default config on its first start: point it at a throwaway folder, not $HOME.
  local scratch out
  scratch="$(mktemp -d)"
  out="$(XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" "$BIN" --version 2>/dev/null || true)"
  rm -rf "$scratch"
  grep -q "^$VERSION " <<<"$out"
}

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing Debian packages: ${missing[*]}; install them as root: apt-get install ${missing[*]}"
    exit 1
  fi
  say "installing Debian packages: ${missing[*]} (apt-get update first)"
  local apt_log
  apt_log="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    rm -f "$apt_log"
    say "apt-get failed"
    exit 1
  fi
  rm -f "$apt_log"
}

install_apt_packages

if works; then
  say "code-server $VERSION already installed at $PREFIX"
  echo "$BIN"
  exit 0
fi

mkdir -p "$CACHE"
# One installer at a time per cache folder (two test runs may start together).
exec 9>"$CACHE/.install.lock"
flock 9
if works; then
  say "code-server $VERSION installed by a concurrent run at $PREFIX"
  echo "$BIN"
  exit 0
fi

STAGE="$(mktemp -d "$CACHE/.stage.XXXXXX")"
TMPD="$(mktemp -d)"
trap 'rm -rf "$STAGE" "$TMPD"' EXIT

RG="$(command -v rg)"
mkdir -p "$TMPD/$RG_CACHE_DIR"
tar -czf "$TMPD/$RG_CACHE_DIR/$RG_ARCHIVE" -C "$(dirname "$RG")" "$(basename "$RG")"

say "installing code-server@$VERSION from the npm registry into $PREFIX (about 300 MB, 1-2 minutes)"
say "  ripgrep: Debian's $RG, offered to @vscode/ripgrep as its download cache"
echo '{"name":"wsplint-e2e-code-server","private":true}' >"$STAGE/package.json"
(
  cd "$STAGE"
  # When started from an npm script, npm's own settings (npm_config_*, e.g. the project's prefix) are in
  # the environment; this install is about another folder, so it must not inherit them.
  while read -r v; do unset "$v"; done < <(compgen -e | grep -i '^npm_')
  # unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty's postinstall
  # runs `npx node-gyp`; dangerously_allow_all_scripts: npm 11's install-script policy would skip the
  # nested install that code-server's postinstall performs.
  TMPDIR="$TMPD" \
  npm_config_unsafe_perm=true \
  npm_config_yes=true \
  npm_config_dangerously_allow_all_scripts=true \
  npm_config_audit=false \
  npm_config_fund=false \
  npm_config_update_notifier=false \
    npm install --loglevel=error "code-server@$VERSION" >&2
)

rm -rf "$PREFIX"
mv "$STAGE" "$PREFIX"
if ! works; then
  say "code-server was installed at $PREFIX but '$BIN --version' does not print $VERSION"
  exit 1
fi
say "code-server $VERSION installed at $PREFIX"
echo "$BIN"
