#!/usr/bin/env python3
"""Checks `extract --schema` with Python's jsonschema, independently of the Swift tests' own
validator: the schema is valid against the draft 2020-12 meta-schema, and every record the
tool writes over the fixtures validates against it.

    python3 scripts/check_schema.py --cmd .build/release/extract

Installs jsonschema from PyPI (pip) when it is missing. Exits 1 when a check fails.
"""
import argparse
import collections
import json
import subprocess
import sys


def jsonschema_module():
    try:
        import jsonschema
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "jsonschema"], check=True)
        import jsonschema
    return jsonschema


def records(cmd, args, stdin=None):
    run = subprocess.run([cmd, *args], input=stdin, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)}: exit status {run.returncode}: {run.stderr}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cmd", required=True, help="the extract binary")
    cmd = ap.parse_args().cmd
    jsonschema = jsonschema_module()
    schema = json.loads(subprocess.run([cmd, "--schema"], capture_output=True, text=True, check=True).stdout)
    validator_class = jsonschema.validators.validator_for(schema)
    if validator_class is not jsonschema.Draft202012Validator:
        sys.exit(f"the schema is read as {validator_class.__name__}, not draft 2020-12")
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    found = records(cmd, ["--types", "all,token", "--quiet", "--exclude", "*.jsonl", "Tests/Fixtures", "no/such/file"])
    found += records(cmd, ["--quiet", "--reference-date", "2022-03-18", "Tests/Fixtures/seed-bulletin.txt"])
    found += records(cmd, ["--quiet", "--input-format", "jsonl"], stdin='{"id":"a","text":"共 3 人"}\nnot json\n')
    for pair in range(1, 7):
        base = f"Tests/Fixtures/verify/pair{pair}"
        for f in records(cmd, ["verify", "--quiet", base + ".claim.txt", "--against", base + ".source.txt"]):
            found += [f["claim"]] + ([f["source"]] if f["source"] else [])
    failures = 0
    for r in found:
        for e in validator.iter_errors(r):
            failures += 1
            if failures <= 10:
                print(f"{json.dumps(r, ensure_ascii=False)}\n  {e.message} at {list(e.absolute_path)}")
    types = collections.Counter(r["type"] for r in found)
    missing = {d for d in schema["$defs"]} - set(types)
    print(f"schema: valid draft 2020-12; {len(found)} records ("
          + ", ".join(f"{t} {n}" for t, n in sorted(types.items())) + f"), {failures} invalid")
    if missing:
        print(f"schema: no record of type {', '.join(sorted(missing))} among the fixtures")
    sys.exit(1 if failures or missing else 0)


if __name__ == "__main__":
    main()
