#!/usr/bin/env bash
# Issue 12 benchmark: the fingerprinted stylesheet served by Paragraf against nginx serving the same file, in one
# run, rounds interleaved (nginx, Paragraf, and optionally a baseline build of Paragraf) so that a busy machine
# slows every contender alike. The target is at least 0.5 of nginx's rate.
#
#   bench/assets.sh                                   # ROUNDS=3 DURATION=10s THREADS=2 CONNECTIONS=64
#   BASELINE_JAR=/tmp/main/target/paragraf-0.1.0-SNAPSHOT.jar bench/assets.sh   # A/B against another build
#
# Each Paragraf runs from its executable jar (JAR=, default target/paragraf-*.jar) with the demo on an
# in-memory database, on 127.0.0.1 only; everything is stopped on exit. Each answer's headers are printed once,
# so a difference between the builds shows.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
JAR="${JAR:-$(ls "$ROOT"/target/paragraf-*.jar 2>/dev/null | grep -v original | head -1 || true)}"
[[ -f "$JAR" ]] || { echo "no jar: mvn -DskipTests package first (or JAR=...)" >&2; exit 1; }
WORK="$(mktemp -d /tmp/paragraf-assets.XXXXXX)"
chmod 755 "$WORK"
PIDS=()

cleanup() {
	set +e
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
	if [[ "${KEEP:-0}" == 1 ]]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# log, free_port and start_nginx
source "$ROOT/bench/lib.sh"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
command -v wrk >/dev/null && [[ -x "$NGINX" ]] || { echo "needs wrk and nginx (apt-get install wrk nginx-light)" >&2; exit 1; }

declare -A BASE
start_jar() { # label jar
	local port
	port="$(free_port)"
	PARAGRAF_DEMO_PASSWORD="bench-$RANDOM$RANDOM" java -Xmx384m -jar "$2" --spring.profiles.active=demo \
		--spring.datasource.url="jdbc:h2:mem:$1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
		--server.address=127.0.0.1 --server.port="$port" --paragraf.files.directory="$WORK/files-$1" \
		--spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/index-$1" >"$WORK/$1.log" 2>&1 &
	PIDS+=($!)
	BASE[$1]="http://127.0.0.1:$port"
}
await() { # label
	for _ in $(seq 1 "${START_TIMEOUT:-900}"); do
		curl -fs -o /dev/null "${BASE[$1]}/public/meetings" && return 0
		sleep 1
	done
	log "$1 did not start"; tail -30 "$WORK/$1.log" >&2; exit 1
}

CONTENDERS=(paragraf)
start_jar paragraf "$JAR"
if [[ -n "${BASELINE_JAR:-}" ]]; then
	CONTENDERS+=(baseline)
	start_jar baseline "$BASELINE_JAR"
fi
log "starting ${CONTENDERS[*]}"
declare -A URL
for c in "${CONTENDERS[@]}"; do
	await "$c"
	css="$(curl -fsS "${BASE[$c]}/public/meetings" | grep -o '/css/paragraf[^"]*\.css' | head -1)"
	URL[$c]="${BASE[$c]}$css"
	curl -fsS -o "$WORK/paragraf.css" "${URL[$c]}"  # the first answer goes down the whole chain and is kept
	log "$c: ${URL[$c]}, second answer's headers:"
	curl -fsS -D - -o /dev/null "${URL[$c]}" | tr -d '\r' | grep -v '^$' | sed 's/^/     /' >&2
done

NGINX_PORT="$(free_port)"
mkdir -p "$WORK/www" && cp "$WORK/paragraf.css" "$WORK/www/paragraf.css" && chmod 644 "$WORK/www/paragraf.css"
start_nginx "$NGINX_PORT" 'add_header Cache-Control "public, max-age=31536000, immutable";'
PIDS+=("$NGINX_PID")
BASE[nginx]="http://127.0.0.1:$NGINX_PORT"
URL[nginx]="${BASE[nginx]}/paragraf.css"
for _ in $(seq 1 50); do curl -fs -o /dev/null "${URL[nginx]}" && break; sleep 0.2; done

ALL=(nginx "${CONTENDERS[@]}")
log "warm-up"
for c in "${ALL[@]}"; do wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${URL[$c]}" >/dev/null; done

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS interleaved rounds, the fingerprinted stylesheet ($(wc -c <"$WORK/www/paragraf.css") bytes)"
printf '%-6s %-9s %10s %9s %9s %7s\n' round server req/s p50 p99 ratio
for round in $(seq 1 "$ROUNDS"); do
	declare -A RPS=()
	for c in "${ALL[@]}"; do
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${URL[$c]}" >"$WORK/wrk-$c-$round.txt"
		RPS[$c]="$(awk '/^Requests\/sec/ { print $2 }' "$WORK/wrk-$c-$round.txt")"
		grep -q 'Non-2xx' "$WORK/wrk-$c-$round.txt" && log "$c: non-2xx answers: $(grep Non-2xx "$WORK/wrk-$c-$round.txt")"
		printf '%-6s %-9s %10.0f %9s %9s %7.2f\n' "$round" "$c" "${RPS[$c]}" \
			"$(awk '$1 == "50%" { print $2 }' "$WORK/wrk-$c-$round.txt")" \
			"$(awk '$1 == "99%" { print $2 }' "$WORK/wrk-$c-$round.txt")" \
			"$(awk -v a="${RPS[$c]}" -v b="${RPS[nginx]}" 'BEGIN { print a / b }')"
		echo "$c $(awk -v a="${RPS[$c]}" -v b="${RPS[nginx]}" 'BEGIN { print a / b }')" >>"$WORK/ratios.txt"
	done
done
echo
for c in "${CONTENDERS[@]}"; do
	printf 'median ratio to nginx, %-9s %s\n' "$c" \
		"$(awk -v c="$c" '$1 == c { print $2 }' "$WORK/ratios.txt" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
