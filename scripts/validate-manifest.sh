#!/usr/bin/env bash
# Validates manifest.xml (or the file given) offline against Microsoft's manifest schemas kept in
# schemas/office-manifest/, with xmllint (Debian's libxml2-utils). No network.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
manifest=${1:-$root/manifest.xml}
if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate-manifest: xmllint is missing (apt-get install libxml2-utils)" >&2
  exit 2
fi
xmllint --nonet --noout --schema "$root/schemas/office-manifest/OfficeAppManifestV1_1.xsd" "$manifest"
