#!/usr/bin/env bash
# Builds the Go program in DIR (its own go.mod) into a cache outside the repository, keyed
# by a hash of its sources, and prints the binary's path as the last line on stdout.
# Reuses a binary already there. Progress and timings go to stderr.
#
#   scripts/go-build-cached.sh DIR NAME     e.g. test/client-go client-go-proof
#   KUBECONFLICT_CACHE=DIR                  cache root (default: $XDG_CACHE_HOME or ~/.cache, /kubeconflict)
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 DIR NAME" >&2; exit 2; }
source_dir=$(cd "$1" && pwd)
name=$2
cache_root=${KUBECONFLICT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeconflict}

log() { printf '%s-build: %s\n' "$name" "$*" >&2; }
command -v go >/dev/null || { log "the Go toolchain (go) is not on PATH; it is needed to build $name"; exit 1; }

# The key covers everything the binary is built from: go.mod, go.sum and the Go files.
cd "$source_dir"
shopt -s nullglob
export LC_ALL=C # a stable glob order, so the hash is the same everywhere
sources=(go.mod go.sum *.go)
key=$(cat "${sources[@]}" | sha256sum | cut -c1-12)
dir="$cache_root/go/$name-$key"
binary="$dir/$name"

if [[ -x "$binary" ]]; then
  log "cached at $binary"
else
  mkdir -p "$dir"
  start=$(date +%s)
  log "building $name into $dir (a cold build downloads modules and takes a minute or more)..."
  # Build to a temporary name and rename, so an interrupted build never leaves a broken binary.
  partial="$dir/.$name.partial.$$"
  trap 'rm -f "$partial"' EXIT
  go build -trimpath -o "$partial" .
  mv "$partial" "$binary"
  log "built in $(($(date +%s) - start))s"
fi
echo "$binary"
