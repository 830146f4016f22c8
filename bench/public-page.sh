#!/usr/bin/env bash
# Issue 6 benchmark: a published meeting notice with 30 agenda items, served by Paragraf, against nginx
# serving the same HTML as a static file, both under wrk with 64 connections on loopback in the same run.
#
#   bench/public-page.sh            # builds the jar if missing, runs 20 s per server
#   DURATION=30s REBUILD=1 bench/public-page.sh
#
# Everything it starts (Paragraf, nginx) listens on 127.0.0.1 only and is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
PASSWORD="bench-password-$RANDOM$RANDOM"
WORK="$(mktemp -d /tmp/paragraf-bench.XXXXXX)"
chmod 755 "$WORK"
APP_PID=""
NGINX_PID=""

cleanup() {
	set +e
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null
	fi
	if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
		kill "$NGINX_PID"
		wait "$NGINX_PID" 2>/dev/null
	fi
	if [[ "${KEEP:-0}" == 1 ]]; then
		echo "logs kept in $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT

source "$ROOT/bench/lib.sh" # log, free_port, start_nginx

# --- tools -------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null || { ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; }; then
	log "installing wrk and nginx"
	apt-get install -y wrk nginx-light >/dev/null 2>&1 \
		|| { apt-get update >/dev/null && apt-get install -y wrk nginx-light >/dev/null 2>&1; } \
		|| apt-get install -y wrk nginx >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# --- build -------------------------------------------------------------------------------------
JAR="$(ls "$ROOT"/target/paragraf-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ -z "$JAR" || "${REBUILD:-0}" == 1 ]]; then
	log "building Paragraf"
	(cd "$ROOT" && { mvn -q -B -o -DskipTests package || mvn -q -B -DskipTests package; })
	JAR="$(ls "$ROOT"/target/paragraf-*.jar | grep -v original | head -1)"
fi

# --- Paragraf ----------------------------------------------------------------------------------
APP_PORT="$(free_port)"
APP="http://127.0.0.1:$APP_PORT"
log "starting Paragraf on $APP (demo profile, in-memory H2)"
PARAGRAF_DEMO_PASSWORD="$PASSWORD" java -jar "$JAR" \
	--spring.profiles.active=demo \
	--spring.datasource.url="jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
	--server.address=127.0.0.1 --server.port="$APP_PORT" \
	--paragraf.files.directory="$WORK/files" \
	>"$WORK/paragraf.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
	if curl -fs -o /dev/null "$APP/public/meetings"; then break; fi
	kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/paragraf.log" >&2; exit 1; }
	sleep 1
done
curl -fs -o /dev/null "$APP/public/meetings" || { log "Paragraf did not start"; tail -50 "$WORK/paragraf.log" >&2; exit 1; }

api() { # method path [json]
	curl -fsS -u "sekreterare:$PASSWORD" -X "$1" -H 'Content-Type: application/json' \
		${3:+--data "$3"} "$APP/api/v1$2"
}

# The public pages answer before the demo board is loaded (the demo loads in the background): wait until its
# meeting of 5 December 2023 is certified, the demo's last step, so the board exists and the machine is quiet.
for _ in $(seq 1 "${START_TIMEOUT:-900}"); do
	[[ "$(api GET "/boards/GSN/meetings?year=2023" 2>/dev/null | jq -r '.[0].status // empty')" == MINUTES_CERTIFIED ]] && break
	sleep 1
done

log "creating a meeting with 27 matters and publishing its notice"
MEETING="$(api POST /boards/GSN/meetings \
	'{"start":"2027-03-02T13:00:00","end":"2027-03-02T16:00:00","place":"Sammanträdesrummet Balder, Ludvika"}')"
MEETING_ID="$(jq -r .id <<<"$MEETING")"
VERSION="$(jq -r .version <<<"$MEETING")"
for i in $(seq 1 27); do
	MATTER_ID="$(api POST /matters "{\"board\":\"GSN\",\"title\":\"Ärende $i inför sammanträdet: investering i gemensam IT-infrastruktur, etapp $i\"}" | jq -r .id)"
	VERSION="$(api POST "/meetings/$MEETING_ID/agenda" "{\"matterId\":$MATTER_ID,\"version\":$VERSION}" | jq -r .version)"
done
ITEMS="$(api GET "/meetings/$MEETING_ID" | jq '.agenda | length')"
api POST "/meetings/$MEETING_ID/notices" "{\"version\":$VERSION}" >/dev/null
PAGE="/public/meetings/$MEETING_ID/notice"
mkdir -p "$WORK/www"
# Publishing runs as a job: the notice is there once the job is done.
for _ in $(seq 1 300); do
	curl -fs -o "$WORK/www/notice.html" "$APP$PAGE" && break
	sleep 1
done
curl -fsS -o "$WORK/www/notice.html" "$APP$PAGE"
chmod 644 "$WORK/www/notice.html"
log "published $APP$PAGE: $ITEMS agenda items, $(wc -c <"$WORK/www/notice.html") bytes of HTML"

# --- nginx -------------------------------------------------------------------------------------
NGINX_PORT="$(free_port)"
STATIC="http://127.0.0.1:$NGINX_PORT/notice.html"
log "starting nginx on $STATIC"
start_nginx "$NGINX_PORT"
for _ in $(seq 1 50); do
	curl -fs -o /dev/null "$STATIC" && break
	sleep 0.2
done
cmp <(curl -fsS "$STATIC") <(curl -fsS "$APP$PAGE") || { log "nginx does not serve the same HTML"; exit 1; }

# --- measure -----------------------------------------------------------------------------------
run_wrk() { # label url duration
	log "wrk -t$THREADS -c$CONNECTIONS -d$3 --latency $2 ($1)"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency "$2" | tee "$WORK/wrk-$1.txt"
}
rps() { awk '/^Requests\/sec/ { print $2 }' "$WORK/wrk-$1.txt"; }

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run_wrk paragraf-warmup "$APP$PAGE" "$WARMUP" >/dev/null
run_wrk nginx-warmup "$STATIC" "$WARMUP" >/dev/null
run_wrk paragraf "$APP$PAGE" "$DURATION"
run_wrk nginx "$STATIC" "$DURATION"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Diagnostic only, not part of the target: Paragraf serving a static file (its stylesheet) through the same
# Tomcat and security filter chain, without the database, to tell framework cost from the page's own cost.
run_wrk paragraf-css "$APP/css/paragraf.css" "$WARMUP" | grep -E 'Requests/sec|Latency  |requests in'

P="$(rps paragraf)"
N="$(rps nginx)"
awk -v p="$P" -v n="$N" 'BEGIN {
	r = p / n
	printf "Paragraf %.0f req/s, nginx %.0f req/s, ratio %.2f (target >= 0.50: %s)\n", p, n, r, (r >= 0.5 ? "met" : "missed")
}'
echo "Paragraf serving its stylesheet (diagnostic): $(rps paragraf-css) req/s"
