#!/usr/bin/env bash
# Installs the official Python Kubernetes client from PyPI into a virtualenv in the cache
# (keyed by version) and prints the path of its python.
set -euo pipefail
version=37.0.2
cache_root=${KUBECONFLICT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeconflict}
venv="$cache_root/python/kubernetes-$version"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import kubernetes' 2>/dev/null; then
  printf 'python-client: installing kubernetes==%s from PyPI into %s\n' "$version" "$venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "kubernetes==$version" >&2
fi
echo "$venv/bin/python"
