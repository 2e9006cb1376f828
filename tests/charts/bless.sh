#!/bin/sh
# Re-blesses the reference images of tests/unit/test_chart_reference.c:
# draws the fixture's exhibits (tests/charts/fixture) as 72-dpi PNGs and
# copies them over tests/charts/ref/.  Use it after an intended change to
# the charts, or on a platform whose fonts or cairo differ from Debian 12's;
# then look at every image it wrote (git diff --stat tests/charts/ref
# lists the changed ones) before committing them.
#
# Usage: tests/charts/bless.sh [BUILD-FOLDER]   (default: build)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
make --no-print-directory BUILD="$build" "$build/tests/test_chart_reference"
EDTCO_BLESS=1 "$build/tests/test_chart_reference"
