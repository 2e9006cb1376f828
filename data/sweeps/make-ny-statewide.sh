#!/bin/sh
# Writes data/sweeps/ny-statewide.csv from data/ny-districts-2013-14.csv:
# one case per district outside New York City that belongs to a BOCES.
# POSIX sh and awk only (mawk or gawk); the output is the same byte for
# byte with either.  Usage, from the repository's top folder:
#   sh data/sweeps/make-ny-statewide.sh > data/sweeps/ny-statewide.csv
# The rule for the inputs that scale with size is in data/README.md
# ("Statewide sweep").
set -eu
src=${1:-data/ny-districts-2013-14.csv}
LC_ALL=C awk -F, -v q='"' '
# Scaled value: the main example sizes every input for Bethlehem CSD
# (4,702 students); a district of n students gets
# f(n) = 0.1 + 0.9 n / 4702 times it (10% fixed, 90% per student).
function f(n) { return 0.1 + 0.9 * n / 4702 }
function money(x) { return sprintf("%.0f", x) }
function fte(x) { return sprintf("%.3f", x) }
function thousands(n,   s) {
	s = n ""
	while (s ~ /[0-9][0-9][0-9][0-9]/)
		sub(/[0-9][0-9][0-9]($|,)/, ",&", s)
	return s
}
function ft(name, lo, li, hi, k) {
	return "," fte(lo * k) "," fte(li * k) "," fte(hi * k)
}
function pm(lo, li, hi, k) {
	return "," money(lo * k) "," money(li * k) "," money(hi * k)
}
NR == 1 {
	for (i = 1; i <= NF; i++)
		col[$i] = i
	printf "case,title,students,levy,full_value"
	printf ",aid_ratio,aid_ratio.low,aid_ratio.high"
	n = split("fte_ddc_cloud fte_ddc_boces fte_ddc_inhouse fte_admin_inhouse", p, " ")
	for (i = 1; i <= n; i++)
		printf ",%s,%s.low,%s.high", p[i], p[i], p[i]
	printf ",ric_custom_hours.low,ric_custom_hours.high"
	n = split("cloud/Integration and data migration|cloud/Forced migration if vendor shuts down|cloud/Initial training|cloud/Annual refresher training|inhouse/Migration from RIC service|inhouse/Server hardware purchase|inhouse/Initial training|inhouse/Annual refresher training", it, "|")
	for (i = 1; i <= n; i++)
		printf ",%s.low,%s.likely,%s.high", it[i], it[i], it[i]
	n = split("cloud/Exit and data migration at end of term|inhouse/Server maintenance, backup and recovery|boces/Annual user training", it2, "|")
	for (i = 1; i <= n; i++)
		printf ",%s%s.low%s,%s%s.high%s", q, it2[i], q, q, it2[i], q
	printf "\n"
	print "# Every New York district outside New York City that belongs to a BOCES (688), from data/ny-districts-2013-14.csv (NYSED enrollment 2013-14; NYS Comptroller fiscal 2014 filings): see data/README.md. Written by data/sweeps/make-ny-statewide.sh: edit the script, not this file."
	print "# levy = real property taxes + STAR payments (an approximation: the Comptroller publishes no levy column); full_value = full value of taxable property; both blank where the Comptroller has no figures. Aid ratios are illustrative (full published 0.36-0.90 range): no district ratio is included."
	print "# Staff time, RIC hours, migration, hosting, training and exit are the main example sized for 4,702 students times 0.1 + 0.9 x students / 4,702 (illustrative rule, data/README.md); breach exposure already scales with enrollment (records = students)."
	next
}
{
	b = $col["boces_name"]
	if (b == "" || b ~ /^NYC/)
		next
	n = $col["enrollment"] + 0
	k = f(n)
	beds = $col["id_beds"]
	name = $col["district_name"]
	tax = $col["osc_real_property_taxes_fy2014"]
	star = $col["osc_star_payments_fy2014"]
	fv = $col["osc_full_value_fy2014"]
	levy = (tax != "" && star != "") ? money(tax + star) : ""
	printf "beds-%s,%s%s, NY (%s; %s students, 2013-14): student-data service options 2015-16 to 2019-20%s,%d,%s,%s", \
		beds, q, name, b, thousands(n), q, n, levy, fv
	printf ",0.63,0.36,0.90"
	printf "%s", ft("", 0.3, 0.15, 0.5, k)
	printf "%s", ft("", 0.2, 0.1, 0.35, k)
	printf "%s", ft("", 0.35, 0.2, 0.6, k)
	printf "%s", ft("", 0.4, 0.25, 0.75, k)
	printf ",%s,%s", fte(20 * k), fte(80 * k)
	printf "%s", pm(10000, 21000, 75000, k)
	printf "%s", pm(10000, 21000, 75000, k)
	printf "%s", pm(5000, 15000, 40000, k)
	printf "%s", pm(2000, 5000, 12000, k)
	printf "%s", pm(10000, 21000, 75000, k)
	printf "%s", pm(10000, 25000, 50000, k)
	printf "%s", pm(5000, 15000, 40000, k)
	printf "%s", pm(2000, 5000, 12000, k)
	printf ",%s,%s", money(5000 * k), money(40000 * k)
	printf ",%s,%s", money(7500 * k), money(12500 * k)
	printf ",%s,%s", money(2000 * k), money(8000 * k)
	printf "\n"
}' "$src"
