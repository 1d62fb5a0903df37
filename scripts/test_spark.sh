#!/usr/bin/env bash
# CI test of scripts/spark_extract.py, run as the README says (spark-submit, --files,
# local master): over a tree of UTF-8, GB18030, Big5, UTF-16 (with and without a
# byte-order mark), HTML, binary and bad JSON Lines files, the job must give, document
# for document and record for record, what `extract DIR` gives on one machine, and
# must exit 1 with the number of failed documents.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install --quiet pyspark
swift build -c release --product extract >/dev/null
BIN="$(swift build -c release --show-bin-path)/extract"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
in=$tmp/in
mkdir -p "$in/encodings" "$in/sub/deeper"
cp Tests/Fixtures/encodings/{utf8,gb18030,big5,utf16le-bom,utf16be-bom,utf8-bom,invalid-utf8}.txt "$in/encodings/"
iconv -f UTF-8 -t UTF-16LE Tests/Fixtures/encodings/utf8.txt > "$in/encodings/utf16le-nobom.txt"
iconv -f UTF-8 -t UTF-16BE Tests/Fixtures/encodings/utf8.txt > "$in/encodings/utf16be-nobom.txt"
cp Tests/Fixtures/page.html "$in/sub/page.html"
cp Tests/Fixtures/page.html "$in/sub/UPPER.HTML"
cp Tests/Fixtures/batch/c.bin "$in/sub/binary.bin"
cp Tests/Fixtures/seed-bulletin.txt Tests/Fixtures/dated-bulletin.txt Tests/Fixtures/line-breaks.txt "$in/"
cp Tests/Fixtures/full-width.txt "$in/sub/deeper/"
printf '{"id":"j1","text":"共 5 万元"}\nnot json\n{"id":"j2","text":"约 3 亿元","date":"2022-03-18"}\n' > "$in/a.jsonl"
printf '{"id":"j3","text":"近 7 万人"}\n{"text":1}\n' > "$in/sub/b.jsonl"

set +e
(cd "$tmp" && "$BIN" --quiet in > "$tmp/local.jsonl")
local_status=$?
(cd "$tmp" && spark-submit --master 'local[2]' --files "$BIN" "$OLDPWD/scripts/spark_extract.py" \
    --input in --output out --extract extract --partitions 4 > "$tmp/spark.log" 2>&1)
spark_status=$?
set -e

python3 - "$tmp" "$local_status" "$spark_status" <<'PY'
import collections, glob, json, os, sys
tmp, local_status, spark_status = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def by_doc(lines, strip):
    docs = collections.OrderedDict()
    for l in lines:
        r = json.loads(l)
        d = r["doc"][len(strip):] if r["doc"].startswith(strip) else r["doc"]
        r["doc"] = d
        docs.setdefault(d, []).append(json.dumps(r, ensure_ascii=False, sort_keys=True))
    return docs
local = by_doc(open(os.path.join(tmp, "local.jsonl"), encoding="utf-8").read().splitlines(), "in/")
spark_lines = []
for p in sorted(glob.glob(os.path.join(tmp, "out", "part-*"))):
    spark_lines += open(p, encoding="utf-8").read().splitlines()
spark = by_doc(spark_lines, "")
failures = []
if local_status != 1: failures.append(f"local run exited {local_status}, expected 1 (a binary file and bad lines)")
if spark_status != 1: failures.append(f"spark job exited {spark_status}, expected 1")
log = open(os.path.join(tmp, "spark.log"), encoding="utf-8", errors="replace").read()
errors = [d for d, rs in local.items() if any('"type": "error"' in r for r in rs)]
if f"{len(errors)} documents failed" not in log: failures.append(f"spark log does not report {len(errors)} failures")
if set(local) != set(spark): failures.append(f"documents differ: only local {sorted(set(local)-set(spark))}, only spark {sorted(set(spark)-set(local))}")
for d in local:
    if d in spark and local[d] != spark[d]:
        failures.append(f"{d}: records differ\n  local {local[d][:2]}\n  spark {spark[d][:2]}")
expected_errors = {"sub/binary.bin", "a.jsonl:2", "sub/b.jsonl:2"}
if set(errors) != expected_errors: failures.append(f"error records {sorted(errors)}, expected {sorted(expected_errors)}")
records = sum(len(v) for v in local.values())
must = ["encodings/gb18030.txt", "encodings/big5.txt", "encodings/utf16le-nobom.txt", "encodings/utf16be-nobom.txt",
        "sub/page.html", "sub/UPPER.HTML", "j1", "j2", "j3"]
for d in must:
    if not local.get(d) or any('"type": "error"' in r for r in local[d]): failures.append(f"{d}: no records locally")
if failures:
    print("\n".join(failures)); print(log[-3000:])
    print("spark test: 0 passed, 1 failed"); sys.exit(1)
print(f"spark: {len(local)} documents, {records} records, {len(errors)} failed documents reported, "
      f"identical to the single-machine run")
print("spark test: 1 passed, 0 failed")
PY
