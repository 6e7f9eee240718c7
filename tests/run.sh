#!/usr/bin/env bash
# Installs what the test suite needs (Chromium, Java, poppler-utils for reading PDFs, the W3C validator) and runs every
# test, printing a line as each test finishes. The results file (TRX) is kept in test-artifacts/resultados/, which git ignores.
# Ends with the line "N passed, N failed". Exit status: 0 only when every test passed.
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Instalando: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null || {
    echo "error: no se pudieron instalar ${need_apt[*]}" >&2; exit 1; }
fi

if [ ! -f tests/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  (cd tests && npm install --no-audit --no-fund --loglevel=error) || { echo "error: npm install falló" >&2; exit 1; }
fi

export PEI_CHROMIUM="${PEI_CHROMIUM:-$(command -v chromium)}"
export PEI_VNU_JAR="${PEI_VNU_JAR:-$PWD/tests/node_modules/vnu-jar/build/dist/vnu.jar}"
# The generator's cache of compiled templates and parsed content, kept with the test artifacts rather than in the
# user's cache: the suite builds hundreds of temporary content folders.
export PEI_CACHE="${PEI_CACHE:-$PWD/test-artifacts/cache}"

results="$PWD/test-artifacts/resultados"
rm -rf "$results"
mkdir -p "$results"
echo "Compilando y ejecutando las pruebas (una línea por prueba terminada)…"
dotnet test Pei.Site.sln --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
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
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
