#!/usr/bin/env bash
# Issue 12 benchmark: the pages a signed-in secretary works in, under wrk with her session cookie.
# Target: p99 under 100 ms at 16 connections for the secretary's meeting page (/meetings/{id}), the
# conduct page (/meetings/{id}/conduct) and a matter with its officer's report (/matters/{id}).
#
# Usage:
#   bench/signed-in-pages.sh                          # DURATION=20s WARMUP=10s THREADS=2 CONNECTIONS=16
#   DURATION=5s WARMUP=3s bench/signed-in-pages.sh    # a short smoke run (a busy machine: numbers are not results)
#   PAGES="meeting matter" KEEP=1 bench/signed-in-pages.sh
#   APP_PORT=8191 bench/signed-in-pages.sh            # the port Paragraf listens on (default: a free one)
#
# Paragraf starts with the demo profile on in-memory H2 (the meeting of 5 December 2023 with its six items
# and their full reports); the demo secretary signs in through the login form (CSRF token from the form),
# and wrk sends her session cookie with every request (-H 'Cookie: JSESSIONID=…'). Each page is checked
# to answer 200 with her name on it before it is measured, so a lost session cannot pass as a fast page.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
PAGES="${PAGES:-meeting conduct matter}"
PASSWORD="bench-password-$RANDOM$RANDOM"
WORK="$(mktemp -d /tmp/paragraf-signed-in.XXXXXX)"
APP_PID=""

cleanup() {
	set +e
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null
	fi
	if [[ "${KEEP:-0}" == 1 ]]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log() { echo "== $*" >&2; }

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

# --- build and start (as bench/public-pages.sh) ------------------------------------------------
executable_jar() {
	local jar
	for jar in "$ROOT"/target/paragraf-*.jar; do
		[[ -f "$jar" && "$jar" != *original* ]] && unzip -l "$jar" 2>/dev/null | grep -c BOOT-INF/ >/dev/null && { echo "$jar"; return; }
	done
	return 0
}
if [[ "${REBUILD:-0}" == 1 || ( -z "$(executable_jar)" && ! -d "$ROOT/target/classes" ) ]]; then
	log "building Paragraf"
	(cd "$ROOT" && { mvn -q -B -ntp -o -DskipTests package || mvn -q -B -ntp -DskipTests package || true; })
fi
JAR="$(executable_jar)"
if [[ -n "$JAR" ]]; then
	LAUNCH=(-jar "$JAR")
else
	log "no executable jar: running target/classes with the Maven runtime classpath"
	(cd "$ROOT" && mvn -q -B -ntp -o dependency:build-classpath -Dmdep.includeScope=runtime \
		-Dmdep.outputFile="$WORK/classpath.txt" >/dev/null)
	LAUNCH=(-cp "$ROOT/target/classes:$(cat "$WORK/classpath.txt")" se.paragraf.ParagrafApplication)
fi

APP_PORT="${APP_PORT:-$(free_port)}"
APP="http://127.0.0.1:$APP_PORT"
log "starting Paragraf on $APP (demo profile, in-memory H2)"
PARAGRAF_DEMO_PASSWORD="$PASSWORD" java ${JAVA_OPTS:-} "${LAUNCH[@]}" \
	--spring.profiles.active=demo \
	--spring.datasource.url="jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
	--server.address=127.0.0.1 --server.port="$APP_PORT" \
	--paragraf.files.directory="$WORK/files" \
	--spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/index" \
	>"$WORK/paragraf.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 "${START_TIMEOUT:-900}"); do
	if curl -fs -o /dev/null "$APP/public/meetings"; then break; fi
	kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/paragraf.log" >&2; exit 1; }
	sleep 1
done
curl -fs -o /dev/null "$APP/public/meetings" || { log "Paragraf did not start"; tail -50 "$WORK/paragraf.log" >&2; exit 1; }

# --- the demo meeting and a matter with its report ---------------------------------------------
api() { curl -fsS -u "sekreterare:$PASSWORD" "$APP/api/v1$1" || { log "GET /api/v1$1 failed"; return 1; }; }
# The public pages answer before the demo is loaded (accounts, meeting, its published notice): wait for the meeting.
MEETING_ID=""
MATTER_ID=""
for _ in $(seq 1 "${START_TIMEOUT:-900}"); do
	MEETING_ID="$(curl -fsS -u "sekreterare:$PASSWORD" "$APP/api/v1/boards/GSN/meetings?year=2023" 2>/dev/null \
		| jq -r 'map(select(.start | startswith("2023-12-05"))) | .[0].id // empty' || true)"
	if [[ -n "$MEETING_ID" ]]; then
		# Loaded when its notice is published (the demo's last step); then the first item's matter.
		MATTER_ID="$(curl -fsS -u "sekreterare:$PASSWORD" "$APP/api/v1/meetings/$MEETING_ID" 2>/dev/null \
			| jq -r 'select((.notices | length) > 0) | [.agenda[] | select(.matterId != null)] | .[0].matterId // empty' || true)"
		[[ -n "$MATTER_ID" ]] && break
	fi
	sleep 1
