#!/usr/bin/env bash
# Builds go-jsonpath-peer (client-go v0.36.3 util/jsonpath, as kube-apiserver prints CRD columns) into the cache and prints its path as the last line on stdout.
exec "$(dirname "$0")/../../scripts/go-build-cached.sh" "$(dirname "$0")" go-jsonpath-peer
