#!/usr/bin/env python3
"""Scores `extract verify` on claim/source pairs.

Usage: verify_eval.py --cmd PATH/TO/extract DIR [DIR ...] [--verbose]

Each DIR holds pairK.source.txt, pairK.claim.txt and pairK.expected.tsv (columns:
claim_text, occurrence, verdict, kind, source_text, note). For every expected claim
figure the script finds the verify line whose claim span covers that text and reports:
  - caught: altered figures that come out contradicted (goal: all of them);
  - false alarms: copied, rounded or converted figures that come out contradicted
    (goal: none);
  - verdict accuracy over all rows (supported / contradicted / unsupported).
Exit status 1 when an altered figure is missed or a faithful one is flagged."""
import argparse, glob, json, os, subprocess, sys


def find(text, needle, occurrence):
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    altered = caught = faithful = alarms = rows = right = 0
    for d in a.dirs:
        for exp in sorted(glob.glob(os.path.join(d, "*.expected.tsv"))):
            stem = exp[: -len(".expected.tsv")]
            claim_path, source_path = stem + ".claim.txt", stem + ".source.txt"
            claim = open(claim_path, encoding="utf-8").read()
            out = subprocess.run([a.cmd, "verify", claim_path, "--against", source_path, "--quiet"],
                                 capture_output=True, text=True)
            lines = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
            for row in open(exp, encoding="utf-8").read().splitlines():
                if not row.strip() or row.startswith("#"):
                    continue
                cols = row.split("\t")
                text, occ, verdict, kind = cols[0], int(cols[1]), cols[2], cols[3]
                start = find(claim, text, occ)
                if start is None:
                    print(f"{exp}: {text!r} not in claim", file=sys.stderr)
                    continue
                end = start + len(text)
                got = next((l for l in lines if l["claim"]["start"] < end and start < l["claim"]["end"]), None)
                verdict_got = got["verdict"] if got else "missing"
                rows += 1
                right += verdict_got == verdict
                if kind == "altered":
                    altered += 1
                    caught += verdict_got == "contradicted"
                elif kind in ("copied", "rounded", "converted"):
                    faithful += 1
                    alarms += verdict_got == "contradicted"
                if a.verbose and verdict_got != verdict:
                    src = got["source"]["text"] if got and got.get("source") else "-"
                    why = got["reason"] if got else ""
                    print(f"{os.path.basename(stem)} {kind:9} want {verdict:12} got {verdict_got:12} {text}  [src {src}] {why}")
    print(f"altered caught: {caught}/{altered} = {caught / max(1, altered):.3f}")
    print(f"false alarms:   {alarms}/{faithful} = {alarms / max(1, faithful):.3f}")
    print(f"verdicts right: {right}/{rows} = {right / max(1, rows):.3f}")
    return 0 if caught == altered and alarms == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
