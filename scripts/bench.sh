#!/usr/bin/env bash
# bench.sh — throughput, parallelism and memory of `extract` on varied news text.
#
# Usage (from anywhere):  bash scripts/bench.sh [MB]        (default 50)
# Env:  BENCH_RUNS   timed runs per measurement, best reported (default 3)
#       BENCH_ARGS   extra extract arguments for every run (e.g. "--types all")
#       BENCH_RSS    sizes in MB for the peak-RSS table (default "10 50 200"; "" skips)
#
# The corpus is many different documents, never one repeated: the sentences of the
# NER training sets (../shared/data/ner, ~2.3 M characters of news) and the bulletins
# of ../shared/eval/docs, grouped into documents of 5-40 sentences by a seeded
# shuffle that differs on every pass through the pool, until the size is reached.
# Everything goes to bench-out/ (git-ignored).
#
# Reports, with the machine: MB/s and the time ratio to `wc -m` on the same file for
# figures and dates, for the default types (with organizations), and for the words
# (--types token, with the figures and dates that force their boundaries); --jobs 1 vs
# --jobs 2 on the one big file and on the same text as 100 files (outputs must be
# identical); peak RSS for files of 10, 50 and 200 MB.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MB=${1:-50}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_RSS=${BENCH_RSS-10 50 200}
read -r -a EXTRA <<<"${BENCH_ARGS:-}"
OUT=bench-out
SHARED=../shared
mkdir -p "$OUT"
export LC_ALL=C.UTF-8                       # `wc -m` counts characters, not bytes

echo "building (release)..." >&2
swift build -c release --product extract >&2
BIN="$(swift build -c release --show-bin-path)/extract"

# corpus MB: bench-out/varied-MB.txt, made once (deterministic).
corpus() {
    local mb=$1 file=$OUT/varied-$1.txt
    if [[ ! -s $file ]]; then
        echo "making $file..." >&2
        python3 - "$SHARED" "$mb" "$file" <<'PY'
import glob, json, os, random, sys
shared, mb, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pool = []
for f in sorted(glob.glob(os.path.join(shared, "data", "ner", "*.jsonl"))):
    for line in open(f, encoding="utf-8"):
        t = json.loads(line)["text"].strip()
        if t:
            pool.append(t)
docs = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(shared, "eval", "docs", "*.txt")))]
if not pool:
    sys.exit("bench: no sentences under ../shared/data/ner")
target, size, rng, out, n = mb * 1_000_000, 0, random.Random(2026), [], 0
while size < target:
    order = list(range(len(pool)))
    rng.shuffle(order)                              # a new grouping on every pass
    k = 0
    while k < len(order) and size < target:
        m = rng.randint(5, 40)
        body = "".join(pool[i] for i in order[k:k + m])
        k += m
        if n % 400 == 0 and docs:                   # a real bulletin now and then
            body = docs[(n // 400) % len(docs)]
        out.append(body + "\n\n")
        size += len(out[-1].encode("utf-8"))
        n += 1
with open(path, "w", encoding="utf-8") as f:
    f.writelines(out)
PY
    fi
    echo "$file"
}

# run_time CMD...: seconds of wall time of CMD (stdout to /dev/null), best of BENCH_RUNS.
run_time() {
    python3 - "$BENCH_RUNS" "$@" <<'PY'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    e = time.perf_counter() - t
    best = e if best is None else min(best, e)
print(f"{best:.4f}")
PY
}

# peak_rss CMD...: peak resident set size of CMD in MB.
peak_rss() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")
PY
}

FILE=$(corpus "$MB")
bytes=$(stat -c %s "$FILE")
chars=$(wc -m < "$FILE")
PIN=(); command -v taskset >/dev/null && PIN=(taskset -c 0)
cat "$FILE" > /dev/null                    # page cache

