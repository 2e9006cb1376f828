#!/bin/sh
# Installs the Debian packages named on the command line that are missing.
# As root it runs apt-get itself; otherwise it prints the exact command and
# fails, so that a fresh machine needs nothing but `make run` / `make check`.
set -u
missing=""
for p in "$@"; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)
	[ "$status" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "edtco: missing packages:$missing (install them with your package manager)" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "edtco: missing Debian packages; install them with:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "  APT     installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 ||
	{ apt-get update >/dev/null 2>&1 &&
	  apt-get install -y --no-install-recommends $missing; }
