#!/bin/sh
# The installation works without the source tree: `make install` into a
# staging DESTDIR, then from an empty folder: the manual found by man(1)
# and rendered without a warning, --help naming it, and the installed
# example found by name and run.  Then `make uninstall` leaves no file.
# Usage: check-install.sh BUILD (the build folder; make is run with it).
set -eu
build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
dest=$root/$build/install-test
prefix=/opt/edtco-test
rm -rf "$dest"
make -C "$root" --no-print-directory BUILD="$build" DESTDIR="$dest" \
	PREFIX="$prefix" install >/dev/null
p=$dest$prefix
fail() { echo "check-install: $*" >&2; exit 1; }
for f in bin/edtco share/man/man1/edtco.1 share/man/man5/edtco-scenario.5 \
	 share/man/man5/edtco-costs.5 share/man/man5/edtco-results.5 \
	 share/edtco/models/ny-district.csv share/edtco/models/tiny.csv \
	 share/edtco/data/ny-district-costs.csv share/edtco/data/README.md \
	 share/edtco/data/sweeps/ny-districts.csv; do
	[ -f "$p/$f" ] || fail "make install did not install $f"
done
for page in edtco edtco-scenario edtco-costs edtco-results; do
	file=$(MANPATH="$p/share/man" man -w "$page") ||
		fail "man -w $page: not found under $p/share/man"
	err=$(MANWIDTH=80 man -l "$file" 2>&1 >/dev/null)
	[ -z "$err" ] || fail "man -l $file: $err"
done
tmp=$(mktemp -d /tmp/edtco-install-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$p/bin/edtco" run --help | tail -n 1 | grep -q 'man edtco' ||
	fail "edtco run --help does not end naming its man page"
out=$("$p/bin/edtco" check --example ny-district) ||
	fail "edtco check --example ny-district failed"
case $out in
"$p/share/edtco/models/ny-district.csv: 3 options"*) ;;
*) fail "edtco check --example ny-district: $out" ;;
esac
"$p/bin/edtco" run --example tiny -n 1000 -q --no-charts ||
	fail "edtco run --example tiny failed"
[ -f out/tiny/summary.csv ] || fail "edtco run --example tiny wrote nothing"
make -C "$root" --no-print-directory BUILD="$build" DESTDIR="$dest" \
	PREFIX="$prefix" uninstall >/dev/null
left=$(find "$dest" -type f)
[ -z "$left" ] || fail "make uninstall left $left"
rm -rf "$dest"
echo "install test: passed"
