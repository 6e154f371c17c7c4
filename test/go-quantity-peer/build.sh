#!/usr/bin/env bash
# Builds go-quantity-peer (apimachinery v0.36.3 resource.Quantity, as kube-apiserver decodes and writes quantities) into the cache and prints its path as the last line on stdout.
exec "$(dirname "$0")/../../scripts/go-build-cached.sh" "$(dirname "$0")" go-quantity-peer
