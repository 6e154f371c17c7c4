#!/usr/bin/env bash
# The API reference in docs/api, generated from the TSDoc of the two entry points by TypeDoc.
#   scripts/api-docs.sh          regenerate docs/api
#   scripts/api-docs.sh --check  fail when docs/api is not what the sources generate (CI);
#                                TypeDoc warnings (an exported type left undocumented) fail too
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--check" ]]; then
  exec node node_modules/typedoc/bin/typedoc --logLevel Warn
fi
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
node node_modules/typedoc/bin/typedoc --logLevel Warn --out "$fresh"
if ! diff -r -q "$fresh" docs/api >/dev/null; then
  diff -r -q "$fresh" docs/api | head -20 >&2 || true
  echo "docs/api is not what the sources generate: run npm run docs:api and commit it" >&2
  exit 1
fi
echo "docs/api is current"
