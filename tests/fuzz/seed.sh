#!/bin/sh
# Writes the seed corpus of harness NAME into DIR from the project's own
# inputs: models/, data/, tests/fixtures/, tests/cli/cases/ and the chart
# fixture.  Usage: seed.sh NAME DIR
set -u
name=$1
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
n=0
next() { # the name of the next seed file, in $seed
	n=$((n + 1))
	seed=$out/seed-$n
}
csvs() {
	find "$root/models" "$root/data" "$root/tests/fixtures" \
	     "$root/tests/cli/cases" "$root/tests/charts/fixture" \
	     -name '*.csv' -size -64k | sort
}
case $name in
csvin)
	for f in $(csvs); do next; cp "$f" "$seed"; done ;;
number)
	# every distinct cell of the inputs, one per seed
	for f in $(csvs); do tr ',' '\n' <"$f"; done | sort -u | head -400 \
		>"$out/.cells"
	while IFS= read -r cell; do next; printf '%s' "$cell" >"$seed"
	done <"$out/.cells"
	rm -f "$out/.cells" ;;
model)
	# each scenario with its first cost file, the costs row renamed
	for s in $(csvs); do
		head -1 "$s" | grep -q '^parameter' || continue
		c=$(sed -n 's/^costs,\([^,]*\).*/\1/p' "$s" | head -1)
		[ -n "$c" ] && [ -f "$(dirname "$s")/$c" ] || continue
		next
		{ sed 's/^costs,[^,]*/costs,costs.csv/' "$s"
		  printf '@@@@\n'
		  cat "$(dirname "$s")/$c"; } >"$seed"
	done ;;
sweep)
	for f in $(csvs); do
		head -1 "$f" | grep -q '^case' && { next; cp "$f" "$seed"; }
	done ;;
chart|exhibits)
	i=0
	for f in summary compare years categories histogram distribution \
		 inputs provenance findings sensitivity; do
		next
		{ printf "\\$(printf %o $i)"
		  cat "$root/tests/charts/fixture/$f.csv"; } >"$seed"
		i=$((i + 1))
	done ;;
merge)
	i=0
	for f in s1/batch s1/provenance s2/batch s2/provenance; do
		next
		{ printf "\\$(printf %o $i)"
		  cat "$root/tests/fuzz/base/merge/$f.csv"; } >"$seed"
		i=$((i + 1))
	done ;;
*)
	echo "seed.sh: unknown harness $name" >&2
	exit 2 ;;
esac
