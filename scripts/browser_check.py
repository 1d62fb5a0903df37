#!/usr/bin/env python3
"""Opens an HTML page of extract in headless Chromium and checks that its marks are visible.

    browser_check.py PAGE --records RECORDS.jsonl [--verify] [--screenshot OUT.png] [--hostile]

Two runs of Chromium, both at 1200 x 1400 CSS pixels and a device scale factor of 1:

1. A copy of PAGE with a probe script added at its end (the page itself has no script) is
   opened with --dump-dom. The probe lays the page out and writes, for every <mark>, its
   type, offsets, verdict, text and line boxes (getClientRects), its computed background
   colour, visibility and opacity, and for the page its number of <img> and <script>
   elements and its title, into a hidden <pre>. This script reads them from the dumped DOM.
2. PAGE itself is opened with --screenshot. The PNG is decoded (zlib and the PNG filters,
   standard library only) and checked: not blank (many colours), and inside each line box
   of each mark that lies in the first screen, at least a quarter of the pixels have the
   mark's own background colour, so the marks are painted where the layout says.

The marks must be the records: one first piece (with an id) per record of RECORDS, with the
same type and offsets, in the same order, and the text of its pieces is the record's text.
With --verify, RECORDS holds `extract verify` findings and each mark must carry its verdict.
With --hostile, the page must hold no <img> and no script of its own, and keep its title.
Exits 1 with the reasons when a check fails.
"""
import argparse
import html
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

WIDTH, HEIGHT = 1200, 1400

PROBE = """
<pre id="extract-probe" hidden></pre>
<script>
(function () {
  const marks = Array.from(document.querySelectorAll("mark")).map(function (m) {
    const cs = getComputedStyle(m);
    const section = m.closest("section");
    return {id: m.id, section: section ? section.id : "", type: m.dataset.type,
            start: Number(m.dataset.start), end: Number(m.dataset.end),
            verdict: m.dataset.verdict || null, text: m.textContent, leaf: !m.querySelector("mark"),
            boxes: Array.from(m.getClientRects()).map(function (r) { return [r.x, r.y, r.width, r.height]; }),
            background: cs.backgroundColor, visibility: cs.visibility, opacity: cs.opacity};
  });
  document.getElementById("extract-probe").textContent = JSON.stringify({
    marks: marks, images: document.images.length, scripts: document.scripts.length,
    title: document.title, width: document.documentElement.scrollWidth});
})();
</script>
"""


