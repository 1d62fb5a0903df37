#!/usr/bin/env bash
# Builds the release binary of extract and installs it as PREFIX/bin/extract.
#
#   bash scripts/install.sh                 # PREFIX=/usr/local (needs write access there)
#   bash scripts/install.sh "$HOME/.local"  # or PREFIX=... bash scripts/install.sh
#
# The binary links the Swift runtime statically (--static-swift-stdlib): it runs on
# machines without Swift (a Spark cluster's workers, a server), needing only glibc.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PREFIX=${1:-${PREFIX:-/usr/local}}
SCRATCH=.build-install
echo "building extract (release, static Swift runtime)..." >&2
swift build -c release --product extract --static-swift-stdlib --scratch-path "$SCRATCH" >&2
BIN="$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/extract"
mkdir -p "$PREFIX/bin"
install -m 0755 "$BIN" "$PREFIX/bin/extract"
echo "installed $PREFIX/bin/extract ($("$PREFIX/bin/extract" --version))" >&2
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "note: $PREFIX/bin is not on your PATH; add it: export PATH=\"$PREFIX/bin:\$PATH\"" >&2 ;;
esac
