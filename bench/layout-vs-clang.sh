#!/usr/bin/env bash
# Lay out N random structs on every catalogue target, side by side with what a user would run
# instead, in one run, both sides using both cores:
#   abilayout:  one CLI process through ./abilayout (AOT cache included), `layout bench.layout
#               --target all --format FORMAT`, for FORMAT json and text
#   clang loop: `clang-19 -target T -fsyntax-only bench.c` once per clang target, two at a time
#               (`xargs -P 2`, as `make -j2` would); each struct has a sizeof assertion so clang
#               must lay it out
# For each: the median over RUNS of wall clock, CPU (user + system, children included) and peak
# resident memory (abilayout; the clang loop's is per process). Prints a table and the ratios.
# Usage: bench/layout-vs-clang.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-10000}
RUNS=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./abilayout targets >/dev/null   # builds the CLI (and its AOT cache) if needed
. .mvn/find-jdk25.sh
./mvnw -q -B -o -Dmaven.test.skip=true -pl abi-tests -am package >&2
cp="abi-tests/target/classes:$(ls -d layout-spec/target/classes arch/target/classes | paste -sd:)"
"$JAVA_HOME/bin/java" -cp "$cp" org.abilayout.abitests.bench.LayoutBenchCorpus "$N" 42 "$work" >&2

targets=$(./abilayout targets --format json | grep -o '"name": "[^"]*"' | cut -d'"' -f4)
clang_targets=$(for t in $targets; do [ "$t" = m68k-linux-gnu ] || echo "$t"; done)
ntargets=$(echo "$targets" | wc -l)
export work

measure() { # prints "wall cpu rss" of one run of the command
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
  awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4}' "$work/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$1" '{print $c}' | median; }

declare -A results
for _ in $(seq "$RUNS"); do
  for format in json text; do
    measure ./abilayout layout "$work/bench.layout" --target all --format "$format" >>"$work/abl-$format"
  done
  measure sh -c 'echo "$0" | xargs -P 2 -I{} clang-19 -target {} -ffreestanding -std=c2x -fsyntax-only -w "$work/bench.c"' \
    "$clang_targets" >>"$work/clang"
done
for f in abl-json abl-text clang; do
  results[$f.wall]=$(col 1 <"$work/$f"); results[$f.cpu]=$(col 2 <"$work/$f"); results[$f.rss]=$(col 3 <"$work/$f")
done
ratio() { echo "scale=1; $1 / $2" | bc; }
echo "structs: $N, targets: $ntargets (clang loop: $(echo "$clang_targets" | wc -l) clang targets, 2 at a time); medians of $RUNS runs"
printf '%-44s %9s %9s %12s\n' "" "wall (s)" "CPU (s)" "peak RSS"
printf '%-44s %9s %9s %9s MB\n' "abilayout layout --format json" "${results[abl-json.wall]}" "${results[abl-json.cpu]}" "$((results[abl-json.rss] / 1024))"
printf '%-44s %9s %9s %9s MB\n' "abilayout layout --format text" "${results[abl-text.wall]}" "${results[abl-text.cpu]}" "$((results[abl-text.rss] / 1024))"
printf '%-44s %9s %9s %9s MB\n' "clang-19 -fsyntax-only per target (-P 2)" "${results[clang.wall]}" "${results[clang.cpu]}" "$((results[clang.rss] / 1024))"
echo "clang loop / abilayout json: wall $(ratio "${results[clang.wall]}" "${results[abl-json.wall]}")x, CPU $(ratio "${results[clang.cpu]}" "${results[abl-json.cpu]}")x"
echo "text / json CPU: $(ratio "${results[abl-text.cpu]}" "${results[abl-json.cpu]}")x"
