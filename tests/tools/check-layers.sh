#!/bin/sh
# Checks that each layer under src/ includes only the layers before it:
#   util < io < model < sim < analysis < output < chart < cli
# and that the libraries stay in their layers: libcsv in io/, GSL in sim/
# and analysis/, cairo in chart/; only cli/ prints.
set -u
cd "$(dirname "$0")/../.."
order="util io model sim analysis output chart cli"
status=0
rank() {
	i=0
	for l in $order; do
		[ "$l" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
	echo 99
}
for f in src/*/*.[ch]; do
	layer=$(basename "$(dirname "$f")")
	r=$(rank "$layer")
	for inc in $(sed -n 's/^#include "\([a-z]*\)\/.*"/\1/p' "$f"); do
		if [ "$(rank "$inc")" -gt "$r" ]; then
			echo "$f: layer '$layer' includes later layer '$inc'" >&2
			status=1
		fi
	done
done
bad() { # pattern, allowed-dirs-regex, what
	for f in $(grep -l "$1" src/*/*.[ch] 2>/dev/null); do
		echo "$f" | grep -Eq "$2" && continue
		echo "$f: $3" >&2
		status=1
	done
}
bad '#include <csv.h>' '^src/io/' 'libcsv outside src/io'
bad '#include <gsl/' '^src/(sim|analysis|cli)/' 'GSL outside the numeric layers'
bad '#include <cairo' '^src/chart/' 'cairo outside src/chart'
bad '\b\(printf\|puts\|fputs\|fprintf\|putchar\|perror\)(' '^src/(cli/|main\.c|util/mem\.c)' 'prints outside src/cli'
[ $status -eq 0 ] && echo "layers: every include points to an earlier layer"
exit $status
