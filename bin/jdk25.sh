# Sourced by the scripts in bin/ and .ci/run: exports JAVA_HOME pointing at a JDK 25 or stops with a clear message.
# Order: an existing JAVA_HOME that is JDK 25+, then /usr/lib/jvm/*25*, then any /usr/lib/jvm/* that reports 25+.
blackbox_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
blackbox_find_jdk25() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(blackbox_java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}
if ! BLACKBOX_JDK=$(blackbox_find_jdk25); then
  echo "error: no JDK 25 found. Set JAVA_HOME to a JDK 25 or install one under /usr/lib/jvm (e.g. temurin-25-jdk)." >&2
  exit 1
fi
export JAVA_HOME="$BLACKBOX_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