echo "timing..." >&2
t_wc=$(run_time "${PIN[@]}" wc -m "$FILE")
t_fd=$(run_time "${PIN[@]}" "$BIN" --quiet --jobs 1 --types quantity,date,time "${EXTRA[@]}" "$FILE")
t_def=$(run_time "${PIN[@]}" "$BIN" --quiet --jobs 1 "${EXTRA[@]}" "$FILE")
t_tok=$(run_time "${PIN[@]}" "$BIN" --quiet --jobs 1 --types token "$FILE")
t_j1=$(run_time "$BIN" --quiet --jobs 1 "${EXTRA[@]}" "$FILE")
t_j2=$(run_time "$BIN" --quiet --jobs 2 "${EXTRA[@]}" "$FILE")
"$BIN" --quiet --jobs 1 "${EXTRA[@]}" "$FILE" > "$OUT/one-j1.jsonl"
"$BIN" --quiet --jobs 2 "${EXTRA[@]}" "$FILE" > "$OUT/one-j2.jsonl"
same_one=$(cmp -s "$OUT/one-j1.jsonl" "$OUT/one-j2.jsonl" && echo identical || echo DIFFERENT)
records=$(wc -l < "$OUT/one-j1.jsonl")

# The same text as 100 files, cut at document boundaries.
MANY=$OUT/many-$MB
if [[ ! -d $MANY ]]; then
    python3 - "$FILE" "$MANY" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
docs = open(src, encoding="utf-8").read().split("\n\n")
os.makedirs(dst)
per = -(-len(docs) // 100)
for k in range(100):
    with open(os.path.join(dst, f"part{k:03d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(docs[k * per:(k + 1) * per]))
PY
fi
t_m1=$(run_time "$BIN" --quiet --jobs 1 "${EXTRA[@]}" "$MANY")
t_m2=$(run_time "$BIN" --quiet --jobs 2 "${EXTRA[@]}" "$MANY")
same_many=$(cmp -s <("$BIN" --quiet --jobs 1 "${EXTRA[@]}" "$MANY") <("$BIN" --quiet --jobs 2 "${EXTRA[@]}" "$MANY") \
    && echo identical || echo DIFFERENT)

rss_rows=()
for size in $BENCH_RSS; do
    f=$(corpus "$size")
    rss_rows+=("$size $(stat -c %s "$f") $(peak_rss "$BIN" --quiet "${EXTRA[@]}" "$f")")
done

python3 - "$bytes" "$chars" "$records" "$t_wc" "$t_fd" "$t_def" "$t_j1" "$t_j2" "$t_m1" "$t_m2" \
    "$same_one" "$same_many" "$BENCH_RUNS" "$(nproc)" "$t_tok" \
    "$(awk -F': *' '/model name/ {print $2; exit}' /proc/cpuinfo)" "$(swift --version 2>&1 | head -n1)" \
    "${rss_rows[@]}" <<'PY'
import sys
a = sys.argv[1:]
b, chars, recs = int(a[0]), int(a[1]), int(a[2])
wc, fd, de, j1, j2, m1, m2 = map(float, a[3:10])
same_one, same_many, runs, ncpu, tok, cpu, sw = a[10:17]
tok = float(tok)
rss = [r.split() for r in a[17:]]
mb = b / 1e6
print(f"== extract benchmark: {mb:.1f} MB of varied news text ({chars} characters), best of {runs} ==")
print(f"machine: {ncpu} CPUs, {cpu or 'unknown CPU'}; {sw}")
print(f"| run (one core) | time | MB/s | × wc -m |")
print(f"|---|---|---|---|")
print(f"| wc -m | {wc:.3f} s | {mb / wc:.1f} | 1.00 |")
print(f"| figures and dates (--types quantity,date,time) | {fd:.3f} s | {mb / fd:.1f} | {fd / wc:.2f} |")
print(f"| default types (with organizations) | {de:.3f} s | {mb / de:.1f} | {de / wc:.2f} |")
print(f"| words (--types token) | {tok:.3f} s | {mb / tok:.1f} | {tok / wc:.2f} |")
print(f"organizations cost {de / fd:.2f}× figures and dates alone")
print(f"| parallel | --jobs 1 | --jobs 2 | speed-up | output |")
print(f"|---|---|---|---|---|")
print(f"| one {mb:.0f} MB file | {j1:.3f} s | {j2:.3f} s | {j1 / j2:.2f}× | {same_one} |")
print(f"| the same text as 100 files | {m1:.3f} s | {m2:.3f} s | {m1 / m2:.2f}× | {same_many} |")
if rss:
    print(f"| file size | peak RSS |")
    print(f"|---|---|")
    for size, nbytes, r in rss:
        print(f"| {int(nbytes) / 1e6:.0f} MB | {r} MB |")
print(f"records (default types): {recs}")
PY
