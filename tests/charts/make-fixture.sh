#!/bin/sh
# Writes tests/charts/fixture/: a small synthetic result folder for the
# chart tests (the files `edtco run` writes, with round numbers chosen so
# that tests can state exact expectations; not a simulation).  Run it from
# anywhere; the files are committed, and this script documents them.
#
# Three options (portal, boces = baseline, inhouse), three years
# 2015-16 .. 2017-18 plus an aid-only year 2018-19, 1,000 trials.
# net_pv percentiles are linear: value(p) = a + b p, so
#   portal  a = 100000, b = 1200 (base case 150000: percentile 41.67)
#   boces   a =  90000, b = 1000 (base case 135000: percentile 45)
#   inhouse a = 130000, b = 1400 (base case 200000 = value(50): 50)
set -eu
d=$(cd "$(dirname "$0")" && pwd)/fixture
mkdir -p "$d"
crlf() { sed 's/$/\r/'; }

# summary.csv: net_pv from the linear tables; the other money measures
# scaled; net_per_student_year a tenth of a percent of net_pv.
{
echo "option,label,measure,point,mean,sd,p5,p10,p25,p50,p75,p80,p90,p95,short_label"
awk 'BEGIN {
	split("portal boces inhouse", id, " ")
	lab["portal"] = "Cloud portal"; lab["boces"] = "BOCES service"
	lab["inhouse"] = "In-house"
	a["portal"] = 100000; b["portal"] = 1200; pt["portal"] = 150000
	a["boces"] = 90000; b["boces"] = 1000; pt["boces"] = 135000
	a["inhouse"] = 130000; b["inhouse"] = 1400; pt["inhouse"] = 200000
	split("gross_nominal net_nominal gross_pv net_pv net_per_student_year", m, " ")
	split("1.1 1.05 1.02 1 0.001", f, " ")
	split("5 10 25 50 75 80 90 95", q, " ")
	for (i = 1; i <= 3; i++) for (k = 1; k <= 5; k++) {
		o = id[i]
		s = sprintf("%s,%s,%s,%.2f,%.2f,%.2f", o, lab[o], m[k],
			pt[o] * f[k], (a[o] + 50 * b[o]) * f[k], 25 * b[o] * f[k])
		for (j = 1; j <= 8; j++)
			s = s sprintf(",%.2f", (a[o] + q[j] * b[o]) * f[k])
		print s ","
	}
}'
} | crlf >"$d/summary.csv"

# years.csv: gross year t of option o = g(o) (1 + 0.1 (t - 1)), spread
# widening with t; net = gross except boces (60% after aid from year 2, and
# aid of -40% of year 3 in the aid-only year 4); cumulative = running sums.
{
echo "option,year,year_label,flow,mean,p5,p10,p25,p50,p75,p80,p90,p95"
awk 'BEGIN {
	split("portal boces inhouse", id, " ")
	g["portal"] = 50000; g["boces"] = 45000; g["inhouse"] = 65000
	split("0.8 0.85 0.92 1 1.08 1.1 1.18 1.25", f, " ")
	split("2015-16 2016-17 2017-18 2018-19", lab, " ")
	for (i = 1; i <= 3; i++) {
		o = id[i]
		for (fl = 1; fl <= 3; fl++) {
			for (j = 1; j <= 9; j++) cum[j] = 0
			last = fl == 1 ? 3 : 4
			for (t = 1; t <= last; t++) {
				base = t <= 3 ? g[o] * (1 + 0.1 * (t - 1)) : 0
				net = base
				if (o == "boces" && t >= 2) net = base * 0.6
				if (o == "boces" && t == 4) net = -0.4 * g[o] * 1.2
				v = fl == 1 ? base : net
				name = fl == 1 ? "gross" : fl == 2 ? "net" : "cumulative_net"
				s = sprintf("%s,%d,%s,%s", o, t, lab[t], name)
				for (j = 0; j <= 8; j++) {
					x = j == 0 ? v : v * (1 + (f[j] - 1) * (1 + 0.5 * (t - 1)))
					if (v < 0 && j > 0) x = v * (1 - (f[j] - 1))
					cum[j + 1] += x
					s = s sprintf(",%.2f", fl == 3 ? cum[j + 1] : x)
				}
				print s
			}
		}
	}
}'
} | crlf >"$d/years.csv"

# compare.csv
{
echo "option,baseline,measure,mean_diff,p5,p10,p25,p50,p75,p80,p90,p95,p_cheaper,p_cheaper_se,break_even_year,break_even_label,p_best,p_best_baseline,p_tied"
for m in gross_nominal net_nominal gross_pv net_pv net_per_student_year; do
	echo "portal,boces,$m,20000.00,-25000.00,-15000.00,2000.00,18000.00,35000.00,40000.00,52000.00,60000.00,0.15,0.011291589790636214,none,none,0.2,0.8,0"
done
for m in gross_nominal net_nominal gross_pv net_pv net_per_student_year; do
	echo "inhouse,boces,$m,60000.00,8000.00,15000.00,35000.00,58000.00,80000.00,86000.00,100000.00,108000.00,0.004,0.0019959959919839679,1,2015-16,0,0.8,0"
done
} | crlf >"$d/compare.csv"

