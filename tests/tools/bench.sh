#!/bin/sh
# make bench: times `edtco run` of the example scenario at one million
# trials (results written, no charts) and reports wall time and peak memory.
# A benchmark, not a test: it asserts nothing.
set -eu
prog=$1
scenario=$2
out=$(mktemp -d /tmp/edtco-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT
threads=$(getconf _NPROCESSORS_ONLN)
echo "bench: edtco run $scenario -n 1000000 ($threads threads)"
for run in 1 2 3; do
	/usr/bin/time -f "  run $run: %e s wall, %U s user, %M KB peak" \
		"$prog" run "$scenario" -n 1000000 -q -o "$out/run" --no-charts \
		2>&1 | grep -v '^$' || true
done