def chromium(*args):
    cmd = [os.environ.get("CHROMIUM", "chromium"), "--headless", "--no-sandbox", "--disable-gpu",
           "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={WIDTH},{HEIGHT}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def probe(page):
    source = open(page, encoding="utf-8").read()
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
        f.write(source.replace("</body>", PROBE + "</body>", 1))
        copy = f.name
    try:
        out = chromium("--dump-dom", "file://" + copy).stdout
    finally:
        os.unlink(copy)
    m = re.search(r'<pre id="extract-probe" hidden="">(.*?)</pre>', out, re.S)
    if not m:
        sys.exit(f"{page}: the probe wrote nothing (chromium --dump-dom printed {len(out)} characters)")
    return json.loads(html.unescape(m.group(1)))


def read_png(path):
    """Width, height and rows of RGB(A) pixels of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                sys.exit(f"{path}: PNG colour type {colour}, depth {depth} not read here")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def rgb(css):
    m = re.match(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)", css)
    if not m or (m.group(4) is not None and float(m.group(4)) == 0):
        return None
    return tuple(int(m.group(k)) for k in (1, 2, 3))


def check(args):
    problems = []
    seen = probe(args.page)
    marks = seen["marks"]
    records = [json.loads(line) for line in open(args.records, encoding="utf-8") if line.strip()]
    if args.verify:
        expected = [(f["claim"]["type"], f["claim"]["start"], f["claim"]["end"], f["verdict"], f["claim"]["text"])
                    for f in records]
    else:
        expected = [(r["type"], r["start"], r["end"], None, r["text"]) for r in records if r["type"] != "error"]
    firsts = [m for m in marks if m["id"]]
    got = [(m["type"], m["start"], m["end"], m["verdict"]) for m in firsts]
    if got != [e[:4] for e in expected]:
        first = next((k for k, (a, b) in enumerate(zip(got, expected)) if a != b[:4]), min(len(got), len(expected)))
        problems.append(f"{len(firsts)} marks do not match the {len(expected)} records (first difference at {first})")
    # The pieces of a mark (one, or more when it crosses another) are in its document's section.
    pieces = {}
    for m in marks:
        key = (m["section"], m["type"], m["start"], m["end"])
        pieces[key] = pieces.get(key, "") + m["text"]
    for m, e in zip(firsts, expected):
        text = pieces[(m["section"], m["type"], m["start"], m["end"])]
        if text.replace("\r\n", "\n") != e[4].replace("\r\n", "\n"):
            problems.append(f"the mark {m['id']} reads {text!r}, its record {e[4]!r}")
    for m in marks:
        # Large enough to read: a character of the page's text is about 16 x 20 pixels.
        boxes = [b for b in m["boxes"] if b[2] >= 6 and b[3] >= 10]
        if not boxes or m["visibility"] != "visible" or float(m["opacity"]) < 1 or rgb(m["background"]) is None:
            problems.append(f"mark {m['id'] or m['start']} is not visible: {m['boxes']} {m['visibility']} "
                            f"opacity {m['opacity']} background {m['background']}")
    if seen["width"] > WIDTH:
        problems.append(f"the page is wider than the window ({seen['width']} px)")
    if args.hostile and (seen["images"] or seen["scripts"] != 1 or seen["title"] != args.hostile):
        problems.append(f"the input became markup: {seen['images']} images, {seen['scripts'] - 1} scripts, "
                        f"title {seen['title']!r}")

    shot = args.screenshot or tempfile.mktemp(suffix=".png")
    chromium(f"--screenshot={shot}", "file://" + os.path.abspath(args.page))
    width, height, channels, rows = read_png(shot)
    colours = {bytes(rows[y][x * channels:x * channels + 3]) for y in range(0, height, 7) for x in range(0, width, 7)}
    if len(colours) < 20:
        problems.append(f"the screenshot is blank ({len(colours)} colours)")
    painted = checked = 0
    for m in marks:
        colour = rgb(m["background"])
        if not m["leaf"] or colour is None:
            continue
        for x0, y0, w, h in m["boxes"]:
            if w < 6 or h < 10 or y0 < 0 or y0 + h > height or x0 + w > width:
                continue
            checked += 1
            xs, ys = range(int(x0) + 1, int(x0 + w) - 1), range(int(y0) + 1, int(y0 + h) - 1)
            same = sum(1 for y in ys for x in xs
                       if all(abs(rows[y][x * channels + k] - colour[k]) <= 6 for k in range(3)))
            if same >= 0.25 * len(xs) * len(ys):
                painted += 1
            else:
                problems.append(f"mark {m['id'] or m['start']} at ({x0:.0f}, {y0:.0f}) is not painted in "
                                f"{m['background']} ({same} of {len(xs) * len(ys)} pixels)")
    if checked == 0:
        problems.append("no mark lies in the first screen")
    if not args.screenshot:
        os.unlink(shot)
    name = os.path.basename(args.page)
    for p in problems[:20]:
        print(f"{name}: {p}")
    print(f"{name}: {len(marks)} marks for {len(expected)} records; {painted}/{checked} line boxes in the "
          f"first screen painted in their colour; {len(colours)} colours in the screenshot; "
          + ("FAILED" if problems else "every mark has a box and a colour"))
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page")
    ap.add_argument("--records", required=True)
    ap.add_argument("--verify", action="store_true")
    ap.add_argument("--screenshot")
    ap.add_argument("--hostile", metavar="TITLE", help="the page's title, which the input must not change")
    sys.exit(0 if check(ap.parse_args()) else 1)


if __name__ == "__main__":
    main()
