#!/usr/bin/env bash
# Builds controller-runtime-proof (controller-runtime v0.24.1's envtest, manager and client over client-go v0.36.3) into the cache and prints its path as the last line on stdout.
exec "$(dirname "$0")/../../scripts/go-build-cached.sh" "$(dirname "$0")" controller-runtime-proof
