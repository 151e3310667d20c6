#!/bin/sh
# Shared-mutex benchmark: uncontended lock+unlock and two-process ping-pong, side by side, for
# this mutex from Java and from C, glibc's process-shared pthread mutex, and FileChannel.lock.
# Usage: shared-mutex/bench/run.sh  (after ./mvnw -pl shared-mutex -am verify or compile)
# Results go to stdout as a Markdown table; copy them to bench/RESULTS.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(dirname "$module")
out="$module/target/bench"
mkdir -p "$out"
. "$root/.mvn/find-jdk25.sh"   # sets JAVA_HOME to a JDK 25
java="$JAVA_HOME/bin/java"
javac="$JAVA_HOME/bin/javac"
cp="$module/target/classes:$root/runtime/target/classes:$root/arch/target/classes"
N_UNCONTENDED=${N_UNCONTENDED:-5000000}
N_FILELOCK=${N_FILELOCK:-50000}
N_PINGPONG=${N_PINGPONG:-20000}
N_PINGPONG_FILELOCK=${N_PINGPONG_FILELOCK:-300}
REPEAT=${REPEAT:-7}

src="$module/src/main/c"   # the library and its generated header (committed)
gcc -O2 -std=c11 -Wall -I "$src" "$src/shared_mutex.c" "$src/shared_mutex_sys.c" "$src/shared_region.c" "$here/bench.c" \
  -o "$out/bench" -pthread
"$javac" -d "$out" -cp "$cp" "$here/MutexBench.java"
file=/dev/shm/abilayout-bench-$$
trap 'rm -f "$file"' EXIT
"$out/bench" init "$file"

# two processes: ROLE 1 in the background, ROLE 0 (which prints) in the foreground
pair() { # pair "CMD0..." "CMD1..."
  sh -c "$2" & p=$!
  r=$(sh -c "$1")
  wait $p
  echo "$r"
}
c="$out/bench"
j="'$java' --enable-native-access=ALL-UNNAMED -cp '$out:$cp' MutexBench"

# name=command pairs, measured in interleaved rounds so that every variant sees the same mix of
# machine load; each figure is the best (least disturbed) of its REPEAT runs
set -- \
  u_java "$j uncontended ours $file $N_UNCONTENDED" \
  u_low "$j uncontended lowlevel $file $N_UNCONTENDED" \
  u_c "$c uncontended ours $file $N_UNCONTENDED" \
  u_pthread "$c uncontended pthread $file $N_UNCONTENDED" \
  u_robust "$c uncontended pthread-robust $file $N_UNCONTENDED" \
  u_filelock "$j uncontended filelock $file $N_FILELOCK" \
  p_java "pair \"$j pingpong ours $file $N_PINGPONG 0\" \"$j pingpong ours $file $N_PINGPONG 1\"" \
  p_mixed "pair \"$j pingpong ours $file $N_PINGPONG 0\" \"$c pingpong ours $file $N_PINGPONG 1\"" \
  p_c "pair \"$c pingpong ours $file $N_PINGPONG 0\" \"$c pingpong ours $file $N_PINGPONG 1\"" \
  p_pthread "pair \"$c pingpong pthread $file $N_PINGPONG 0\" \"$c pingpong pthread $file $N_PINGPONG 1\"" \
  p_filelock "pair \"$j pingpong filelock $file $N_PINGPONG_FILELOCK 0\" \"$j pingpong filelock $file $N_PINGPONG_FILELOCK 1\""
round=0
while [ $round -lt "$REPEAT" ]; do
  i=1
  while [ $i -lt $# ]; do
    eval "name=\${$i}; cmd=\${$((i + 1))}"
    v=$(eval "$cmd")
    eval "old=\${$name:-}"
    eval "$name=$(awk -v a="$v" -v b="$old" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }')"
    i=$((i + 2))
  done
  round=$((round + 1))
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "| lock | uncontended lock+unlock (ns/op) | vs glibc | two-process ping-pong (ns/round trip) | vs glibc |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| SharedMutex, Java (FFM futex), guard (try-with-resources) | $u_java | $(ratio "$u_java" "$u_pthread")× | $p_java (Java↔Java) | $(ratio "$p_java" "$p_pthread")× |"
echo "| LowLevelMutex, Java (lock/unlock by hand) | $u_low | $(ratio "$u_low" "$u_pthread")× | | |"
echo "| same protocol, C (shared_mutex.c) | $u_c | $(ratio "$u_c" "$u_pthread")× | $p_c (C↔C) | $(ratio "$p_c" "$p_pthread")× |"
echo "| same protocol, Java↔C | | | $p_mixed | $(ratio "$p_mixed" "$p_pthread")× |"
echo "| glibc pthread_mutex_t, PROCESS_SHARED | $u_pthread | 1.00× | $p_pthread (with pthread_cond_t) | 1.00× |"
echo "| glibc pthread_mutex_t, PROCESS_SHARED + ROBUST + ERRORCHECK | $u_robust | $(ratio "$u_robust" "$u_pthread")× | | |"
echo "| Java FileChannel.lock | $u_filelock | $(ratio "$u_filelock" "$u_pthread")× | $p_filelock (polling: no condition) | $(ratio "$p_filelock" "$p_pthread")× |"
echo
echo "FileChannel.lock vs SharedMutex (Java): uncontended $(ratio "$u_filelock" "$u_java")× slower, ping-pong $(ratio "$p_filelock" "$p_java")× slower"
echo "host: $(uname -srm), $(nproc) cores, $("$java" -version 2>&1 | head -1), $(gcc --version | head -1)"