# distribution.csv: the linear tables.
{
echo "option,measure,percentile,value"
awk 'BEGIN {
	split("portal boces inhouse", id, " ")
	a["portal"] = 100000; b["portal"] = 1200
	a["boces"] = 90000; b["boces"] = 1000
	a["inhouse"] = 130000; b["inhouse"] = 1400
	for (i = 1; i <= 3; i++) for (p = 0; p <= 100; p++)
		printf "%s,net_pv,%d,%.2f\n", id[i], p, a[id[i]] + b[id[i]] * p
}'
} | crlf >"$d/distribution.csv"

# histogram.csv: portal - boces in bins of 10,000 from -40,000 (150 of
# 1,000 trials below 0); inhouse - boces in bins of 20,000 from -20,000
# (4 below 0).
{
echo "option,baseline,measure,bin_low,bin_high,count,share"
awk 'BEGIN {
	n = split("10 20 40 80 150 250 200 120 80 40 10", c, " ")
	for (i = 1; i <= n; i++)
		printf "portal,boces,net_pv,%.2f,%.2f,%d,%g\n", -40000 + (i - 1) * 10000,
			-40000 + i * 10000, c[i], c[i] / 1000
	n = split("4 46 150 300 300 150 50", c, " ")
	for (i = 1; i <= n; i++)
		printf "inhouse,boces,net_pv,%.2f,%.2f,%d,%g\n", -20000 + (i - 1) * 20000,
			-20000 + i * 20000, c[i], c[i] / 1000
}'
} | crlf >"$d/histogram.csv"

crlf >"$d/categories.csv" <<'CSV'
option,category,gross_pv_mean,net_pv_mean,gross_pv_point,net_pv_point
portal,Exit,10000.00,10000.00,9000.00,9000.00
portal,Licensing,100000.00,100000.00,95000.00,95000.00
portal,Staff,50000.00,50000.00,46000.00,46000.00
boces,Licensing,130000.00,90000.00,125000.00,88000.00
boces,Staff,40000.00,40000.00,38000.00,38000.00
boces,Training,10000.00,10000.00,9000.00,9000.00
inhouse,Licensing,60000.00,60000.00,58000.00,58000.00
inhouse,Staff,120000.00,120000.00,122000.00,122000.00
inhouse,Training,20000.00,20000.00,20000.00,20000.00
CSV

crlf >"$d/inputs.csv" <<'CSV'
kind,option,name,category,quantity,dist,low,likely,high,point,per,start,end,escalation,probability,payer,aid,group,source,label,unit
parameter,,students,,,fixed,,1000,,1000,,,,,,,,,fixture enrollment,,
parameter,,enrollment_growth,,,uniform,-0.02,,0.01,-0.005,,,,,,,,,illustrative,,
parameter,,aid_ratio,,,fixed,,0.5,,0.5,,,,,,,,,illustrative,,
parameter,,discount_rate,,,fixed,,0.03,,0.03,,,,,,,,,illustrative,,
parameter,,breach_p,,,pert,0.01,0.02,0.05,0.02,,,,,,,,,"a long source text that wraps over several lines of the assumptions table, so that its row is taller than the others",,
item,portal,Fee,Licensing,students,triangular,2,3.5,5,3.5,year,1,3,0.02,1,district,0,,vendor quote,,
item,portal,Exit,Exit,1,fixed,,10000,,10000,once,3,3,0,1,district,0,,illustrative,,
item,boces,Service,Licensing,students,triangular,9,11,14,11,year,1,3,0.02,1,district,1,,illustrative,,
item,inhouse,Staff time,Staff,1,pert,40000,50000,80000,50000,year,1,3,0,1,district,0,staff,illustrative,,
CSV

crlf >"$d/provenance.csv" <<'CSV'
key,value
program,edtco
version,0.1.0
command,edtco run tests/charts/fixture/scenario.csv
title,Chart fixture: three options over three years
seed,7
trials,1000
generator,Philox4x32-10 (fixture)
percentiles,linear interpolation between order statistics (Hyndman-Fan type 7)
discounting,end of year: a flow of year t is divided by (1 + discount_rate)^t
aid,"aid_ratio x aidable share x cost, paid aid_lag years later, counted even after the horizon"
baseline,boces
input_file,tests/charts/fixture/scenario.csv
input_sha256,00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
input_file,tests/charts/fixture/costs.csv
input_sha256,ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100
CSV

