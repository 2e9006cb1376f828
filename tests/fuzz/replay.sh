#!/bin/sh
# Replays the regression corpus of each harness: BINDIR/replay_NAME over
# every file of tests/fuzz/regress/NAME/ (make check, with the normal and
# the sanitizer builds).  Usage: replay.sh BINDIR NAME...
# A failure names the harness; rerun its replay binary on the files with
# EDTCO_FUZZ_VERBOSE=1 to see what it printed.
set -u
bindir=$1
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
fail=0
files=0
for name in "$@"; do
	set -- "$root"/tests/fuzz/regress/"$name"/*
	[ -e "$1" ] || continue
	if ! "$bindir/replay_$name" "$@"; then
		echo "FAIL fuzz regression corpus of $name (tests/fuzz/regress/$name)" >&2
		fail=$((fail + 1))
	fi
	files=$((files + $#))
done
echo "fuzz regressions: $files files replayed, $fail harnesses failed"
[ "$fail" -eq 0 ]
