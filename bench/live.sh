#!/usr/bin/env bash
# Issue 15 benchmark: MEMBERS members connected to one live meeting (server-sent events), the time from
# the chair's action (take up an item, open a vote, a vote cast, close the vote) to every member's
# screen having the new state, p50 and p99, beside POLLERS screens fetching the state once a second
# (the baseline); and the server's resident memory and thread count before and after the screens connect.
#
#   bench/live.sh                                   # MEMBERS=100 POLLERS=10 ROUNDS=10, port 8183
#   MEMBERS=200 ROUNDS=5 PORT=8190 bench/live.sh
#
# The server runs as its own JVM (H2 file database under WORK, seeded first by LiveBenchmark seed) so
# its memory is not mixed with the clients'; the clients are one JVM with java.net.http (no thread per stream).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MEMBERS="${MEMBERS:-100}"
POLLERS="${POLLERS:-10}"
ROUNDS="${ROUNDS:-10}"
PORT="${PORT:-8183}"
WORK="${WORK:-/tmp/live15/bench}"
APP_PID=""

cleanup() {
	set +e
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null
	fi
}
trap cleanup EXIT

cd "$ROOT"
rm -rf "$WORK" && mkdir -p "$WORK"
echo "# $(date -u +%FT%TZ) $(uptime)"
echo "# $(nproc) cores, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
build="test-compile dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=test"
mvn -q -B -o $build || mvn -q -B $build
CP="$(cat target/runtime-classpath.txt)"
cp -r target/classes "$WORK/classes" && cp -r target/test-classes "$WORK/test-classes"
DB="jdbc:h2:file:$WORK/db/paragraf;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
PROPS=(-Dspring.datasource.url="$DB" -Dparagraf.files.directory="$WORK/files" -Dlogging.level.root=WARN
	-Dspring.main.banner-mode=off -Dspring.jpa.properties.hibernate.search.backend.directory.root="$WORK/index")

echo "== seeding $MEMBERS members" >&2
java -Xmx1g "${PROPS[@]}" -cp "$WORK/test-classes:$WORK/classes:$CP" se.paragraf.proceedings.live.LiveBenchmark \
	seed "$WORK/seed.txt" "$MEMBERS" >"$WORK/seed.log" 2>&1

echo "== starting the server on 127.0.0.1:$PORT" >&2
java -Xmx512m "${PROPS[@]}" -Dserver.port="$PORT" -Dserver.address=127.0.0.1 -cp "$WORK/classes:$CP" \
	se.paragraf.ParagrafApplication >"$WORK/server.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
	curl -fs "http://127.0.0.1:$PORT/login" >/dev/null 2>&1 && break
	sleep 1
done
echo "# server: -Xmx512m, default Tomcat (200 threads max)"

java -Xmx512m -DseedFile="$WORK/seed.txt" -cp "$WORK/test-classes:$WORK/classes:$CP" \
	se.paragraf.proceedings.live.LiveBenchmark run "http://127.0.0.1:$PORT" "$APP_PID" 0 "$MEMBERS" "$POLLERS" "$ROUNDS"
