#!/usr/bin/env bash
# JMH: generated accessors vs hand-written FFM, ByteBuffer and JNA (issue 5). Results go to
# benchmarks/target/jmh.txt; the figures in docs/benchmarks.md come from here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .mvn/find-jdk25.sh
./mvnw -q -B -Dmaven.test.skip=true -pl benchmarks -am package >&2
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" org.openjdk.jmh.Main "$@" | tee benchmarks/target/jmh.txt
