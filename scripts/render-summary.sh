#!/usr/bin/env bash
# Renders the demo's 领导参阅 sheet as LibreOffice prints it, for the README:
# demo → keep only the summary sheet → libreoffice --convert-to pdf → pdftoppm → docs/images/.
# Needs Debian's libreoffice-calc(-nogui), poppler-utils and a CJK font (fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in libreoffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render-summary: $tool is missing (apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk)" >&2; exit 2; }
done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
npm run --silent demo -- --out "$T/out" >/dev/null
node -e '
const ExcelJS = require("exceljs");
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[1]);
  for (const ws of [...wb.worksheets]) if (ws.name !== "领导参阅") wb.removeWorksheet(ws.id);
  await wb.xlsx.writeFile(process.argv[2]);
})();
' "$T/out/annual-2025-summary.xlsx" "$T/summary.xlsx"
libreoffice --headless --convert-to pdf --outdir "$T" "$T/summary.xlsx" >/dev/null 2>&1
pdftoppm -png -r 80 "$T/summary.pdf" "$T/page"
mkdir -p docs/images
rm -f docs/images/summary-page-*.png
n=0
for p in "$T"/page*.png; do n=$((n + 1)); cp "$p" "docs/images/summary-page-$n.png"; done
echo "render-summary: $n page(s) in docs/images/summary-page-*.png"
