#!/bin/sh
# make charts: regenerates the gallery in charts/ from the example
# scenario: a few exhibits as 150-dpi PNGs (for the README) and the whole
# exhibit packet, report.pdf.  The files are reproducible: the same program
# and inputs give the same bytes (the PDF date comes from the inputs unless
# SOURCE_DATE_EPOCH is set).
# Usage: gallery.sh PROGRAM SCENARIO
set -eu
prog=$1
scenario=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d /tmp/edtco-gallery-XXXXXX)
trap 'rm -rf "$out"' EXIT
"$prog" run "$scenario" -q -o "$out/run" -f png,report --dpi 150
mkdir -p "$root/charts"
rm -f "$root"/charts/*.png "$root/charts/report.pdf"
cd "$out/run"
for f in fan.png scurve.png budget.png $(ls tornado-*.png 2>/dev/null | head -1) \
	$(ls histogram-*.png | head -1) breakdown.png per-student.png; do
	[ -f "$f" ] && cp "$f" "$root/charts/"
done
cp report.pdf "$root/charts/"
echo "charts: $(cd "$root/charts" && ls | tr '\n' ' ')"
