#!/usr/bin/env bash
# bench_batch.sh — batch mode: the benchmark corpus split into files, run with --jobs 1
# and --jobs 2 (outputs must be byte-identical; speedup reported), and peak RSS on a
# 100 MB and a 1 GB directory (memory must not grow with the corpus).
#
# Usage (from the repo root): bash scripts/bench_batch.sh
# Env: SPLIT_FILES (default 500), BIG_MB (default 1000; 0 skips the 1 GB run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SPLIT_FILES=${SPLIT_FILES:-500}
BIG_MB=${BIG_MB:-1000}
swift build -c release --product extract >&2
BIN="$(swift build -c release --show-bin-path)/extract"
bash scripts/bench.sh >/dev/null 2>&1 || true          # makes bench-out/corpus.txt
OUT=bench-out
python3 - "$OUT/corpus.txt" "$OUT/split" "$SPLIT_FILES" <<'PY'
import os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst, exist_ok=True)
if len(os.listdir(dst)) != n:
    data = open(src, encoding="utf-8").read()
    paras = data.split("\n\n")
    per = max(1, len(paras) // n)
    for k in range(n):
        open(os.path.join(dst, "doc%05d.txt" % k), "w", encoding="utf-8").write("\n\n".join(paras[k * per:(k + 1) * per]))
PY
timeit() { python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); print("%.3f" % (time.perf_counter() - t))
PY
}
"$BIN" --quiet --jobs 1 "$OUT/split" > "$OUT/j1.jsonl"
"$BIN" --quiet --jobs 2 "$OUT/split" > "$OUT/j2.jsonl"
cmp -s "$OUT/j1.jsonl" "$OUT/j2.jsonl" && same=yes || same=NO
t1=$(timeit "$BIN" --quiet --jobs 1 "$OUT/split"); t2=$(timeit "$BIN" --quiet --jobs 2 "$OUT/split")
echo "split corpus: $SPLIT_FILES files, $(du -sm "$OUT/split" | cut -f1) MB"
echo "jobs 1: ${t1} s   jobs 2: ${t2} s   speedup: $(python3 -c "print('%.2f' % ($t1 / $t2))")x   identical output: $same"
rss() { /usr/bin/time -v "$BIN" --quiet --jobs 2 "$1" 2>&1 >/dev/null | awk '/Maximum resident/ {print $NF}'; }
mkdir -p "$OUT/dir100"; for k in 1 2; do [[ -d $OUT/dir100/s$k ]] || cp -r "$OUT/split" "$OUT/dir100/s$k"; done
echo "peak RSS on $(du -sm "$OUT/dir100" | cut -f1) MB directory: $(rss "$OUT/dir100") KB"
if (( BIG_MB > 0 )); then
    copies=$(( BIG_MB / 50 ))
    mkdir -p "$OUT/dir1g"
    for k in $(seq 1 "$copies"); do [[ -d $OUT/dir1g/s$k ]] || cp -r "$OUT/split" "$OUT/dir1g/s$k"; done
    echo "peak RSS on $(du -sm "$OUT/dir1g" | cut -f1) MB directory: $(rss "$OUT/dir1g") KB"
fi
