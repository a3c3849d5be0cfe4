#!/usr/bin/env bash
# Starts Neo4j Community 5.26 from Maven Central on 127.0.0.1 (`npm run neo4j`). Settings: see Neo4jLocal.java.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# .env in the current folder fills in what the environment does not already set.
if [ -f .env ]; then
  while IFS='=' read -r key value || [ -n "$key" ]; do
    case "$key" in ''|\#*) continue ;; esac
    value="${value%\"}"; value="${value#\"}"; value="${value%\'}"; value="${value#\'}"
    if [ -z "${!key:-}" ]; then export "$key=$value"; fi
  done < .env
fi
command -v java >/dev/null || { echo "neo4j-local: java not found; install Java 17 (apt-get install openjdk-17-jre-headless), or use docker compose up -d" >&2; exit 127; }
classpath="$here/target/classpath.txt"
if [ ! -s "$classpath" ] || [ ! -f "$here/target/classes/Neo4jLocal.class" ] \
   || [ "$here/pom.xml" -nt "$classpath" ] || [ "$here/src/main/java/Neo4jLocal.java" -nt "$here/target/classes/Neo4jLocal.class" ]; then
  command -v mvn >/dev/null || { echo "neo4j-local: mvn not found; install Maven (apt-get install maven), or use docker compose up -d" >&2; exit 127; }
  echo "neo4j-local: fetching Neo4j 5.26 from Maven Central with Maven (the first time about 170 MB, a minute or two)…" >&2
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$classpath" >&2
fi
export NEO4J_LOCAL_HOME="${NEO4J_LOCAL_HOME:-$here/data}"
# exec: signals (Ctrl-C, SIGTERM) go straight to the JVM, which stops Neo4j cleanly.
heap="${NEO4J_HEAP:-512m}"
# -Xms = -Xmx, as Neo4j advises for a server: the heap is not resized while a load runs
# NEO4J_JAVA_OPTS: more JVM options, word-split on purpose (e.g. "-XX:+AlwaysPreTouch -Xlog:gc")
# shellcheck disable=SC2086
exec java -Xms"$heap" -Xmx"$heap" ${NEO4J_JAVA_OPTS:--XX:+UseG1GC} --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dfile.encoding=UTF-8 \
  -cp "$here/target/classes:$(cat "$classpath")" Neo4jLocal
