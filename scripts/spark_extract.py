#!/usr/bin/env python3
"""Scale extract out on Apache Spark: each partition is piped through
`extract --input-format jsonl`, and the records are written as JSON Lines.

Usage:
  spark-submit scripts/spark_extract.py --input DIR_OR_JSONL --output OUT_DIR \
      --extract /path/to/extract [--jsonl] [--types LIST] [--partitions N]

  --input   a directory of UTF-8 text files (each file is one document, doc = its
            path relative to the input directory), or with --jsonl, JSON Lines
            documents ({"id","text","date"}), one per line.
  --extract the extract binary; it must exist at the same path on every worker
            (ship it with `--files extract` and pass `./extract`, or install it).
  --output  a directory of part-*.jsonl files, as Spark writes them.

On a cluster:
  spark-submit --master yarn --files .build/release/extract \\
      scripts/spark_extract.py --input hdfs:///news --output hdfs:///records --extract ./extract
Locally (what CI runs):
  python3 scripts/spark_extract.py --master 'local[2]' --input Tests/Fixtures --output /tmp/out \\
      --extract .build/release/extract
"""
import argparse, json, os, sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--extract", required=True)
    ap.add_argument("--jsonl", action="store_true")
    ap.add_argument("--types", default=None)
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--master", default=None, help="e.g. local[2] (default: from spark-submit)")
    a = ap.parse_args()

    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("extract")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    if a.jsonl:
        docs = sc.textFile(a.input, minPartitions=a.partitions or sc.defaultParallelism)
        docs = docs.filter(lambda l: l.strip())
    else:
        root = os.path.abspath(a.input) if "://" not in a.input else a.input
        prefix = root.rstrip("/") + "/"

        def to_doc(kv):
            path, text = kv
            p = path.split("://", 1)[-1] if path.startswith("file:") else path
            p = p[len("file:"):] if p.startswith("file:") else p
            rel = p[len(prefix):] if p.startswith(prefix) else p
            return json.dumps({"id": rel, "text": text}, ensure_ascii=False)

        files = sc.wholeTextFiles(a.input + ("/*" if not a.input.endswith("*") else ""),
                                  minPartitions=a.partitions or sc.defaultParallelism)
        docs = files.map(to_doc)

    cmd = [os.path.abspath(a.extract) if os.path.exists(a.extract) else a.extract,
           "--input-format", "jsonl", "--quiet", "--jobs", "1"]
    if a.types:
        cmd += ["--types", a.types]
    records = docs.pipe(" ".join(cmd), env={"LC_ALL": "C.UTF-8"})
    records.saveAsTextFile(a.output)
    spark.stop()


if __name__ == "__main__":
    sys.exit(main())
