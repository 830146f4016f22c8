#!/usr/bin/env bash
# Issue 12 benchmark: publishing a notice of 40 agenda items (37 matters with long officer reports and a
# two-page PDF attachment each) at about 200 and about 500 pages, median of ROUNDS publications after one
# warm-up, against LibreOffice headless converting the same content from .docx (written with Apache POI)
# to PDF in the same run, also median of ROUNDS.
#
#   bench/notice.sh                        # both sizes, 3 rounds
#   SIZES="12 45" ROUNDS=5 bench/notice.sh  # report paragraphs per matter, one size per number
#   JFR=1 bench/notice.sh                  # also record a Java Flight Recording (target/notice-bench/notice.jfr)
#
# LibreOffice: soffice on the PATH (Debian: apt-get install -y libreoffice-writer-nogui); skipped if absent.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
SIZES="${SIZES:-12 45}"
OUT="$ROOT/target/notice-bench"
SEED="${SEED_FILE:-$ROOT/../shared/seed/gsn-kallelse-2023-12-05.txt}"
[[ -f "$SEED" ]] || SEED=/work/shared/seed/gsn-kallelse-2023-12-05.txt

cd "$ROOT"
rm -rf "$OUT" && mkdir -p "$OUT"
echo "# $(date -u +%FT%TZ) $(uptime)"
echo "# $(nproc) cores, $(java -version 2>&1 | head -1)"
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime \
	|| mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
# A copy of the classes, so that a build in this tree while the benchmark runs does not disturb it.
cp -r target/classes "$OUT/classes" && cp -r target/test-classes "$OUT/test-classes"
JAVA_OPTS=(-Xmx1g -Dseed="$SEED")
[[ -n "${JFR:-}" ]] && JAVA_OPTS+=("-XX:StartFlightRecording=filename=$OUT/notice.jfr,settings=profile")
java "${JAVA_OPTS[@]}" -Dlogging.level.root=WARN -cp "$OUT/test-classes:$OUT/classes:$(cat target/runtime-classpath.txt)" \
	se.paragraf.meetings.NoticeBenchmark "$OUT" "$ROUNDS" $SIZES | grep --line-buffered -v '^\s*$'

if ! command -v soffice >/dev/null; then
	echo "LibreOffice: soffice not found, skipped"
	exit 0
fi
echo "# $(soffice --version)"
PROFILE="$OUT/lo-profile"
for size in $SIZES; do
	times=()
	for round in $(seq 0 "$ROUNDS"); do  # round 0 warms the profile and the page cache
		rm -f "$OUT/lo/notice-$size.pdf"
		start=$(date +%s%N)
		soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT/lo" \
			"$OUT/notice-$size.docx" >/dev/null 2>&1
		took=$(( ($(date +%s%N) - start) / 1000000 ))
		(( round > 0 )) && times+=("$took")
		echo "libreoffice paragraphs=$size ${round/#0/warm-up}: $took ms"
	done
	pages=$(python3 -c "import re,sys; d=open(sys.argv[1],'rb').read(); print(len(re.findall(rb'/Type\s*/Page[^s]', d)))" \
		"$OUT/lo/notice-$size.pdf" 2>/dev/null || echo '?')
	command -v pdfinfo >/dev/null && pages=$(pdfinfo "$OUT/lo/notice-$size.pdf" | awk '/^Pages:/ {print $2}')
	median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
	echo "RESULT libreoffice paragraphs=$size pages=$pages median_ms=$median runs_ms=[${times[*]}]"
done
echo "# $(date -u +%FT%TZ) $(uptime)"
