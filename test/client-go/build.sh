#!/usr/bin/env bash
# Builds client-go-proof (k8s.io/client-go v0.36.3, default clientset) into a cache outside
# the repository, keyed by a hash of its sources, and prints the binary's path as the last
# line on stdout. Reuses a binary already there.
#
#   test/client-go/build.sh       build if needed; print the binary path on stdout
#   KUBECONFLICT_CACHE=DIR        cache root (default: $XDG_CACHE_HOME or ~/.cache, /kubeconflict)
#
# Progress and timings go to stderr. A cold build takes a minute or more (client-go is large).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
client_go=v0.36.3
cache_root=${KUBECONFLICT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeconflict}

log() { printf 'client-go-proof-build: %s\n' "$*" >&2; }
elapsed() { printf '%ss' "$(($(date +%s) - $1))"; }

# The key covers everything the binary is built from: go.mod, go.sum and the Go files.
cd "$here"
shopt -s nullglob
export LC_ALL=C # a stable glob order, so the hash is the same everywhere
sources=(go.mod go.sum *.go)
key=$(cat "${sources[@]}" | sha256sum | cut -c1-12)
dir="$cache_root/test/client-go-proof-$client_go-$key"
binary="$dir/client-go-proof"

if [[ -x "$binary" ]]; then
  log "cached at $binary"
else
  mkdir -p "$dir"
  start=$(date +%s)
  log "building client-go-proof (k8s.io/client-go $client_go) into $dir (cold builds take a minute or more)..."
  # Build to a temporary name and rename, so an interrupted build never leaves a broken binary.
  partial="$dir/.client-go-proof.partial.$$"
  trap 'rm -f "$partial"' EXIT
  go build -trimpath -o "$partial" .
  mv "$partial" "$binary"
  log "built in $(elapsed "$start")"
fi
echo "$binary"
