#!/usr/bin/env bash
# The search integration tests against a real OpenSearch 2.19 node made of Maven Central artifacts:
# resolves the node's classpath (src/test/opensearch/pom.xml), starts it on a loopback port, runs
# mvn test -Popensearch (SearchIntegrationTests on Hibernate Search's Elasticsearch backend), stops it.
#   src/test/opensearch/run.sh            # OPENSEARCH_PORT=9200 by default; MVN_OFFLINE=-o to stay offline
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PORT="${OPENSEARCH_PORT:-9200}"
WORK="$(mktemp -d /tmp/paragraf-opensearch.XXXXXX)"
cd "$ROOT"
mvn -q -B ${MVN_OFFLINE:-} -f src/test/opensearch/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$(cat "$WORK/classpath")" src/test/opensearch/EmbeddedOpenSearch.java
java -Xmx512m -cp "$WORK/classes:$(cat "$WORK/classpath")" EmbeddedOpenSearch "$PORT" "$((PORT + 100))" "$WORK/home" \
	>"$WORK/opensearch.log" 2>&1 &
NODE=$!
trap 'kill $NODE 2>/dev/null || true; wait $NODE 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do
	curl -fs "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null && break
	kill -0 $NODE 2>/dev/null || { tail -40 "$WORK/opensearch.log" >&2; exit 1; }
	sleep 1
done
echo "OpenSearch $(curl -fsS "http://127.0.0.1:$PORT" | grep -o "\"number\" *: *\"[^\"]*\"" | head -n 1) on 127.0.0.1:$PORT" >&2
mvn -q -B -o test -Popensearch -Dparagraf.opensearch.hosts="127.0.0.1:$PORT"
