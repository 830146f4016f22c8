#!/usr/bin/env bash
# Issue 12: how fast Paragraf starts and how much memory it holds after start, on an existing H2 file
# database with the demo loaded (the way a municipality restarts it), for each launch variant:
#
#   default  java -jar paragraf.jar, as the README used to say
#   tuned    the README's settings: smaller heap and stacks, Serial GC, fewer idle Tomcat threads
#   cds      tuned + an AppCDS archive of the extracted jar, made by a training run (-XX:ArchiveClassesAtExit)
#   lazy     cds + spring.main.lazy-initialization=true (diagnostic only: the upper bound of lazy beans)
#   aot      cds on a jar built with Spring AOT (AOT_JAR=, see below) and -Dspring.aot.enabled=true
#   base-cds cds on another build (BASELINE_JAR=, e.g. main's jar): an A/B of code changes in the same run
#
#   bench/start.sh                       # RUNS=3 VARIANTS="default tuned cds"; builds the jar if missing
#   VARIANTS="cds lazy" RUNS=1 bench/start.sh
#   BASELINE_JAR=/tmp/main/target/paragraf-0.1.0-SNAPSHOT.jar VARIANTS="base-cds cds" RUNS=5 bench/start.sh
#   AOT_JAR=/tmp/aot/target/paragraf-0.1.0-SNAPSHOT.jar VARIANTS="cds aot" bench/start.sh
#
# An AOT jar is built with a process-aot execution of spring-boot-maven-plugin (<profiles>demo</profiles>:
# AOT fixes profiles and @Conditional beans at build time). Variants run interleaved (run 1 of each, then run 2
# of each, ...), so that a machine whose load changes slows them alike.
#
# Per run it prints the seconds from launch to Spring's "Started" line, from launch to the first 200 on
# /public/meetings, and the resident memory (VmRSS) 5 s after that first answer; then the median of each.
# Everything listens on 127.0.0.1 and is stopped on exit. The load average is printed with every run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-3}"
VARIANTS="${VARIANTS:-default tuned cds}"
# REUSE=<a kept work directory> starts on its database and archive instead of loading and training anew.
WORK="${REUSE:-$(mktemp -d /tmp/paragraf-start.XXXXXX)}"
APP_PID=""

cleanup() {
	set +e
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null
	fi
	if [[ "${KEEP:-0}" == 1 || -n "${REUSE:-}" ]]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log() { echo "== $*" >&2; }

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The settings the README recommends for one machine (see "Run it"); "tuned" and later variants use them.
TUNED=(-Xms64m -Xmx384m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m)
TUNED_ARGS=(--server.tomcat.threads.min-spare=4)

JAR="$(ls "$ROOT"/target/paragraf-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ -z "$JAR" || "${REBUILD:-0}" == 1 ]]; then
	log "building Paragraf"
	(cd "$ROOT" && { mvn -q -B -ntp -o -DskipTests package || mvn -q -B -ntp -DskipTests package; })
	JAR="$(ls "$ROOT"/target/paragraf-*.jar | grep -v original | head -1)"
fi

PASSWORD="bench-password-$RANDOM$RANDOM"
COMMON=(--spring.profiles.active=demo
	--spring.datasource.url="jdbc:h2:file:$WORK/data/paragraf;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
	--paragraf.files.directory="$WORK/data/files"
	--spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/data/index"
	--server.address=127.0.0.1)

# launch LABEL [java options...] -- [app arguments...]: sets APP_PID and PORT, waits for the first 200.
launch() {
	local label="$1"; shift
	local jvm=() app=()
	while [[ $# -gt 0 && "$1" != "--" ]]; do jvm+=("$1"); shift; done
	[[ $# -gt 0 ]] && shift
	app=("$@")
	PORT="$(free_port)"
	local start_ns
	start_ns="$(date +%s%N)"
	PARAGRAF_DEMO_PASSWORD="$PASSWORD" java "${jvm[@]}" "${app[@]}" "${COMMON[@]}" --server.port="$PORT" \
		>"$WORK/$label.log" 2>&1 &
	APP_PID=$!
	local first=""
	for _ in $(seq 1 3000); do
		if curl -fs -o /dev/null "http://127.0.0.1:$PORT/public/meetings"; then
			first="$(date +%s%N)"
			break
		fi
		kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/$label.log" >&2; return 1; }
		sleep 0.05
	done
	[[ -n "$first" ]] || { log "$label did not answer"; return 1; }
	FIRST_S="$(awk -v a="$start_ns" -v b="$first" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
	# CPU seconds the JVM spent until then (user + system, all threads): less swayed by other load than wall time.
	CPU_S="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$APP_PID/stat")"
	# Spring's own count is from JVM start: "Started ParagrafApplication in 9.1 seconds (process running for 9.9)"
	STARTED_S="$(grep -o 'process running for [0-9.]*' "$WORK/$label.log" | head -1 | awk '{ printf "%.1f", $4 }')"
}

stop() {
	kill "$APP_PID"
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=""
}

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }

if [[ -z "${REUSE:-}" ]]; then
	log "loading the demo into $WORK/data (first start, not measured)"
	launch demo-load -jar "$JAR" --
	stop
fi

# archive NAME JAR [java options...]: extracts JAR under $WORK/NAME and trains $WORK/NAME.jsa there, once.
archive() {
	local name="$1" jar="$2"; shift 2
	if [[ ! -f "$WORK/$name.jsa" ]]; then
		log "extracting $jar and training the class data sharing archive $name.jsa"
		java -Djarmode=tools -jar "$jar" extract --destination "$WORK/$name" >/dev/null
		# The training run starts the application on the same database and stops once the context is ready.
		PARAGRAF_DEMO_PASSWORD="$PASSWORD" java -XX:ArchiveClassesAtExit="$WORK/$name.jsa" "${TUNED[@]}" "$@" \
			-Dspring.context.exit=onRefresh -jar "$WORK/$name/$(basename "$jar")" "${TUNED_ARGS[@]}" "${COMMON[@]}" \
			--server.port=0 >"$WORK/$name-training.log" 2>&1 || true
		[[ -f "$WORK/$name.jsa" ]] || { tail -40 "$WORK/$name-training.log" >&2; exit 1; }
		log "archive $name: $(du -h "$WORK/$name.jsa" | cut -f1)"
	fi
	echo "-XX:SharedArchiveFile=$WORK/$name.jsa -jar $WORK/$name/$(basename "$jar")"
}
for name in $VARIANTS; do
	case "$name" in
		cds | lazy) CDS="$(archive extracted "$JAR")" ;;
		aot) AOT="$(archive aot "${AOT_JAR:?AOT_JAR= names a jar built with process-aot}" -Dspring.aot.enabled=true)" ;;
		base-cds) BASE_CDS="$(archive baseline "${BASELINE_JAR:?BASELINE_JAR= names the other build}")" ;;
	esac