# sensitivity.csv: twelve inputs for portal-boces (base +15,000; breach_p
# crosses $0), two for inhouse-boces, and rows of single options, which
# the tornado must leave out.
{
echo "input,output,input_p10,input_p90,output_at_p10,output_at_p90,output_point,swing,rank_correlation,kind,occurrence_year"
echo "breach_p,portal-boces,0.012,0.04,-5000.00,40000.00,15000.00,45000.00,0.61,value,"
echo "portal/Fee,portal-boces,2.4,4.6,2000.00,30000.00,15000.00,28000.00,0.5,value,"
echo "boces/Service,portal-boces,9.8,12.9,27000.00,1000.00,15000.00,26000.00,-0.45,value,"
echo "enrollment_growth,portal-boces,-0.017,0.007,12000.00,19000.00,15000.00,7000.00,0.08,value,"
for i in 1 2 3 4 5 6 7 8; do
	echo "x$i,portal-boces,1,2,$((15000 - 600 * (9 - i))).00,$((15000 + 300 * (9 - i))).00,15000.00,$((900 * (9 - i))).00,,value,"
done
echo "inhouse/Staff time,inhouse-boces,43000,68000,52000.00,80000.00,65000.00,28000.00,0.9,value,"
echo "boces/Service,inhouse-boces,9.8,12.9,77000.00,51000.00,65000.00,26000.00,-0.3,value,"
echo "portal/Fee,portal,2.4,4.6,137000.00,165000.00,150000.00,28000.00,0.7,value,"
echo "boces/Service,boces,9.8,12.9,123000.00,149000.00,135000.00,26000.00,0.8,value,"
} | crlf >"$d/sensitivity.csv"

# budget.csv: the operating budget (50/80/90%) of each year and of the
# total, round numbers; portal and inhouse have risk events (expected
# 9,000 and 5,000 in all, at least one in 25% and 12% of trials), boces
# none; boces' aid-only year 4 is negative, and it receives aid of 27,000 in
# each of years 2 to 4 (81,000 in all).  The reserve columns are the
# levels minus the point, which is the operating point plus the risk's.
{
echo "option,year,year_label,point,p50,p80,p90,reserve_p80,reserve_p50,reserve_p90,operating_point,operating_p50,operating_p80,operating_p90,risk_mean,risk_p90,p_risk_event,aid_mean"
awk 'BEGIN {
	split("portal boces inhouse", id, " ")
	split("2015-16 2016-17 2017-18 2018-19", lab, " ")
	p50["portal"] = 40000; p80["portal"] = 50000; p90["portal"] = 55000
	p50["boces"] = 36000; p80["boces"] = 45000; p90["boces"] = 50000
	p50["inhouse"] = 60000; p80["inhouse"] = 70000; p90["inhouse"] = 80000
	rm["portal"] = 3000; rm["boces"] = 0; rm["inhouse"] = 5000.0 / 3
	tp["portal"] = "120000 140000 150000 9000 20000 0.25"
	tp["boces"] = "90000 105000 112000 0 0 0"
	tp["inhouse"] = "180000 200000 215000 5000 10000 0.12"
	for (i = 1; i <= 3; i++) {
		o = id[i]
		for (t = 1; t <= 4; t++) {
			a = p50[o]; b = p80[o]; c = p90[o]; r = rm[o]
			if (t == 4) { a = 0; b = 0; c = 0; r = 0 }
			if (t == 4 && o == "boces") { a = -21600; b = -20000; c = -19000 }
			pt = t == 4 && o != "boces" ? 0 : b - 5000
			aid = o == "boces" && t >= 2 ? 27000 : 0
			printf "%s,%d,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,0.00,,%.2f\n", o, t, lab[t], pt + r, a, b, c, b - pt - r, a - pt - r, c - pt - r, pt, a, b, c, r, aid
		}
		split(tp[o], v, " ")
		pt = v[2] - 15000
		printf "%s,total,2015-16 to 2018-19,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%s,%.2f\n", o, pt + v[4], v[1], v[2], v[3], v[2] - pt - v[4], v[1] - pt - v[4], v[3] - pt - v[4], pt, v[1], v[2], v[3], v[4], v[5], v[6], o == "boces" ? 81000 : 0
	}
}'
} | crlf >"$d/budget.csv"

crlf >"$d/findings.csv" <<'CSV'
key,text
headline,BOCES service is cheapest in 85% of futures
title.fan,Fixture fan title: in-house costs the most each year
title.scurve,Fixture S-curve title: BOCES is cheapest at 80% confidence
title.tornado.portal,Fixture tornado title: breach_p moves the difference most
title.histogram.portal,Fixture histogram title: BOCES cheaper in 85%
title.breakdown,Fixture breakdown title: licensing leads two options
title.per_student,Fixture per-student title: BOCES costs least
title.budget,Fixture budget title: BOCES needs the smallest budget
finding.1,"First finding sentence, long enough to wrap onto a second line of the findings page of the packet, which it does."
finding.2,Second finding sentence.
CSV
echo "wrote $d"
