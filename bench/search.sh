#!/usr/bin/env bash
# Issue 6 benchmark: search over a generated archive of Swedish board documents (default 1,000,000),
# Lucene with the application's Swedish analyzers against PostgreSQL full-text search ('swedish'
# configuration, GIN index) on the same corpus and the same 100 queries. Prints p50/p95 per engine.
#
#   bench/search.sh                       # 1,000,000 documents, builds both indexes
#   DOCS=100000 bench/search.sh           # a smaller archive
#   REUSE=1 bench/search.sh               # query the indexes of the previous run again
#   LUCENE_ONLY=1 / BREAKDOWN=1 / CPU=1   # skip PostgreSQL's queries / time variants in turns / thread CPU time
#   INDEX=/path/to/index                  # where the Lucene index is built or reused (default target/search-bench/index)
#
# PostgreSQL: PGHOST (127.0.0.1), PGUSER (postgres), database paragraf_bench (created if missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCS="${DOCS:-1000000}"
PGHOST="${PGHOST:-127.0.0.1}"
PGUSER="${PGUSER:-postgres}"
DB="${PGDATABASE_BENCH:-paragraf_bench}"
INDEX="${INDEX:-$ROOT/target/search-bench/index}"
SEED="${SEED_FILE:-$ROOT/../shared/seed/gsn-kallelse-2023-12-05.txt}"
[[ -f "$SEED" ]] || SEED=/work/shared/seed/gsn-kallelse-2023-12-05.txt

cd "$ROOT"
if ! psql -h "$PGHOST" -U "$PGUSER" -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
	psql -h "$PGHOST" -U "$PGUSER" -c "create database $DB" >/dev/null
fi
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
	se.paragraf.search.SearchBenchmark "$DOCS" "$INDEX" \
	"jdbc:postgresql://$PGHOST:5432/$DB?user=$PGUSER" "$SEED" "${REUSE:+true}"
