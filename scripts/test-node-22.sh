#!/usr/bin/env bash
# The compatibility suite (client-node 1.x and 2.x against both servers) on Node 22, beside
# the whole run on Node 24: the package supports both. (The types check beside it,
# client-node-types.test.ts, does not depend on Node's version and runs once, on Node 24.)
set -euo pipefail
cd "$(dirname "$0")/.."
node22=$(bash scripts/node-version.sh 22.23.3)
echo "== test/compat on $("$node22" --version)"
exec "$node22" --test --test-reporter=spec test/compat/client-node.test.ts