done

variant() { # name -> java options -- app arguments
	case "$1" in
		default) echo "-jar $JAR --" ;;
		tuned) echo "${TUNED[*]} -jar $JAR -- ${TUNED_ARGS[*]}" ;;
		cds) echo "${TUNED[*]} $CDS -- ${TUNED_ARGS[*]}" ;;
		lazy) echo "${TUNED[*]} $CDS -- ${TUNED_ARGS[*]} --spring.main.lazy-initialization=true" ;;
		aot) echo "${TUNED[*]} -Dspring.aot.enabled=true $AOT -- ${TUNED_ARGS[*]}" ;;
		base-cds) echo "${TUNED[*]} $BASE_CDS -- ${TUNED_ARGS[*]}" ;;
		*) log "unknown variant $1"; exit 1 ;;
	esac
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), cores: $(nproc), java: $(java -version 2>&1 | head -1)"
printf '%-8s %3s %12s %14s %12s %8s  %s\n' variant run 'Started (s)' 'first 200 (s)' 'CPU to 200' 'RSS (MB)' 'load average'
for name in $VARIANTS; do : >"$WORK/results-$name.txt"; done
for run in $(seq 1 "$RUNS"); do
	for name in $VARIANTS; do
		load="$(cut -d' ' -f1-3 /proc/loadavg)"
		# shellcheck disable=SC2046
		launch "$name-$run" $(variant "$name")
		sleep 5
		rss="$(rss_mb)"
		stop
		echo "$STARTED_S $FIRST_S $rss $CPU_S" >>"$WORK/results-$name.txt"
		printf '%-8s %3s %12s %14s %12s %8s  %s\n' "$name" "$run" "$STARTED_S" "$FIRST_S" "$CPU_S" "$rss" "$load"
	done
done
echo
printf '%-8s %12s %14s %12s %8s\n' median 'Started (s)' 'first 200 (s)' 'CPU to 200' 'RSS (MB)'
for name in $VARIANTS; do
	median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
	printf '%-8s %12s %14s %12s %8s\n' "$name" "$(cut -d' ' -f1 "$WORK/results-$name.txt" | median)" \
		"$(cut -d' ' -f2 "$WORK/results-$name.txt" | median)" "$(cut -d' ' -f4 "$WORK/results-$name.txt" | median)" \
		"$(cut -d' ' -f3 "$WORK/results-$name.txt" | median)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
