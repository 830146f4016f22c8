# Shared start-up for the benchmarks that run Paragraf with the demo profile on in-memory H2
# (bench/public-pages.sh, bench/signed-in-pages.sh; public-page.sh and assets.sh for start_nginx). Source it after
# setting ROOT, WORK and PASSWORD:
#
#   source "$ROOT/bench/lib.sh"
#   LAUNCH=($(launch_arguments "$ROOT"))     # or: launch_arguments_into LAUNCH "$ROOT"
#   start_paragraf app "$APP_PORT" "${LAUNCH[@]}"  # sets APP_PIDS[app] and APP_URLS[app]
#
# Every Paragraf it starts listens on 127.0.0.1 only; stop_all_paragraf (call it from the EXIT trap) stops them.

declare -A APP_PIDS=()
declare -A APP_URLS=()

log() { echo "== $*" >&2; }

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The executable jar under <root>/target, if the build made one (an offline build may only have classes).
executable_jar() { # root
	local jar
	for jar in "$1"/target/paragraf-*.jar; do
		# grep reads the whole listing: with pipefail, grep -q stopping early would fail unzip with SIGPIPE.
		[[ -f "$jar" && "$jar" != *original* ]] && unzip -l "$jar" 2>/dev/null | grep -c BOOT-INF/ >/dev/null && { echo "$jar"; return; }
	done
	return 0
}

# Sets the array named <var> to the java arguments that launch the Paragraf built in <root>: its executable jar,
# or target/classes with the Maven runtime classpath. Builds first with REBUILD=1 or when nothing is built.
# A <root> that is a jar file is launched as it is (a baseline kept from an earlier build).
launch_arguments_into() { # var root
	local -n launch="$1"
	local root="$2" jar
	if [[ -f "$root" ]]; then
		launch=(-jar "$root")
		return
	fi
	if [[ "${REBUILD:-0}" == 1 || ( -z "$(executable_jar "$root")" && ! -d "$root/target/classes" ) ]]; then
		log "building Paragraf in $root"
		(cd "$root" && { mvn -q -B -ntp -o -DskipTests package || mvn -q -B -ntp -DskipTests package || true; })
	fi
	jar="$(executable_jar "$root")"
	if [[ -n "$jar" ]]; then
		launch=(-jar "$jar")
	else
		log "no executable jar in $root: running target/classes with the Maven runtime classpath"
		local classpath="$WORK/classpath-$(echo "$root" | md5sum | cut -c1-8).txt"
		(cd "$root" && mvn -q -B -ntp -o dependency:build-classpath -Dmdep.includeScope=runtime \
			-Dmdep.outputFile="$classpath" >/dev/null)
		launch=(-cp "$root/target/classes:$(cat "$classpath")" se.paragraf.ParagrafApplication)
	fi
}

# Starts Paragraf (demo profile, in-memory H2, its own files and index under $WORK/<name>) and waits until
# it answers /public/meetings. JAVA_OPTS go to the JVM. Sets APP_PIDS[<name>] and APP_URLS[<name>].
start_paragraf() { # name port launch-arguments...
	local name="$1" port="$2" pid url
	shift 2
	url="http://127.0.0.1:$port"
	log "starting Paragraf ($name) on $url (demo profile, in-memory H2)"
	mkdir -p "$WORK/$name"
	# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
	PARAGRAF_DEMO_PASSWORD="$PASSWORD" java ${JAVA_OPTS:-} "$@" \
		--spring.profiles.active=demo \
		--spring.datasource.url="jdbc:h2:mem:bench-$name;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
		--server.address=127.0.0.1 --server.port="$port" \
		--paragraf.files.directory="$WORK/$name/files" \
		--spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/$name/index" \
		>"$WORK/paragraf-$name.log" 2>&1 &
	pid=$!
	APP_PIDS[$name]=$pid
	APP_URLS[$name]=$url
	for _ in $(seq 1 "${START_TIMEOUT:-900}"); do # seconds; a loaded machine needs minutes
		if curl -fs -o /dev/null "$url/public/meetings"; then break; fi
		kill -0 "$pid" 2>/dev/null || { tail -50 "$WORK/paragraf-$name.log" >&2; exit 1; }
		sleep 1
	done
	curl -fs -o /dev/null "$url/public/meetings" || { log "Paragraf ($name) did not start"; tail -50 "$WORK/paragraf-$name.log" >&2; exit 1; }
}

stop_all_paragraf() {
	local pid
	for pid in "${APP_PIDS[@]}"; do
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid"
			wait "$pid" 2>/dev/null
		fi
	done
}

# CPU time (user + system) a process has used so far, in milliseconds.
cpu_ms() { # pid
	awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13) * 1000 / hz }' "/proc/$1/stat"
}

# start_nginx PORT [DIRECTIVES]: nginx at its fastest for static files (no access log, sendfile) serving
# $WORK/www on 127.0.0.1:PORT, with DIRECTIVES in its one location (e.g. a Cache-Control header), as the
# static server a page is compared with. Runs in the background; sets NGINX_PID.
start_nginx() { # port [location directives]
	local port=$1 directives=${2:-}
	cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
	include /etc/nginx/mime.types;
	access_log off;
	sendfile on;
	client_body_temp_path $WORK/nginx-body;
	proxy_temp_path $WORK/nginx-proxy;
	fastcgi_temp_path $WORK/nginx-fastcgi;
	uwsgi_temp_path $WORK/nginx-uwsgi;
	scgi_temp_path $WORK/nginx-scgi;
	server {
		listen 127.0.0.1:$port;
		root $WORK/www;
		location / { $directives }
	}
}
CONF
	"${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}" -c "$WORK/nginx.conf" -p "$WORK" &
	NGINX_PID=$!
}
