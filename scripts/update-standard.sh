#!/usr/bin/env bash
# Brings the project's copy of the reporting standard (standard/) up to date from an upstream
# copy: `npm run standard:update -- /path/to/spec` (the folder holding rules.md and
# indicators.csv). Then run `npm test`: tests/unit/catalog.test.ts fails until the embedded
# catalogue (src/core/catalog/indicators.data.ts) matches the new indicators.csv.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src=${1:?usage: npm run standard:update -- /path/to/spec}
for f in rules.md indicators.csv; do
  [[ -f $src/$f ]] || { echo "update-standard: $src/$f not found" >&2; exit 2; }
done
cp "$src/rules.md" "$src/indicators.csv" "$root/standard/"
git -C "$root" --no-pager diff --stat -- standard/ || true
echo "standard/ updated; now run npm test"
