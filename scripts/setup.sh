#!/usr/bin/env bash
# The README's set-up command: build, generate a synthetic enterprise graph, import it into the embedded
# store, train the warning model, and serve the API. Needs only the .NET 10 SDK.
#   RISKGRAPH_ENTERPRISES (default 20000), RISKGRAPH_SEED (42), RISKGRAPH_PORT (5080),
#   RISKGRAPH_HOME (./.riskgraph), RISKGRAPH_SERVE=0 to stop after training.
set -euo pipefail
cd "$(dirname "$0")/.."

enterprises="${RISKGRAPH_ENTERPRISES:-20000}"
seed="${RISKGRAPH_SEED:-42}"
port="${RISKGRAPH_PORT:-5080}"
export RISKGRAPH_HOME="${RISKGRAPH_HOME:-$PWD/.riskgraph}"
data="data/generated/n${enterprises}-s${seed}"
cli=(dotnet run -c Release --no-build --project src/RiskGraph.Training --)

step() {
  local name="$1"; shift
  local start=$SECONDS
  echo "==> $name"
  "$@"
  echo "    ($name took $((SECONDS - start)) s)"
}

step "restore and build" dotnet build RiskGraph.sln -c Release -v quiet -nologo
step "generate $enterprises enterprises (seed $seed)" "${cli[@]}" generate --enterprises "$enterprises" --seed "$seed" --out "$data"
step "import into the embedded store at $RISKGRAPH_HOME" "${cli[@]}" import "$data"
step "train" "${cli[@]}" train --seed "$seed"
# First run of a home: an admin and an analyst key, written to $RISKGRAPH_HOME/keys.txt (mode 0600).
step "API keys" "${cli[@]}" keys init

if [[ "${RISKGRAPH_SERVE:-1}" == "0" ]]; then exit 0; fi
sample=$(sed -n 2p "$data/enterprises.csv" | cut -d, -f1)
echo "==> serving the API at http://127.0.0.1:$port  (Swagger UI: http://127.0.0.1:$port/swagger)"
echo "    try: curl -H \"X-Api-Key: \$(sed -n 's/^analyst=//p' $RISKGRAPH_HOME/keys.txt)\" http://127.0.0.1:$port/api/enterprises/$sample/warning"
exec dotnet run -c Release --no-build --project src/RiskGraph.Api -- --urls "http://127.0.0.1:$port"
