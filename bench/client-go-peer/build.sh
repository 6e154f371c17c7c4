#!/usr/bin/env bash
# Builds client-go-peer (client-go v0.36.3: DefaultRetry and custom backoffs, for the strategy benchmark) into the cache and prints its path as the last line on stdout.
exec "$(dirname "$0")/../../scripts/go-build-cached.sh" "$(dirname "$0")" client-go-peer
