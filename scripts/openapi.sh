#!/usr/bin/env bash
# The committed OpenAPI document, src/RiskGraph.Api/RiskGraph.Api.json.
#   scripts/openapi.sh generate   build the API and write the document it serves (Swashbuckle's CLI, pinned in
#                                 dotnet-tools.json, reads it from the built assembly; nothing is started)
#   scripts/openapi.sh lint       Redocly CLI's recommended ruleset on the committed document: zero errors, zero warnings
#   scripts/openapi.sh check      generate into a temporary file and fail if it differs from the committed one
# After adding or changing a route: `scripts/openapi.sh generate && scripts/openapi.sh lint`, then commit the document.
set -euo pipefail
cd "$(dirname "$0")/.."

document=src/RiskGraph.Api/RiskGraph.Api.json
redocly_version=2.77.0
configuration=${CONFIGURATION:-Release}

write_document() {
  local out=$1
  dotnet tool restore >/dev/null
  [[ ${OPENAPI_NO_BUILD:-0} == 1 ]] || dotnet build src/RiskGraph.Api -c "$configuration" --nologo -v quiet
  # An empty home: generating the document must not read or create the user's store.
  local home
  home=$(mktemp -d)
  (cd src/RiskGraph.Api && RISKGRAPH_HOME="$home" dotnet swagger tofile --output "$out" "bin/$configuration/net10.0/RiskGraph.Api.dll" v1 >/dev/null)
  rm -rf "$home"
  # The CLI writes no final newline; git and editors prefer one.
  [[ -z $(tail -c1 "$out") ]] || echo >> "$out"
}

case "${1:-}" in
  generate)
    write_document "$PWD/$document"
    echo "wrote $document"
    ;;
  lint)
    npx --yes "@redocly/cli@$redocly_version" lint --extends recommended --max-problems 200 "$document"
    ;;
  check)
    tmp=$(mktemp --suffix .json)
    trap 'rm -f "$tmp"' EXIT
    write_document "$tmp"
    if ! diff -u "$document" "$tmp"; then
      echo "error: $document is not what the API serves; run scripts/openapi.sh generate and commit it" >&2
      exit 1
    fi
    echo "$document is up to date"
    ;;
  *)
    echo "usage: scripts/openapi.sh generate|lint|check" >&2
    exit 2
    ;;
esac
