#!/usr/bin/env bash
# Builds go-peer (sigs.k8s.io/yaml v1.6.0, client-go and apimachinery v0.36.3: the Go code
# the embedded server mirrors) into the cache and prints its path as the last line on stdout.
exec "$(dirname "$0")/../../scripts/go-build-cached.sh" "$(dirname "$0")" go-peer
