#!/usr/bin/env bash
# Builds the go-yaml peer (sigs.k8s.io/yaml v1.6.0 JSONToYAML, as kube-apiserver uses it)
# into a cache outside the repository, keyed by a hash of its sources, and prints the
# binary's path as the last line on stdout. Reuses a binary already there.
#
#   test/go-yaml-peer/build.sh    build if needed; print the binary path on stdout
#   KUBECONFLICT_CACHE=DIR        cache root (default: $XDG_CACHE_HOME or ~/.cache, /kubeconflict)
#
# Progress goes to stderr. A cold build takes a few seconds once the modules are downloaded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache_root=${KUBECONFLICT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeconflict}

log() { printf 'go-yaml-peer-build: %s\n' "$*" >&2; }

command -v go >/dev/null || { log "the Go toolchain (go) is not on PATH; it is needed to build the peer"; exit 1; }

cd "$here"
shopt -s nullglob
export LC_ALL=C # a stable glob order, so the hash is the same everywhere
sources=(go.mod go.sum *.go)
key=$(cat "${sources[@]}" | sha256sum | cut -c1-12)
dir="$cache_root/test/go-yaml-peer-$key"
binary="$dir/go-yaml-peer"

if [[ -x "$binary" ]]; then
  log "cached at $binary"
else
  mkdir -p "$dir"
  start=$(date +%s)
  log "building the go-yaml peer into $dir ..."
  # A temporary name and a rename: an interrupted build never leaves a broken binary.
  partial="$dir/.go-yaml-peer.partial.$$"
  trap 'rm -f "$partial"' EXIT
  go build -trimpath -o "$partial" .
  mv "$partial" "$binary"
  log "built in $(($(date +%s) - start))s"
fi
echo "$binary"
