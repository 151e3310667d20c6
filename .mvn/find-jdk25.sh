# Sourced by ./mvnw and ./abilayout (POSIX sh). Makes JAVA_HOME point at a JDK 25:
# keeps a JAVA_HOME that already is one, else looks under /usr/lib/jvm and
# /Library/Java/JavaVirtualMachines, else stops with one line saying what to set.
abilayout_java_major() {
  # a JDK image's release file says its version without starting a JVM (about 0.1 s saved on
  # every ./abilayout); ask the JVM only where there is none
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}
abilayout_find_jdk25() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ] &&
     [ "$(abilayout_java_major "$JAVA_HOME")" = 25 ]; then
    return 0
  fi
  set +f  # callers may run with globbing off (mvnw uses set -f)
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    if [ -x "$candidate/bin/javac" ] && [ "$(abilayout_java_major "$candidate")" = 25 ]; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "abilayout needs a JDK 25: set JAVA_HOME to one (none found in JAVA_HOME or /usr/lib/jvm)" >&2
  exit 1
}
abilayout_find_jdk25
