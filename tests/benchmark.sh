#!/usr/bin/env bash
# Times the generator as it is shipped (dotnet publish, ReadyToRun) against Hugo on synthetic plans (1k, 3k, 10k and 30k
# indicators by default) and the real site, and prints medians and ratios of wall time and peak memory. Not part of the
# test suite. Arguments go to the benchmark, e.g.
#   bash tests/benchmark.sh --sizes 1000,10000 --runs 3
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
dotnet publish generator -c Release -r "$rid" --self-contained false -o "$out/bin" -v q -nologo >/dev/null
dotnet run --project tests/Pei.Site.Benchmarks -c Release -- --program "$out/bin/pei-site" --theme site-theme --content content --work "$out/work" "$@"