done
[[ "$MEETING_ID" =~ ^[0-9]+$ && "$MATTER_ID" =~ ^[0-9]+$ ]] || { log "demo meeting or matter not found"; exit 1; }

# --- sign in through the form, as a browser does -----------------------------------------------
JAR_FILE="$WORK/cookies.txt"
TOKEN="$(curl -fsS -c "$JAR_FILE" -b "$JAR_FILE" "$APP/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
[[ -n "$TOKEN" ]] || { log "no CSRF token in the login form"; exit 1; }
curl -fsS -o /dev/null -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "username=sekreterare" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$TOKEN" "$APP/login"
SESSION="$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_FILE" | tail -1)"
[[ -n "$SESSION" ]] || { log "sign-in gave no session cookie"; exit 1; }
COOKIE="JSESSIONID=$SESSION"

declare -A URL=(
	[meeting]="/meetings/$MEETING_ID"
	[conduct]="/meetings/$MEETING_ID/conduct"
	[matter]="/matters/$MATTER_ID"
)
for page in $PAGES; do
	status="$(curl -sS -o "$WORK/$page.html" -w '%{http_code}' -H "Cookie: $COOKIE" "$APP${URL[$page]}")"
	[[ "$status" == 200 ]] || { log "$page: ${URL[$page]} answered $status (not signed in?)"; exit 1; }
	grep -q 'action="[^"]*/logout"' "$WORK/$page.html" || { log "$page: ${URL[$page]} is not a signed-in page"; exit 1; }
	log "$page: ${URL[$page]}, $(wc -c <"$WORK/$page.html") bytes"
done

# --- measure -----------------------------------------------------------------------------------
run_wrk() { # label url duration
	log "wrk -t$THREADS -c$CONNECTIONS -d$3 --latency $2 ($1)"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "Cookie: $COOKIE" "$2" >"$WORK/wrk-$1.txt"
	grep -E 'Requests/sec|Latency  |requests in|Non-2xx|Socket errors' "$WORK/wrk-$1.txt" >&2
}
rps() { awk '/^Requests\/sec/ { print $2 }' "$WORK/wrk-$1.txt"; }
pct() { awk -v p="$2" '$1 == p { print $2 }' "$WORK/wrk-$1.txt"; }
non2xx() { awk '/Non-2xx/ { print $NF }' "$WORK/wrk-$1.txt"; }
timeouts() { awk '/Socket errors/ { print $NF }' "$WORK/wrk-$1.txt"; }

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION -H 'Cookie: JSESSIONID=…' (after $WARMUP of warm-up each)"
for page in $PAGES; do
	run_wrk "$page-warmup" "$APP${URL[$page]}" "$WARMUP" 2>/dev/null
	run_wrk "$page" "$APP${URL[$page]}" "$DURATION"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

printf '%-8s %-34s %9s %9s %9s %9s %8s %8s %s\n' page url req/s p50 p90 p99 non-2xx timeouts target
for page in $PAGES; do
	awk -v page="$page" -v url="${URL[$page]}" -v r="$(rps "$page")" -v p50="$(pct "$page" 50%)" \
		-v p90="$(pct "$page" 90%)" -v p99="$(pct "$page" 99%)" -v bad="$(non2xx "$page")" \
		-v late="$(timeouts "$page")" 'BEGIN {
		ms = p99 ~ /us$/ ? p99 / 1000 : (p99 ~ /ms$/ ? p99 + 0 : (p99 ~ /s$/ ? p99 * 1000 : p99))
		# wrk leaves requests that took longer than its 2 s timeout out of the latencies: they count as missed.
		met = ms < 100 && bad == "" && (late == "" || late == 0) && r > 0
		printf "%-8s %-34s %9.0f %9s %9s %9s %8s %8s %s\n", page, url, r, p50, p90, p99, (bad == "" ? 0 : bad),
			(late == "" ? 0 : late), (met ? "met" : "missed") " (p99 < 100 ms)"
	}'
done
