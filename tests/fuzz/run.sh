#!/bin/sh
# make fuzz: runs each harness BUILD/fuzz_NAME for SECONDS with libFuzzer.
# Usage: run.sh BUILD SECONDS NAME...
#
# The working corpus of each harness is BUILD/corpus/NAME (kept between
# runs, seeded by seed.sh); its regression corpus tests/fuzz/regress/NAME
# is loaded too, so an old crash shows at once.  A crash, a leak, a
# sanitizer report or a hang (over 10 s for one input) stops that harness
# and leaves the input in BUILD/artifacts/NAME/; minimise it
# (BUILD/fuzz_NAME -minimize_crash=1 -runs=10000 FILE), fix the bug, and
# add the minimised file to tests/fuzz/regress/NAME/.
set -u
build=$1
seconds=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
failed=""
for name in "$@"; do
	corpus=$build/corpus/$name
	art=$build/artifacts/$name
	mkdir -p "$corpus" "$art" "$root/tests/fuzz/regress/$name"
	if [ -z "$(ls -A "$corpus")" ]; then
		sh "$root/tests/fuzz/seed.sh" "$name" "$corpus"
	fi
	echo "  FUZZ    $name for ${seconds}s (corpus $corpus)"
	log=$build/fuzz-$name.log
	if "$build/fuzz_$name" -max_total_time="$seconds" \
	       -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
	       -print_final_stats=1 -artifact_prefix="$art/" \
	       "$corpus" "$root/tests/fuzz/regress/$name" >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		echo "          $name: $runs executions, $(ls "$corpus" | wc -l) inputs in the corpus"
	else
		failed="$failed $name"
		echo "          $name FAILED: see $log and $art/" >&2
		grep -m3 'ERROR\|runtime error\|SUMMARY' "$log" >&2
	fi
done
[ -z "$failed" ] || { echo "make fuzz: failed:$failed" >&2; exit 1; }
