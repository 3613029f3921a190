#!/usr/bin/env bash
# Measures the benchmark programs with real Go (built binary) and with yaegi, 3 runs each,
# and prints the median wall time and peak RSS per program and runner (docs/calibration.md).
set -euo pipefail
GO=${GO:-/usr/lib/go-1.23/bin/go}
YAEGI=${YAEGI:-/usr/bin/yaegi}
RUNS=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure LABEL ENV... -- CMD...: prints "LABEL median_wall_s median_maxrss_kb".
measure() {
	local label=$1
	shift
	local walls=() rss=()
	for _ in $(seq "$RUNS"); do
		local t0 t1
		t0=$(date +%s%N)
		/usr/bin/time -v -o "$work/time.txt" env "$@" >/dev/null
		t1=$(date +%s%N)
		# /usr/bin/time reports wall time in 10 ms steps; measure it in ns instead.
		walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
		rss+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")")
	done
	local mw mr
	mw=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	mr=$(printf '%s\n' "${rss[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
	printf '%-40s wall %8.3f s  maxrss %8d KiB  (runs: %s)\n' "$label" "$mw" "$mr" "${walls[*]}"
}

for prog in cpu_bound mutex_100k; do
	mkdir -p "$work/$prog"
	cp "$here/$prog.go" "$work/$prog/main.go"
	printf 'module prog\n\ngo 1.23\n' >"$work/$prog/go.mod"
	(cd "$work/$prog" && GOTOOLCHAIN=local "$GO" build -o "$work/$prog/bin" .)
	measure "$prog go1.23 GOMAXPROCS=4" GOMAXPROCS=4 "$work/$prog/bin"
	measure "$prog go1.23 GOMAXPROCS=1" GOMAXPROCS=1 "$work/$prog/bin"
	measure "$prog yaegi GOMAXPROCS=1" GOMAXPROCS=1 "$YAEGI" run "$here/$prog.go"
	measure "$prog yaegi default" "$YAEGI" run "$here/$prog.go"
done
