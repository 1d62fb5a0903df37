#!/usr/bin/env bash
# Browser test of the HTML pages: the review page (extract --format html) of the seed bulletin
# and of the encodings fixtures (several documents), a page of hostile input, and the verify
# page of a claim/source pair are opened in headless Chromium. scripts/browser_check.py checks
# that every record is a mark with a box and a colour, that the screenshot shows the marks in
# their colours, and that the hostile input stayed text.
#
#   bash scripts/test_browser.sh                  # the test (CI)
#   bash scripts/test_browser.sh --update-images  # also rewrites docs/review-seed.png and
#                                                 # docs/verify-pair.png, the README's pictures
#
# Installs Debian's chromium and a Chinese font (fonts-wqy-microhei) with apt-get when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
update=${1:-}

need=()
command -v chromium >/dev/null || need+=(chromium)
{ command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; } || need+=(fonts-wqy-microhei)
if ((${#need[@]})); then
    echo "installing ${need[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq > /dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
fi
chromium --version 2> /dev/null

swift build -c release --product extract 2>&1 | tail -n 1
BIN="$(swift build -c release --show-bin-path)/extract"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# The seed bulletin: the README's picture.
"$BIN" --quiet --format html Tests/Fixtures/seed-bulletin.txt > "$tmp/seed.html"
"$BIN" --quiet Tests/Fixtures/seed-bulletin.txt > "$tmp/seed.jsonl"
python3 scripts/browser_check.py "$tmp/seed.html" --records "$tmp/seed.jsonl" \
    --screenshot "$tmp/review-seed.png" || status=1

# Several documents in several encodings, one section each.
"$BIN" --quiet --format html Tests/Fixtures/encodings > "$tmp/encodings.html" 2> /dev/null
"$BIN" --quiet Tests/Fixtures/encodings > "$tmp/encodings.jsonl" 2> /dev/null
python3 scripts/browser_check.py "$tmp/encodings.html" --records "$tmp/encodings.jsonl" || status=1

# Hostile input: markup, an event handler and a reference in the text and in the document name.
hostile='{"id":"\"><img src=x onerror=\"document.title=1\">",'
hostile+='"text":"<script>document.title=2</script>共 3 人 &lt; \"><img src=x onerror=\"document.title=3\"> 深圳市医师协会"}'
printf '%s\n' "$hostile" | "$BIN" --quiet --format html --input-format jsonl > "$tmp/hostile.html"
printf '%s\n' "$hostile" | "$BIN" --quiet --input-format jsonl > "$tmp/hostile.jsonl"
python3 scripts/browser_check.py "$tmp/hostile.html" --records "$tmp/hostile.jsonl" \
    --hostile "extract: records for review" || status=1

# The verify page of a claim/source pair (exit status 1: it has contradicted figures).
( cd Tests/Fixtures/verify
  "$BIN" verify --quiet --format html pair1.claim.txt --against pair1.source.txt > "$tmp/verify.html" || [[ $? == 1 ]]
  "$BIN" verify --quiet pair1.claim.txt --against pair1.source.txt > "$tmp/verify.jsonl" || [[ $? == 1 ]] )
python3 scripts/browser_check.py "$tmp/verify.html" --records "$tmp/verify.jsonl" --verify \
    --screenshot "$tmp/verify-pair.png" || status=1

if [[ $update == --update-images && $status == 0 ]]; then
    # The README's pictures: the top of each page in a smaller window, in fewer colours when
    # pngquant is there.
    mkdir -p docs
    for page in seed:review-seed verify:verify-pair; do
        chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
            --window-size=960,1280 --screenshot="docs/${page#*:}.png" "file://$tmp/${page%%:*}.html" 2> /dev/null
        if command -v pngquant > /dev/null; then
            pngquant --force --skip-if-larger --output "docs/${page#*:}.png" 48 "docs/${page#*:}.png" || true
        fi
    done
    ls -l docs/review-seed.png docs/verify-pair.png
fi
[[ $status == 0 ]] && echo "browser: the pages show every record as a visible mark" || echo "browser: FAILED"
exit $status
