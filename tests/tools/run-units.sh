#!/bin/sh
# Runs every cmocka unit-test program given; prints their summaries and
# fails if any test fails.
set -u
failed=0
for t in "$@"; do
	if ! "$t"; then
		echo "FAILED: $t" >&2
		failed=$((failed + 1))
	fi
done
if [ "$failed" -ne 0 ]; then
	echo "unit tests: $failed program(s) failed" >&2
	exit 1
fi
echo "unit tests: $# program(s) passed"
