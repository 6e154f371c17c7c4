#!/usr/bin/env bash
# Regenerates test/vectors/client-go.json from the real client-go (tools/vectors).
# With --check, regenerates into a temporary file and fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
target=test/vectors/client-go.json
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
echo "vectors: running client-go's retry code (tools/vectors)..." >&2
go -C tools/vectors run . > "$fresh"
if [[ "${1:-}" == "--check" ]]; then
  if ! diff -u "$target" "$fresh"; then
    echo "vectors: $target differs from what client-go does now; run 'npm run vectors' and review" >&2
    exit 1
  fi
  echo "vectors: $target matches client-go" >&2
else
  cp "$fresh" "$target"
  echo "vectors: wrote $target" >&2
fi
