#!/bin/sh
# make bench: times `edtco run` of the example scenario at one million
# trials (results written, no charts) and reports wall time and peak memory;
# then once with the exhibits, and `edtco chart` alone.
# Then the batch sweeps of issue 5: (a) 700 cases x 10,000 trials of the
# example scenario on every CPU; (b) the same at -j 1 and -j 2, and the
# ratio; (c) peak memory of 70 and of 700 cases, which must be about the
# same (rows are streamed out).  Targets on 2 cores: the run under 1 s wall
# and 600 MB; (a) under 10 s wall, (b) at least 1.8x.  A benchmark, not a
# test: it asserts nothing.
set -eu
prog=$1
scenario=$2
out=$(mktemp -d /tmp/edtco-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT
threads=$(getconf _NPROCESSORS_ONLN)
echo "bench: edtco run $scenario -n 1000000 ($threads threads;" \
	"target on 2 cores: < 1 s wall, < 600 MB peak)"
for run in 1 2 3; do
	/usr/bin/time -f "  run $run: %e s wall, %U s user, %M KB peak" \
		"$prog" run "$scenario" -n 1000000 -q -o "$out/run" --no-charts \
		2>&1 | grep -v '^$' || true
done
# The same with the exhibits (the default), and `edtco chart` redrawing
# them from the result files alone.
/usr/bin/time -f "  with charts: %e s wall, %U s user, %M KB peak" \
	"$prog" run "$scenario" -n 1000000 -q -o "$out/run" 2>&1 |
	grep -v '^$' || true
/usr/bin/time -f "  edtco chart: %e s wall, %U s user, %M KB peak" \
	"$prog" chart "$out/run" -q 2>&1 | grep -v '^$' || true

# A sweep of n cases: enrollment from 300 up in steps of 13, and the aid
# ratio range of data/sweeps/ny-districts.csv.
sweep() { # n file
	awk -v n="$1" 'BEGIN {
		print "case,students,aid_ratio,aid_ratio.low,aid_ratio.high"
		for (i = 1; i <= n; i++)
			printf "case-%04d,%d,0.63,0.36,0.90\n", i, 300 + 13 * i
	}' >"$2"
}
sweep 700 "$out/sweep700.csv"
sweep 70 "$out/sweep70.csv"
# wall seconds, user seconds, peak KB of one batch
batch() { # sweep -j
	/usr/bin/time -f "%e %U %M" -o "$out/time" "$prog" batch "$scenario" \
		--sweep "$1" -n 10000 -q -j "$2" -o "$out/batch" || true
	cat "$out/time"
}
echo "bench: edtco batch, 700 cases x 10,000 trials"
set -- $(batch "$out/sweep700.csv" "$threads")
echo "  (a) -j $threads: $1 s wall, $2 s user, $3 KB peak (target: < 10 s" \
	"on 2 cores)"
set -- $(batch "$out/sweep700.csv" 1)
j1=$1
echo "  (b) -j 1: $1 s wall, $2 s user, $3 KB peak"
set -- $(batch "$out/sweep700.csv" 2)
echo "      -j 2: $1 s wall, $2 s user, $3 KB peak;" \
	"speed-up $(awk -v a="$j1" -v b="$1" 'BEGIN { printf "%.2f", a / b }')x" \
	"(target: >= 1.8x)"
set -- $(batch "$out/sweep70.csv" "$threads")
m70=$3
set -- $(batch "$out/sweep700.csv" "$threads")
echo "  (c) peak memory: 70 cases $m70 KB, 700 cases $3 KB"
