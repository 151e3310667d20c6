#!/usr/bin/env bash
# Benchmark of issue 2: lay out N random structs on every catalogue target.
#   abilayout:  one CLI process, `abilayout layout bench.layout --target all --format json`
#   clang loop: `clang-19 -target T -fsyntax-only bench.c` once per clang target (what a user
#               would run to get the same layouts from the compiler; each struct has a sizeof
#               assertion so clang must lay it out)
# Prints the median of RUNS wall-clock runs of each and the ratio. Usage: bench/layout-vs-clang.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-10000}
RUNS=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./abilayout targets >/dev/null   # builds the CLI if needed
. .mvn/find-jdk25.sh
./mvnw -q -B -o -Dmaven.test.skip=true -pl abi-tests -am package >&2
cp="abi-tests/target/classes:$(ls -d layout-spec/target/classes arch/target/classes | paste -sd:)"
"$JAVA_HOME/bin/java" -cp "$cp" org.abilayout.abitests.bench.LayoutBenchCorpus "$N" 42 "$work" >&2

targets=$(./abilayout targets --format json | grep -o '"name": "[^"]*"' | cut -d'"' -f4)
clang_targets=$(for t in $targets; do [ "$t" = m68k-linux-gnu ] || echo "$t"; done)
ntargets=$(echo "$targets" | wc -l)

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

abl=(); clg=()
for _ in $(seq "$RUNS"); do
  s=$(now); ./abilayout layout "$work/bench.layout" --target all --format json >/dev/null; e=$(now)
  abl+=("$(echo "$e - $s" | bc)")
  s=$(now); for t in $clang_targets; do clang-19 -target "$t" -ffreestanding -std=c2x -fsyntax-only -w "$work/bench.c"; done; e=$(now)
  clg+=("$(echo "$e - $s" | bc)")
done
a=$(printf '%s\n' "${abl[@]}" | median)
c=$(printf '%s\n' "${clg[@]}" | median)
echo "structs: $N, targets: $ntargets (clang loop: $(echo "$clang_targets" | wc -l) clang targets)"
echo "abilayout layout (one process, all targets, json): ${a} s   runs: ${abl[*]}"
echo "clang-19 -fsyntax-only once per target:            ${c} s   runs: ${clg[*]}"
echo "ratio (clang loop / abilayout): $(echo "scale=1; $c / $a" | bc)x"
