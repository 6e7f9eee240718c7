#!/usr/bin/env bash
# The full gate (what CI runs): installs what the test suite needs (Chromium and its headless shell, Java, poppler-utils for reading PDFs, the
# W3C validator, exceljs and SheetJS for reading the workbook outside .NET) and runs every test, printing a line as each test finishes.
# With --fast: the inner loop, the unit and command tests only. It installs nothing and leaves out the tests that drive
# Chromium or publish the release download (marked [Trait("Needs", …)], see tests/Pei.Site.Tests/Needs.cs).
# Any other argument goes to `dotnet test` (e.g. --filter FullyQualifiedName~Serve).
# The results file (TRX) is kept in test-artifacts/resultados/, which git ignores. Prints how long the run took, and
# ends with the line "N passed, N failed". Exit status: 0 only when every test passed.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS=0

fast=0
args=()
tier=()
for arg in "$@"; do
  if [ "$arg" = "--fast" ]; then fast=1; else args+=("$arg"); fi
done

if [ "$fast" = 0 ]; then
  need_apt=()
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
  command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  if [ ${#need_apt[@]} -gt 0 ]; then
    echo "Instalando: ${need_apt[*]}"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null || {
      echo "error: no se pudieron instalar ${need_apt[*]}" >&2; exit 1; }
  fi
  # The browser checks walk every page in Chromium's headless shell when there is one (Debian packages it; the same
  # engine for a fraction of the CPU, see BrowserSite.ChromiumPath), else in Chromium itself.
  if ! command -v chromium-headless-shell >/dev/null 2>&1 && apt-cache show chromium-headless-shell >/dev/null 2>&1; then
    echo "Instalando: chromium-headless-shell"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium-headless-shell >/dev/null ||
      echo "aviso: no se pudo instalar chromium-headless-shell; el recorrido del sitio usa Chromium" >&2
  fi

  if [ ! -f tests/node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -d tests/node_modules/exceljs ] || [ ! -d tests/node_modules/xlsx ]; then
    (cd tests && npm install --no-audit --no-fund --loglevel=error) || { echo "error: npm install falló" >&2; exit 1; }
  fi
  export PEI_CHROMIUM="${PEI_CHROMIUM:-$(command -v chromium)}"
  export PEI_VNU_JAR="${PEI_VNU_JAR:-$PWD/tests/node_modules/vnu-jar/build/dist/vnu.jar}"
  echo "Compilando y ejecutando todas las pruebas (una línea por prueba terminada)…"
else
  tier=(--filter "Needs!=Chromium&Needs!=Publish&Needs!=Node")
  echo "Compilando y ejecutando las pruebas rápidas: sin navegador ni descarga publicada (una línea por prueba terminada)…"
fi

# The generator's cache of compiled templates and parsed content, kept with the test artifacts rather than in the
# user's cache: the suite builds hundreds of temporary content folders.
export PEI_CACHE="${PEI_CACHE:-$PWD/test-artifacts/cache}"

# The suite creates and deletes tens of thousands of small files in temporary folders. On a disk whose file system
# runs without a journal (as on the CI machines), creating files soon after deleting many costs more CPU in the kernel
# than the tests themselves, and more with every run. So the temporary folders go to memory (/dev/shm) when it is a
# tmpfs with room to spare (the full gate keeps under 1 GB there at once), into a folder of this run removed at the end
# (PEI_TMP_ON_DISK=1 keeps them where TMPDIR says).
if [ -z "${PEI_TMP_ON_DISK:-}" ] && [ -d /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] &&
   [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 4194304 ]; then
  TMPDIR="$(mktemp -d /dev/shm/pei-pruebas.XXXXXX)" && export TMPDIR
  trap 'rm -rf "$TMPDIR"' EXIT
fi

results="$PWD/test-artifacts/resultados"
rm -rf "$results"
mkdir -p "$results"
dotnet test Pei.Site.sln --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" --results-directory "$results" \
  ${tier[@]+"${tier[@]}"} ${args[@]+"${args[@]}"}
status=$?

passed=0; failed=0
for trx in "$results"/*.trx "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
  echo "error: dotnet test terminó con código $status (compilación u otro fallo)" >&2
fi
echo "Duración: $((SECONDS / 60)) min $((SECONDS % 60)) s ($SECONDS s)"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
