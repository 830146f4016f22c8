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
#   BASELINE=/tmp/paragraf-main.jar bench/signed-in-pages.sh   # A/B in the same run (see below)
#   JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/p.jfr,settings=profile" KEEP=1 bench/signed-in-pages.sh
#
# CANDIDATE (the same kinds as BASELINE) measures another build than this checkout's.
# With BASELINE (an executable jar, or a checkout with a build in target/), that Paragraf is started too, on
# BASELINE_PORT, and each page is measured on both in turn (baseline, this build, baseline, this build: ROUNDS=2),
# so that both see the same load. Besides wrk's rates and latencies the table gives the CPU time the
# Paragraf process used per answered request (user + system, from /proc): on a busy machine that is the number
# to compare, since latency there mostly measures the other processes.
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
ROUNDS="${ROUNDS:-$([[ -n "${BASELINE:-}" ]] && echo 2 || echo 1)}"
source "$ROOT/bench/lib.sh"

cleanup() {
	set +e
	stop_all_paragraf
	if [[ "${KEEP:-0}" == 1 ]]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

# --- build and start (bench/lib.sh) -----------------------------------------------------------
INSTANCES=(app)
launch_arguments_into LAUNCH "${CANDIDATE:-$ROOT}"
start_paragraf app "${APP_PORT:-$(free_port)}" "${LAUNCH[@]}"
if [[ -n "${BASELINE:-}" ]]; then
	INSTANCES=(base app)
	launch_arguments_into BASE_LAUNCH "$BASELINE"
	start_paragraf base "${BASELINE_PORT:-$(free_port)}" "${BASE_LAUNCH[@]}"
fi

# --- the demo meeting and a matter with its report, and a signed-in session, on each instance ----
declare -A COOKIES=()
declare -A URL=()
prepare() { # instance
	local name="$1" app="${APP_URLS[$1]}" meeting_id="" matter_id="" jar token session page status
	# The public pages answer before the demo is loaded (accounts, meeting, its published notice): wait for the meeting.
	for _ in $(seq 1 "${START_TIMEOUT:-900}"); do
		meeting_id="$(curl -fsS -u "sekreterare:$PASSWORD" "$app/api/v1/boards/GSN/meetings?year=2023" 2>/dev/null \
			| jq -r 'map(select(.start | startswith("2023-12-05"))) | .[0].id // empty' || true)"
		if [[ -n "$meeting_id" ]]; then
			# Loaded when its notice is published (the demo's last step); then the first item's matter.
			matter_id="$(curl -fsS -u "sekreterare:$PASSWORD" "$app/api/v1/meetings/$meeting_id" 2>/dev/null \
				| jq -r 'select((.notices | length) > 0) | [.agenda[] | select(.matterId != null)] | .[0].matterId // empty' || true)"
			[[ -n "$matter_id" ]] && break
		fi
		sleep 1
	done
	[[ "$meeting_id" =~ ^[0-9]+$ && "$matter_id" =~ ^[0-9]+$ ]] || { log "$name: demo meeting or matter not found"; exit 1; }
	# The demo goes on to hold, certify (signing with a fresh organisation key) and dispatch that meeting: wait for
	# the certification and for the process to go quiet, or the first page measured pays for the demo's work.
	for _ in $(seq 1 "${START_TIMEOUT:-900}"); do
		[[ "$(curl -fsS -u "sekreterare:$PASSWORD" "$app/api/v1/meetings/$meeting_id" 2>/dev/null | jq -r '.status // empty' || true)" \
			== MINUTES_CERTIFIED ]] && break
		sleep 1
	done
	for _ in $(seq 1 60); do
		local before after
		before="$(cpu_ms "${APP_PIDS[$name]}")"
		sleep 3
		after="$(cpu_ms "${APP_PIDS[$name]}")"
		awk -v d="$(awk -v a="$after" -v b="$before" 'BEGIN { print a - b }')" 'BEGIN { exit !(d < 300) }' && break
	done

	# Sign in through the form, as a browser does.
	jar="$WORK/cookies-$name.txt"
	token="$(curl -fsS -c "$jar" -b "$jar" "$app/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
	[[ -n "$token" ]] || { log "$name: no CSRF token in the login form"; exit 1; }
	curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=sekreterare" \
		--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$app/login"
	session="$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)"
	[[ -n "$session" ]] || { log "$name: sign-in gave no session cookie"; exit 1; }
	COOKIES[$name]="JSESSIONID=$session"

	URL[$name.meeting]="/meetings/$meeting_id"
	URL[$name.conduct]="/meetings/$meeting_id/conduct"
	URL[$name.matter]="/matters/$matter_id"
	for page in $PAGES; do
		status="$(curl -sS -o "$WORK/$name-$page.html" -w '%{http_code}' -H "Cookie: ${COOKIES[$name]}" "$app${URL[$name.$page]}")"
		[[ "$status" == 200 ]] || { log "$name $page: ${URL[$name.$page]} answered $status (not signed in?)"; exit 1; }
		grep -q 'action="[^"]*/logout"' "$WORK/$name-$page.html" || { log "$name $page: ${URL[$name.$page]} is not a signed-in page"; exit 1; }
		log "$name $page: ${URL[$name.$page]}, $(wc -c <"$WORK/$name-$page.html") bytes"
	done
}
for instance in "${INSTANCES[@]}"; do prepare "$instance"; done

# --- measure -----------------------------------------------------------------------------------
run_wrk() { # instance label url duration; adds the process's CPU time used during the run to the output
	local pid="${APP_PIDS[$1]}" before after
	log "wrk -t$THREADS -c$CONNECTIONS -d$4 --latency $3 ($1 $2)"
	before="$(cpu_ms "$pid")"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency -H "Cookie: ${COOKIES[$1]}" "$3" >"$WORK/wrk-$1-$2.txt"
	after="$(cpu_ms "$pid")"
	echo "cpu_ms $before $after" >>"$WORK/wrk-$1-$2.txt"
	grep -E 'Requests/sec|Latency  |requests in|Non-2xx|Socket errors' "$WORK/wrk-$1-$2.txt" >&2
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION -H 'Cookie: JSESSIONID=…' (after $WARMUP of warm-up each)${BASELINE:+, baseline: $BASELINE, $ROUNDS rounds each}"
for page in $PAGES; do
	for instance in "${INSTANCES[@]}"; do
		run_wrk "$instance" "$page-warmup" "${APP_URLS[$instance]}${URL[$instance.$page]}" "$WARMUP" 2>/dev/null
	done
	for round in $(seq 1 "$ROUNDS"); do
		for instance in "${INSTANCES[@]}"; do
			run_wrk "$instance" "$page-$round" "${APP_URLS[$instance]}${URL[$instance.$page]}" "$DURATION"
		done
	done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

printf '%-5s %-8s %-5s %-24s %9s %9s %9s %9s %8s %8s %11s %s\n' build page round url req/s p50 p90 p99 non-2xx timeouts cpu-ms/req target
for page in $PAGES; do
	for round in $(seq 1 "$ROUNDS"); do
		for instance in "${INSTANCES[@]}"; do
			awk -v build="$instance" -v page="$page" -v round="$round" -v url="${URL[$instance.$page]}" '
				/^Requests\/sec/ { r = $2 }
				$1 == "50%" { p50 = $2 } $1 == "90%" { p90 = $2 } $1 == "99%" { p99 = $2 }
				/requests in/ { n = $1 }
				/Non-2xx/ { bad = $NF }
				/Socket errors/ { late = $NF }
				/^cpu_ms / { cpu = $3 - $2 }
				END {
					ms = p99 ~ /us$/ ? p99 / 1000 : (p99 ~ /ms$/ ? p99 + 0 : (p99 ~ /s$/ ? p99 * 1000 : p99))
					# wrk leaves requests that took longer than its 2 s timeout out of the latencies: they count as missed.
					met = ms < 100 && bad == "" && (late == "" || late == 0) && r > 0
					printf "%-5s %-8s %-5s %-24s %9.0f %9s %9s %9s %8s %8s %11.1f %s\n", build, page, round, url, r, p50, p90, p99,
						(bad == "" ? 0 : bad), (late == "" ? 0 : late), (n > 0 ? cpu / n : 0), (met ? "met" : "missed") " (p99 < 100 ms)"
				}' "$WORK/wrk-$instance-$page-$round.txt"
		done
	done
done
