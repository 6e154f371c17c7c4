#!/usr/bin/env bash
# Builds kube-apiserver, kubectl and etcd from the Go module proxy into a cache outside the
# repository, keyed by version, and prints the directory. Reuses binaries already there.
#
#   tools/apiserver/build.sh            build if needed; print the assets directory on stdout
#   tools/apiserver/build.sh --with-controller-manager
#                                       also kube-controller-manager (the tests that compare the
#                                       embedded server's controllers with the real ones need it)
#   KUBECONFLICT_CACHE=DIR              cache root (default: $XDG_CACHE_HOME or ~/.cache, /kubeconflict)
#
# Progress and timings go to stderr. A cold build takes minutes (kube-apiserver is large).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
with_controller_manager=false
for arg in "$@"; do
  case $arg in
    --with-controller-manager) with_controller_manager=true ;;
    *) echo "usage: $0 [--with-controller-manager]" >&2; exit 2 ;;
  esac
done
kubernetes=v1.36.3
etcd=v3.6.16
cache_root=${KUBECONFLICT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubeconflict}
assets="$cache_root/apiserver/kubernetes-$kubernetes-etcd-$etcd"

log() { printf 'apiserver-build: %s\n' "$*" >&2; }
elapsed() { printf '%ss' "$(($(date +%s) - $1))"; }

build() { # name, module dir, package, output, extra go flags...
  local name=$1 dir=$2 package=$3 out=$4
  shift 4
  if [[ -x "$assets/$out" ]]; then
    log "$name: cached at $assets/$out"
    return
  fi
  local start
  start=$(date +%s)
  log "$name: building $package (cold builds take minutes; Go prints each module it downloads)..."
  # Build to a temporary name and rename, so an interrupted build never leaves a broken binary.
  (cd "$dir" && go build -trimpath "$@" -o "$assets/.$out.partial" "$package")
  mv "$assets/.$out.partial" "$assets/$out"
  log "$name: built in $(elapsed "$start")"
}

mkdir -p "$assets"
total=$(date +%s)
# Without the version stamp the server reports v0.0.0-master+$Format:%H$, which kubectl cannot parse.
minor=$(cut -d. -f2 <<<"$kubernetes")
version_flags="-X k8s.io/component-base/version.gitVersion=$kubernetes -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
build etcd "$here/../etcd" go.etcd.io/etcd/server/v3 etcd
build kube-apiserver "$here" k8s.io/kubernetes/cmd/kube-apiserver kube-apiserver -ldflags "$version_flags"
build kubectl "$here" k8s.io/kubernetes/cmd/kubectl kubectl -ldflags "$version_flags"
if $with_controller_manager; then
  build kube-controller-manager "$here" k8s.io/kubernetes/cmd/kube-controller-manager kube-controller-manager \
    -ldflags "$version_flags"
fi
log "ready in $(elapsed "$total"): $assets"
echo "$assets"
