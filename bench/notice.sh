#!/usr/bin/env bash
# Issue 12 benchmark: publishing a notice of 40 agenda items (37 matters with long officer reports and a
# two-page PDF attachment each) at about 200 and about 500 pages, median of ROUNDS publications after one
# warm-up, against LibreOffice headless converting the same content from .docx (written with Apache POI)
# to PDF in the same run, also median of ROUNDS. Prints wall time and the process's CPU time (all threads).
#
#   bench/notice.sh                          # both sizes, 3 rounds
#   SIZES="26 115" ROUNDS=5 bench/notice.sh  # report paragraphs per matter, one size per number
#   BASELINE=main bench/notice.sh            # also publish with the code of another commit, in the same run
#   JFR=1 bench/notice.sh                    # also record a Java Flight Recording (target/notice-bench/notice.jfr)
#   ONE_VARIANT=1 bench/notice.sh            # nothing secret: one variant composed, as for most meetings
#
# LibreOffice: soffice on the PATH (Debian: apt-get install -y libreoffice-writer-nogui); skipped if absent.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
SIZES="${SIZES:-26 115}"
OUT="$ROOT/target/notice-bench"
SEED="${SEED_FILE:-$ROOT/../shared/seed/gsn-kallelse-2023-12-05.txt}"
[[ -f "$SEED" ]] || SEED=/work/shared/seed/gsn-kallelse-2023-12-05.txt

cd "$ROOT"
rm -rf "$OUT" && mkdir -p "$OUT"
echo "# $(date -u +%FT%TZ) $(uptime)"
echo "# $(nproc) cores, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
build="test-compile dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime"
mvn -q -B -o $build || mvn -q -B $build
CP="$(cat target/runtime-classpath.txt)"
# A copy of the classes, so that a build in this tree while the benchmark runs does not disturb it.
cp -r target/classes "$OUT/classes" && cp -r target/test-classes "$OUT/test-classes"

if [[ -n "${BASELINE:-}" ]]; then
	# The other commit's application, with this tree's benchmark class and fixtures compiled against it.
	# Its build is kept per commit under target/notice-baseline, so that a second run does not compile it again.
	B="$ROOT/target/notice-baseline/$(git rev-parse --short "$BASELINE^{commit}")"
	if [[ ! -f "$B/src/target/classes/se/paragraf/ParagrafApplication.class" ]]; then
		rm -rf "$B" && mkdir -p "$B/src"
		git archive "$BASELINE" | tar -x -C "$B/src"
		(cd "$B/src" && mvn -q -B -o compile -DskipTests)
	fi
	rm -rf "$B/test-classes" && mkdir -p "$B/test-classes"
	javac -nowarn -d "$B/test-classes" -cp "$B/src/target/classes:$CP" \
		src/test/java/se/paragraf/meetings/NoticeBenchmark.java src/test/java/se/paragraf/documents/PdfFixtures.java \
		src/test/java/se/paragraf/people/PeopleFixtures.java
	cp -r src/test/resources/config "$B/test-classes/"
fi

publish() {  # label, class directories
	local opts=(-Xmx1g -Dseed="$SEED" -Dlogging.level.root=WARN -DoneVariant="${ONE_VARIANT:+true}")
	[[ -n "${JFR:-}" ]] && opts+=("-XX:FlightRecorderOptions:stackdepth=256" "-XX:StartFlightRecording=filename=$OUT/notice-$1.jfr,settings=profile")
	java "${opts[@]}" -cp "$2:$CP" se.paragraf.meetings.NoticeBenchmark "$OUT/$1" "$ROUNDS" $SIZES 2>&1 \
		| grep --line-buffered -E '^(RESULT|paragraphs)' | sed -u "s/^/$1 /"
}
[[ -n "${BASELINE:-}" ]] && publish baseline "$B/test-classes:$B/src/target/classes"
publish paragraf "$OUT/test-classes:$OUT/classes"

if ! command -v soffice >/dev/null; then
	echo "LibreOffice: soffice not found, skipped"
	exit 0
fi
echo "# $(soffice --version)"
for size in $SIZES; do
	times=()
	for round in $(seq 0 "$ROUNDS"); do  # round 0 warms the profile and the page cache
		rm -f "$OUT/lo/notice-$size.pdf"
		start=$(date +%s%N)
		soffice -env:UserInstallation="file://$OUT/lo-profile" --headless --convert-to pdf --outdir "$OUT/lo" \
			"$OUT/paragraf/notice-$size.docx" >/dev/null 2>&1
		took=$(( ($(date +%s%N) - start) / 1000000 ))
		if (( round > 0 )); then times+=("$took"); echo "libreoffice paragraphs=$size round $round: $took ms"; fi
	done
	pages=$(python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" \
		"$OUT/lo/notice-$size.pdf")
	median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
	echo "RESULT libreoffice paragraphs=$size pages=$pages median_ms=$median runs_ms=[${times[*]}]"
done
echo "# $(date -u +%FT%TZ) $(uptime)"
