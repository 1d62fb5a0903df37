#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/FuzzExtract.swift with AddressSanitizer over the
# Extractor and Normalizer sources, and runs it for SECONDS (default 60) on a copy of
# the committed seed corpus (Fuzz/corpus). A broken contract or a crash stops it
# with the reproducer saved as Fuzz/crash-*; the script then fails and prints how to
# replay it:  .build-fuzz/fuzz-extract Fuzz/crash-<hash>
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_TO_RUN=${1:-60}
OUT=.build-fuzz
mkdir -p "$OUT/corpus"
FLAGS=(-O -g -sanitize=fuzzer,address -parse-as-library -enable-testing)
echo "building the fuzz target (libFuzzer + AddressSanitizer)..." >&2
swiftc "${FLAGS[@]}" -wmo -module-name Normalizer -emit-module -emit-module-path "$OUT/Normalizer.swiftmodule" \
    -c Sources/Normalizer/*.swift -o "$OUT/Normalizer.o"
swiftc "${FLAGS[@]}" -wmo -module-name Extractor -I "$OUT" -emit-module -emit-module-path "$OUT/Extractor.swiftmodule" \
    -c $(find Sources/Extractor -name '*.swift' | sort) -o "$OUT/Extractor.o"
# (ld.gold warns about every AddressSanitizer helper it cannot export: noise, filtered.)
swiftc "${FLAGS[@]}" -I "$OUT" Fuzz/FuzzExtract.swift "$OUT/Normalizer.o" "$OUT/Extractor.o" -o "$OUT/fuzz-extract" \
    2>&1 | { grep -v "Cannot export local symbol" || true; }
[[ -x $OUT/fuzz-extract ]] || { echo "fuzz: the target did not build" >&2; exit 1; }
cp Fuzz/corpus/* "$OUT/corpus/"
echo "fuzzing for ${SECONDS_TO_RUN} s..." >&2
# Swift's own crash handler would hide the report of libFuzzer and AddressSanitizer.
export SWIFT_BACKTRACE=enable=no
if "$OUT/fuzz-extract" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=Fuzz/ -print_final_stats=1 "$OUT/corpus" 2> "$OUT/fuzz.log"; then
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$OUT/fuzz.log" | tail -n 2 >&2
    echo "fuzz: no contract broken"
else
    tail -n 40 "$OUT/fuzz.log" >&2
    echo "fuzz: FAILED; reproduce with: $OUT/fuzz-extract $(ls -t Fuzz/crash-* Fuzz/leak-* Fuzz/timeout-* 2>/dev/null | head -n 1)" >&2
    exit 1
fi
