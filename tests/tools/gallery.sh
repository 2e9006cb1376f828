#!/bin/sh
# make charts: regenerates the gallery in charts/ from the example
# scenario: a few exhibits as 150-dpi PNGs (for the README) and the whole
# exhibit packet, report.pdf.  The files are reproducible: the same program
# and inputs give the same bytes.  The PDF date is SOURCE_DATE_EPOCH when
# set, else the time of the last commit (a checkout gives the input files
# new modification times, which the date would otherwise follow).
# Usage: gallery.sh PROGRAM SCENARIO
set -eu
prog=$1
scenario=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d /tmp/edtco-gallery-XXXXXX)
trap 'rm -rf "$out"' EXIT
if [ -z "${SOURCE_DATE_EPOCH:-}" ] &&
	t=$(git -C "$root" log -1 --format=%ct 2>/dev/null) && [ -n "$t" ]; then
	SOURCE_DATE_EPOCH=$t
	export SOURCE_DATE_EPOCH
fi
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
