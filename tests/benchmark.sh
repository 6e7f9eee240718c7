#!/usr/bin/env bash
# Times the built generator against Hugo on synthetic plans (1k, 3k, 10k and 30k indicators by default) and prints
# medians and ratios of wall time and peak memory. Not part of the test suite. Arguments go to the benchmark, e.g.
#   bash tests/benchmark.sh --sizes 1000,10000 --runs 3
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hugo >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq hugo >/dev/null
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build generator -c Release -o "$out/bin" -v q -nologo >/dev/null
dotnet run --project tests/Pei.Site.Benchmarks -c Release -- --program "$out/bin/pei-site" --theme site-theme --work "$out/work" "$@"
