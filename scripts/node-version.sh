#!/usr/bin/env bash
# Installs the given Node version (e.g. 22.23.3) from the npm registry's `node` package into a
# cache outside the project (keyed by version) and prints the path of its binary. The
# project's own Node is 24 (the `node` devDependency); other versions run beside it: Node 22
# for the compatibility suite, Node 20 to see an unsupported Node refused in one line.
set -euo pipefail
version=${1:?usage: node-version.sh <version>}
cache_root=${KUBECONFLICT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeconflict}
prefix="$cache_root/node/node-$version"
binary="$prefix/node_modules/node/bin/node"
if [[ ! -x "$binary" ]]; then
  printf 'node-version: installing node@%s from the npm registry into %s\n' "$version" "$prefix" >&2
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save "node@$version" >&2
fi
"$binary" --version >/dev/null
echo "$binary"
