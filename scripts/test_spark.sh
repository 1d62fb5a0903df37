#!/usr/bin/env bash
# CI test of scripts/spark_extract.py: pyspark in local[2] mode over the fixtures must
# give exactly the records the single-machine run gives on the same documents.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install --quiet pyspark
BIN="$(swift build -c release --show-bin-path)/extract"
[[ -x $BIN ]] || swift build -c release --product extract >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in"
cp Tests/Fixtures/*.txt "$tmp/in/"
# Single machine: the same documents as JSON Lines (id = file name).
python3 - "$tmp/in" > "$tmp/docs.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), encoding="utf-8") as f:
        print(json.dumps({"id": name, "text": f.read()}, ensure_ascii=False))
PY
"$BIN" --input-format jsonl --quiet < "$tmp/docs.jsonl" | sort > "$tmp/single.jsonl"
python3 scripts/spark_extract.py --master 'local[2]' --input "$tmp/in" --output "$tmp/out" --extract "$BIN" \
    > "$tmp/spark.log" 2>&1 || { tail -n 40 "$tmp/spark.log"; exit 1; }
cat "$tmp/out"/part-* | sort > "$tmp/spark.jsonl"
n=$(wc -l < "$tmp/single.jsonl")
if cmp -s "$tmp/single.jsonl" "$tmp/spark.jsonl" && [[ $n -gt 0 ]]; then
    echo "spark: $n records, identical to the single-machine run"
    echo "spark test: 1 passed, 0 failed"
else
    diff "$tmp/single.jsonl" "$tmp/spark.jsonl" | head -20
    echo "spark test: 0 passed, 1 failed"
    exit 1
fi
