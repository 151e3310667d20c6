#!/bin/sh
# What abilayout:generate costs a build in which nothing changed: `mvn -o compile` on a small
# project (eight classes), once without the plugin and once with it (plus the consumer IT's
# spec, C and Java generation), each run RUNS times after a warm-up, alternating; prints each
# median and their ratio, and the generate mojo's own time from the log timestamps. The whole
# build numbers need an otherwise idle machine (Maven's startup dominates them); the mojo's own
# time is steadier.
#
#   maven-plugin/bench/noop-overhead.sh [RUNS]        (default 7)
#
# The plugin comes from the IT repository that `./mvnw -pl maven-plugin -am verify` fills
# (maven-plugin/target/local-repo, or ABILAYOUT_IT_REPO); nothing is installed into ~/.m2.
set -eu
runs=${1:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
repo=${ABILAYOUT_IT_REPO:-$root/maven-plugin/target/local-repo}
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
if [ ! -d "$repo/org/abilayout/abilayout-maven-plugin/$version" ]; then
  echo "no abilayout-maven-plugin $version in $repo: run ./mvnw -pl maven-plugin -am verify first" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$root/maven-plugin/src/it/settings.xml" > "$work/settings.xml"

# $1: directory, $2: extra plugin XML
project() {
  mkdir -p "$1/src/main/java/bench" "$1/src/main/layout"
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>$(basename "$1")</artifactId><version>1</version>
  <properties>
    <maven.compiler.release>25</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>org.abilayout</groupId><artifactId>abilayout-runtime</artifactId><version>$version</version></dependency>
  </dependencies>
  <build>
    <pluginManagement><plugins>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
    </plugins></pluginManagement>
    <plugins>$2</plugins>
  </build>
</project>
POM
  for i in 1 2 3 4 5 6 7 8; do
    printf 'package bench;\n\npublic final class C%s {\n    public static int f(int x) { return x * %s; }\n}\n' "$i" "$i" \
      > "$1/src/main/java/bench/C$i.java"
  done
  cp "$root/maven-plugin/src/it/consumer/src/main/layout/counter.layout" "$1/src/main/layout/"
}
project "$work/without" ""
project "$work/with" "
      <plugin>
        <groupId>org.abilayout</groupId><artifactId>abilayout-maven-plugin</artifactId><version>$version</version>
        <executions><execution><goals><goal>generate</goal></goals></execution></executions>
      </plugin>"

# log lines carry a timestamp, so the time from the generate mojo's header to the next one is
# what the mojo itself took (with its class realm); both projects log the same way
mvn_compile() {
  (cd "$1" && "$root/mvnw" -o -B -s "$work/settings.xml" -Dmaven.repo.local="$repo" \
      -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS compile) \
    >"$work/last.log" 2>&1 || {
    cat "$work/last.log" >&2
    exit 1
  }
}
# milliseconds from the "--- abilayout:...:generate" line to the next mojo's line in last.log
mojo_millis() {
  awk '/ --- / { split($1, t, /[:.]/); ms = ((t[1] * 60 + t[2]) * 60 + t[3]) * 1000 + t[4]
                 if (start != "") { print ms - start; exit } if (/abilayout:.*:generate/) start = ms }' "$work/last.log"
}
millis() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# warm-up: the first build of each generates and compiles; later ones change nothing
mvn_compile "$work/without"
mvn_compile "$work/with"
: > "$work/without.ms"
: > "$work/with.ms"
: > "$work/mojo.ms"
i=0
while [ $i -lt "$runs" ]; do
  for p in without with; do
    t0=$(millis)
    mvn_compile "$work/$p"
    echo $(($(millis) - t0)) >> "$work/$p.ms"
    if [ $p = with ]; then
      grep -q 'nothing to generate' "$work/last.log" || { echo "the 'with' build was not a no-op" >&2; exit 1; }
      mojo_millis >> "$work/mojo.ms"
    fi
  done
  i=$((i + 1))
done
grep -E 'abilayout: .*nothing to generate|Nothing to compile' "$work/last.log" | sed 's/^[0-9:.]* //'
without=$(median < "$work/without.ms")
with=$(median < "$work/with.ms")
echo "runs: $runs each; without: $(tr '\n' ' ' < "$work/without.ms")ms; with: $(tr '\n' ' ' < "$work/with.ms")ms"
echo "median mvn -o compile, nothing changed: without plugin ${without} ms, with plugin ${with} ms"
awk -v a="$without" -v b="$with" 'BEGIN { printf "overhead: %+d ms, ratio %.3f\n", b - a, b / a }'
# runs alternate, so each pair saw about the same load: the median of the pairs' differences
# is steadier than the difference of the medians on a busy machine
paired=$(paste "$work/without.ms" "$work/with.ms" | awk '{ print $2 - $1 }' | median)
echo "median of paired differences (with - without): ${paired} ms"
echo "abilayout:generate itself (its log header to the next mojo's), median: $(median < "$work/mojo.ms") ms ($(tr '\n' ' ' < "$work/mojo.ms")ms)"
