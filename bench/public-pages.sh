#!/usr/bin/env bash
# Issue 12 benchmark: every kind of dynamic public page and a static asset, served by Paragraf, side by side
# with nginx serving static copies in the same run, all under wrk on loopback.
#
# Usage:
#   bench/public-pages.sh                              # DURATION=20s WARMUP=10s THREADS=2 CONNECTIONS=64
#   DURATION=5s WARMUP=3s bench/public-pages.sh        # a short smoke run (a busy machine: numbers are not results)
#   REBUILD=1 KEEP=1 bench/public-pages.sh             # rebuild first; KEEP=1 keeps the logs and wrk output
#   PAGES="meeting css" bench/public-pages.sh          # only some targets: meeting register filtered board matter search noticeboard feed oparl css
#
# Targets (issue 12): each dynamic page at least 0.15 of nginx's rate for the same HTML as a static file and
# p99 under 50 ms; the fingerprinted stylesheet at least 0.5 of nginx serving the same file.
# Paragraf runs from the executable jar when there is one, otherwise from target/classes with the Maven
# runtime classpath (an offline build cannot repackage). Everything it starts (Paragraf, nginx) listens on
# 127.0.0.1 only and is stopped on exit. It also checks that no page sets a cookie for an anonymous reader.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
PAGES="${PAGES:-meeting register filtered board matter search noticeboard feed oparl css}"
PASSWORD="bench-password-$RANDOM$RANDOM"
WORK="$(mktemp -d /tmp/paragraf-bench.XXXXXX)"
chmod 755 "$WORK"
NGINX_PID=""
source "$ROOT/bench/lib.sh"

cleanup() {
	set +e
	stop_all_paragraf
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

# --- tools -------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null || { ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; }; then
	log "installing wrk and nginx"
	apt-get install -y wrk nginx-light >/dev/null 2>&1 \
		|| { apt-get update >/dev/null && apt-get install -y wrk nginx-light >/dev/null 2>&1; } \
		|| apt-get install -y wrk nginx >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# --- build and start (bench/lib.sh) -----------------------------------------------------------
launch_arguments_into LAUNCH "$ROOT"
JAVA_OPTS="" start_paragraf app "$(free_port)" "${LAUNCH[@]}"
APP="${APP_URLS[app]}"

api() { # method path [json]
	curl -fsS -u "sekreterare:$PASSWORD" -X "$1" -H 'Content-Type: application/json' \
		${3:+--data "$3"} "$APP/api/v1$2"
}

log "creating a meeting with 27 matters and publishing its notice"
MEETING="$(api POST /boards/GSN/meetings \
	'{"start":"2027-03-02T13:00:00","end":"2027-03-02T16:00:00","place":"Sammanträdesrummet Balder, Ludvika"}')"
MEETING_ID="$(jq -r .id <<<"$MEETING")"
VERSION="$(jq -r .version <<<"$MEETING")"
for i in $(seq 1 27); do
	MATTER_ID="$(api POST /matters "{\"board\":\"GSN\",\"title\":\"Ärende $i inför sammanträdet: investering i gemensam IT-infrastruktur och budget, etapp $i\"}" | jq -r .id)"
	VERSION="$(api POST "/meetings/$MEETING_ID/agenda" "{\"matterId\":$MATTER_ID,\"version\":$VERSION}" | jq -r .version)"
done
api POST "/meetings/$MEETING_ID/notices" "{\"version\":$VERSION}" >/dev/null

# The pages under test, in order. The stylesheet's address is the fingerprinted one the pages link to.
declare -A URL=(
	[meeting]="/public/meetings/$MEETING_ID"
	[register]="/public/register"
	[filtered]="/public/register?board=GSN&year=2027&q=budget"
	[board]="/public/boards/GSN"
	[matter]="/public/matters/$MATTER_ID"
	[search]="/public/search?q=budget"
	[noticeboard]="/public/notice-boards/2085"
	[feed]="/public/notice-boards/2085/feed.atom"
	[oparl]="/oparl/v1/bodies"
)
CSS="$(curl -fsS "$APP${URL[meeting]}" | grep -o '/css/paragraf[^"]*\.css' | head -1)"
URL[css]="${CSS:-/css/paragraf.css}"

