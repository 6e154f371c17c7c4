#!/usr/bin/env bash
# Installs Node 22 from the npm registry's `node` package into a cache outside the project
# (keyed by version) and prints the path of its binary. The project's own Node is 24 (the
# `node` devDependency); the compatibility suite runs on both, side by side.
set -euo pipefail
version=22.23.3
cache_root=${KUBECONFLICT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeconflict}
prefix="$cache_root/node/node-$version"
binary="$prefix/node_modules/node/bin/node"
if [[ ! -x "$binary" ]]; then
  printf 'node-22: installing node@%s from the npm registry into %s\n' "$version" "$prefix" >&2
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save "node@$version" >&2
fi
"$binary" --version >/dev/null
echo "$binary"
