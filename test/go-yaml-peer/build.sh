#!/usr/bin/env bash
# Builds go-yaml-peer (sigs.k8s.io/yaml v1.6.0 JSONToYAML, as kube-apiserver writes YAML) into the cache and prints its path as the last line on stdout.
exec "$(dirname "$0")/../../scripts/go-build-cached.sh" "$(dirname "$0")" go-yaml-peer
