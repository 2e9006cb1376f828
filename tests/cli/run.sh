#!/bin/sh
# Command-line golden tests.
#
# Each folder tests/cli/cases/NAME holds:
#   cmd           a shell script, run in that folder with $EDTCO (the
#                 program), $ROOT (the repository) and $TMP (a fresh empty
#                 folder) set
#   expected.rc   its exit status (default 0)
#   expected.out  its standard output, byte for byte (optional)
#   expected.err  its standard error, byte for byte (optional)
#   post          a script that must then succeed, e.g. to check that no
#                 output folder was created (optional)
# Usage: run.sh PROGRAM [NAME-PATTERN].  UPDATE=1 rewrites the expected
# files from the actual output (then review them with git diff).
set -u
prog=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pattern=${2:-*}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export EDTCO="$prog" ROOT
pass=0
fail=0
for dir in "$ROOT"/tests/cli/cases/$pattern/; do
	[ -f "$dir/cmd" ] || continue
	name=$(basename "$dir")
	TMP=$(mktemp -d /tmp/edtco-cli-XXXXXX)
	export TMP
	(cd "$dir" && sh ./cmd >"$TMP/.out" 2>"$TMP/.err")
	rc=$?
	want_rc=0
	[ -f "$dir/expected.rc" ] && want_rc=$(cat "$dir/expected.rc")
	why=""
	if [ "${UPDATE:-}" = 1 ]; then
		echo "$rc" >"$dir/expected.rc"
		[ -f "$dir/expected.out" ] && cp "$TMP/.out" "$dir/expected.out"
		[ -f "$dir/expected.err" ] && cp "$TMP/.err" "$dir/expected.err"
		want_rc=$rc
	fi
	[ "$rc" = "$want_rc" ] || why="exit status $rc, want $want_rc"
	if [ -z "$why" ] && [ -f "$dir/expected.out" ] &&
	   ! cmp -s "$TMP/.out" "$dir/expected.out"; then
		why="stdout differs:
$(diff "$dir/expected.out" "$TMP/.out" | head -20)"
	fi
	if [ -z "$why" ] && [ -f "$dir/expected.err" ] &&
	   ! cmp -s "$TMP/.err" "$dir/expected.err"; then
		why="stderr differs:
$(diff "$dir/expected.err" "$TMP/.err" | head -20)"
	fi
	if [ -z "$why" ] && [ -f "$dir/post" ] &&
	   ! (cd "$dir" && sh ./post >"$TMP/.post" 2>&1); then
		why="post-check failed: $(cat "$TMP/.post")"
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $why" >&2
	fi
	rm -rf "$TMP"
done
echo "cli tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
