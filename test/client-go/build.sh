#!/usr/bin/env bash
# Builds client-go-proof (client-go v0.36.3's default clientset, run against both servers) into the cache and prints its path as the last line on stdout.
exec "$(dirname "$0")/../../scripts/go-build-cached.sh" "$(dirname "$0")" client-go-proof