mkdir -p "$WORK/www"
for page in $PAGES; do
	file="$WORK/www/$page.html"
	[[ "$page" == css ]] && file="$WORK/www/paragraf.css"
	curl -fsS -D "$WORK/headers-$page.txt" -o "$file" "$APP${URL[$page]}"
	chmod 644 "$file"
	if grep -qi '^set-cookie' "$WORK/headers-$page.txt"; then
		log "WARNING: ${URL[$page]} sets a cookie for an anonymous reader: $(grep -i '^set-cookie' "$WORK/headers-$page.txt" | head -1)"
	fi
	log "$page: ${URL[$page]}, $(wc -c <"$file") bytes, $(grep -i '^cache-control' "$WORK/headers-$page.txt" | tr -d '\r' || echo 'no Cache-Control')"
	# A second anonymous request: from Paragraf's memory if it carries Age (see paragraf.web.page-cache.enabled).
	if [[ "$page" != css ]]; then
		age="$(curl -fsS -D - -o /dev/null "$APP${URL[$page]}" | grep -i '^age:' | tr -d '\r' || true)"
		if [[ -n "$age" ]]; then log "$page: second request served from memory ($age)"; else log "$page: second request rendered again"; fi
	fi
done

# --- nginx -------------------------------------------------------------------------------------
NGINX_PORT="$(free_port)"
STATIC="http://127.0.0.1:$NGINX_PORT"
log "starting nginx on $STATIC"
start_nginx "$NGINX_PORT"
NGINX_PAGE="$(for page in $PAGES; do [[ "$page" != css ]] && { echo "$page"; break; }; done || true)"
for _ in $(seq 1 50); do
	curl -fs -o /dev/null "$STATIC/${NGINX_PAGE:-paragraf}.${NGINX_PAGE:+html}${NGINX_PAGE:-css}" && break
	sleep 0.2
done

# --- measure -----------------------------------------------------------------------------------
run_wrk() { # label url duration
	log "wrk -t$THREADS -c$CONNECTIONS -d$3 --latency $2 ($1)"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency "$2" >"$WORK/wrk-$1.txt"
	grep -E 'Requests/sec|Latency  |requests in|Non-2xx|Socket errors' "$WORK/wrk-$1.txt" >&2
}
rps() { awk '/^Requests\/sec/ { print $2 }' "$WORK/wrk-$1.txt"; }
p50() { awk '$1 == "50%" { print $2 }' "$WORK/wrk-$1.txt"; }
p99() { awk '$1 == "99%" { print $2 }' "$WORK/wrk-$1.txt"; }

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP of warm-up each)"
# nginx: the meeting page's HTML (the reference for every page) and the stylesheet, as static files.
if [[ -n "$NGINX_PAGE" ]]; then
	run_wrk nginx-page-warmup "$STATIC/$NGINX_PAGE.html" "$WARMUP" 2>/dev/null
	run_wrk nginx-page "$STATIC/$NGINX_PAGE.html" "$DURATION"
fi
if [[ " $PAGES " == *" css "* ]]; then
	run_wrk nginx-css "$STATIC/paragraf.css" "$DURATION"
fi
for page in $PAGES; do
	run_wrk "$page-warmup" "$APP${URL[$page]}" "$WARMUP" 2>/dev/null
	run_wrk "$page" "$APP${URL[$page]}" "$DURATION"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

printf '%-9s %-48s %10s %9s %9s %7s %s\n' page url req/s p50 p99 ratio target
for page in $PAGES; do
	if [[ "$page" == css ]]; then reference=nginx-css; goal=0.50; else reference=nginx-page; goal=0.15; fi
	awk -v page="$page" -v url="${URL[$page]}" -v p="$(rps "$page")" -v n="$(rps "$reference")" -v goal="$goal" \
		-v p50="$(p50 "$page")" -v p99="$(p99 "$page")" 'BEGIN {
		r = p / n
		# p99 under 50 ms is part of every dynamic page target
		ms = p99 ~ /us$/ ? p99 / 1000 : (p99 ~ /ms$/ ? p99 + 0 : (p99 ~ /s$/ ? p99 * 1000 : p99))
		met = r >= goal && (goal == 0.50 || ms < 50)
		printf "%-9s %-48s %10.0f %9s %9s %7.2f %s\n", page, substr(url, 1, 48), p, p50, p99, r, (met ? "met" : "missed") " (>= " goal ")"
	}'
done
[[ -n "$NGINX_PAGE" ]] && printf '%-9s %-48s %10.0f %9s %9s\n' nginx "$NGINX_PAGE.html (static copy)" "$(rps nginx-page)" "$(p50 nginx-page)" "$(p99 nginx-page)"
[[ " $PAGES " == *" css "* ]] && printf '%-9s %-48s %10.0f %9s %9s\n' nginx "paragraf.css (static copy)" "$(rps nginx-css)" "$(p50 nginx-css)" "$(p99 nginx-css)"
exit 0
