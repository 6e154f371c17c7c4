#!/usr/bin/env bash
# Points every staging module that k8s.io/kubernetes' own go.mod replaces with
# ./staging/... at its published version, then tidies. Run after changing the version
# below; the result (go.mod, go.sum) is committed, so builds do not depend on this script.
set -euo pipefail
cd "$(dirname "$0")"
kubernetes=v1.36.3
staging=v0.${kubernetes#v1.}
gomod=$(go mod download -json "k8s.io/kubernetes@$kubernetes" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')
modules=$(sed -n 's#^[[:space:]]*\(k8s.io/[^ ]*\) => ./staging/.*#\1#p' "$gomod")
echo "sync-gomod: k8s.io/kubernetes $kubernetes replaces $(echo "$modules" | wc -l) staging modules; pinning them to $staging" >&2
go mod edit -require="k8s.io/kubernetes@$kubernetes"
for module in $modules; do
  go mod edit -replace="$module=$module@$staging"
done
go mod tidy
