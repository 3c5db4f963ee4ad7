#!/usr/bin/env bash
# Whole-pipeline throughput: `parallax analyze` over the PolNeAR train texts
# (840 articles) into a fresh database; prints articles/s and peak memory.
# Usage: scripts/bench.sh [TEXT_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/eval/polnear/train/text}
runs=${2:-3}
if [ ! -d "$dir" ]; then
  echo "bench: no corpus at $dir (pass a directory of articles)" >&2; exit 1
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -o "$tmp/parallax" ./cmd/parallax
n=$(find "$dir" -type f | wc -l)
echo "corpus: $dir ($n files, $(du -sh "$dir" | cut -f1)), $(nproc) CPUs"
for i in $(seq "$runs"); do
  rm -f "$tmp"/bench.db*
  "$tmp/parallax" analyze --db "$tmp/bench.db" --stats "$dir" | tail -1
done
