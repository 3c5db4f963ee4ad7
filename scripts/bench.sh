#!/usr/bin/env bash
# Whole-pipeline throughput: `parallax analyze` over the PolNeAR train texts
# (840 articles) into a fresh database; prints articles/s, CPU time and peak
# memory (needs GNU time, Debian package "time").
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
  # The stats line times the run itself; the process line adds opening
  # and closing the store, and the CPU both cores spent.
  /usr/bin/env time -f "process: %e s wall, %U s user + %S s system CPU, peak RSS %M KB" \
    "$tmp/parallax" analyze --db "$tmp/bench.db" --stats "$dir" 2>&1 | tail -2
done
