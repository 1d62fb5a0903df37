#!/usr/bin/env python3
"""Scale extract out on Apache Spark, with exactly the records of a local run.

Each input file is one unit of work. Spark reads its bytes (binaryFiles); a worker
writes them under their path relative to --input into a scratch directory and runs
`extract` there on the relative paths. Encoding detection (UTF-8, UTF-16, GB18030,
Big5), HTML, JSON Lines files (.jsonl), binary files and offsets are therefore those
of `extract DIR` on one machine, and doc is the path relative to --input (a JSON
Lines document's id, or FILE:LINE for a bad line of FILE).

Usage:
  spark-submit [--master M] --files /path/to/extract scripts/spark_extract.py \\
      --input DIR --output OUT_DIR --extract extract [--types LIST] [--jsonl] \\
      [--partitions N] [--reference-date D]

  --input    a directory (read recursively; like Hadoop, names starting with . or _
             are skipped) or one file, on any file system Spark reads (file://,
             hdfs://, s3a://).
  --output   a directory of part-* files of JSON Lines records, as Spark writes them.
  --extract  the extract binary: shipped with --files (give its file name), or a
             path that exists on every worker, or a command on the workers' PATH.
             Build it with `swift build -c release --static-swift-stdlib` so that
             workers need no Swift runtime.
  --jsonl    read every input file as JSON Lines documents (files named *.jsonl
             always are).

Exit status: 0 every document extracted; 1 some documents failed (each is an error
record in the output, and the count is printed); 2 the job itself failed.

A file is read whole by one worker: split a very large JSON Lines file into parts
(`split -l 100000 --additional-suffix=.jsonl big.jsonl part-`) to spread it.
"""
import argparse, os, shutil, stat, subprocess, sys, tempfile


def find_binary(name, driver_path):
    """The extract binary on this worker: shipped with --files, the driver's path, or PATH."""
    candidates = []
    try:
        from pyspark import SparkFiles
        candidates.append(SparkFiles.get(os.path.basename(name)))
    except Exception:
        pass
    if driver_path:
        candidates.append(driver_path)
    found = shutil.which(name)
    if found:
        candidates.append(found)
    for c in candidates:
        if c and os.path.isfile(c):
            if os.access(c, os.X_OK):
                return c
            # Files shipped with --files may lose their execute bit: run a copy.
            copy = os.path.join(tempfile.mkdtemp(prefix="extract-bin-"), "extract")
            shutil.copyfile(c, copy)
            os.chmod(copy, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
            return copy
    raise RuntimeError(f"extract binary '{name}' not found on this worker (looked in {candidates}): "
                       "ship it with spark-submit --files, or install it at the same path on every worker")


def relative(path, root):
    """The path of a file below the input root, as `extract DIR` names it after DIR/."""
    p = path
    for scheme in ("file://", "file:"):
        if p.startswith(scheme):
            p = p[len(scheme):]
            break
    r = root
    for scheme in ("file://", "file:"):
        if r.startswith(scheme):
            r = r[len(scheme):]
            break
    r = r.rstrip("/")
    if p == r:
        return os.path.basename(p)
    if p.startswith(r + "/"):
        return p[len(r) + 1:]
    return p.lstrip("/")


def make_worker(binary, driver_path, root, options):
    def run(items):
        exe = find_binary(binary, driver_path)
        with tempfile.TemporaryDirectory(prefix="extract-part-") as scratch:
            rels = []
            for path, data in items:
                rel = relative(path, root)
                target = os.path.join(scratch, rel)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(data)
                rels.append(rel)
            if not rels:
                return
            cmd = [exe, "--quiet", "--jobs", "1"] + options + ["--"] + sorted(rels)
            p = subprocess.run(cmd, cwd=scratch, capture_output=True, env={"LC_ALL": "C.UTF-8"})
            if p.stderr:
                sys.stderr.write(p.stderr.decode("utf-8", "replace"))
            if p.returncode not in (0, 1):
                # 2 (usage) or 3 (output failed): records would be lost; fail the task.
                raise RuntimeError(f"extract exited {p.returncode}: {p.stderr.decode('utf-8', 'replace')[-2000:]}")
            for line in p.stdout.decode("utf-8").splitlines():
                yield line
    return run


def is_error(line):
    """An error record: a document that could not be read."""
    if '"type":"error"' not in line:
        return False
    import json
    return json.loads(line).get("type") == "error"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--extract", required=True)
    ap.add_argument("--jsonl", action="store_true")
    ap.add_argument("--types", default=None)
    ap.add_argument("--reference-date", default=None)
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--master", default=None, help="e.g. local[2] (default: from spark-submit)")
    a = ap.parse_args()

    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("extract")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")

    local = "://" not in a.input or a.input.startswith("file:")
    root = os.path.abspath(a.input) if "://" not in a.input else a.input
    if local and os.path.isfile(root):
        root_dir = os.path.dirname(root)
    else:
        root_dir = root
    driver_path = os.path.abspath(a.extract) if os.path.isfile(a.extract) else None

    options = []
    if a.jsonl:
        options += ["--input-format", "jsonl"]
    if a.types:
        options += ["--types", a.types]
    if a.reference_date:
        options += ["--reference-date", a.reference_date]

    files = sc.binaryFiles(root, minPartitions=a.partitions or sc.defaultParallelism)
    records = files.mapPartitions(make_worker(a.extract, driver_path, root_dir, options))
    records = records.cache()
    records.saveAsTextFile(a.output)
    failed = records.filter(is_error).count()
    spark.stop()
    if failed:
        sys.stderr.write(f"extract on spark: {failed} documents failed; their error records are in {a.output}\n")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit:
        raise
    except Exception as e:  # the job itself failed: say so, never exit 0
        sys.stderr.write(f"extract on spark: job failed: {e}\n")
        sys.exit(2)
