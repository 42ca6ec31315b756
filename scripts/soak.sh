#!/usr/bin/env bash
# Soak: SOAK_SECONDS (600) of mixed load on loopback against the real API over SOAK_ENTERPRISES (100000) generated
# enterprises — warnings, batches of 200, networks, searches, checks from SOAK_READERS (6) connections, and penalties
# ingested at SOAK_INGEST_RATE (500) records a second in batches of SOAK_INGEST_BATCH (250) — then SIGTERM.
# Reports per route the count, 5xx and p50/p99, the ingestion rate reached and the API's resident set every 10 s
# (drift from the first minute to the end) in artifacts/soak/soak.json. The home is kept in SOAK_HOME
# (artifacts/soak/home-N) and reused when it already holds a model, so a second run skips generate/import/train.
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises="${SOAK_ENTERPRISES:-100000}"
seconds="${SOAK_SECONDS:-600}"
port="${SOAK_PORT:-5393}"
home="${SOAK_HOME:-$PWD/artifacts/soak/home-$enterprises}"
out="$PWD/artifacts/soak"
mkdir -p "$out"
export RISKGRAPH_HOME="$home"

if [[ "${SOAK_NO_BUILD:-0}" != 1 ]]; then
  dotnet build src/RiskGraph.Training -c Release -v quiet -nologo >/dev/null
  dotnet build src/RiskGraph.Api -c Release -v quiet -nologo >/dev/null
fi
# SOAK_CLI_DIR / SOAK_API_DIR: build outputs to run (default the Release builds), e.g. copies kept apart from a rebuild.
cli=(dotnet "${SOAK_CLI_DIR:-src/RiskGraph.Training/bin/Release/net10.0}/RiskGraph.Training.dll")
api_dir="${SOAK_API_DIR:-src/RiskGraph.Api/bin/Release/net10.0}"
if [[ ! -d "$home/models" || -z "$(ls -A "$home/models" 2>/dev/null)" ]]; then
  data="$out/data-$enterprises"
  [[ -f "$data/enterprises.csv" ]] || "${cli[@]}" generate --enterprises "$enterprises" --seed 42 --out "$data"
  "${cli[@]}" import "$data"
  "${cli[@]}" train --seed 42
fi
reader_key=$("${cli[@]}" keys create --name "soak-reader-$(date +%s%N)" --role analyst 2>/dev/null | tail -n 1)
writer_key=$("${cli[@]}" keys create --name "soak-writer-$(date +%s%N)" --role credit_officer 2>/dev/null | tail -n 1)
sqlite3 "$home/store.db" "SELECT uscc FROM enterprise ORDER BY uscc LIMIT 20000" >"$out/usccs.txt"

# Rate limits out of the way: the soak measures serving, not the limiter's refusals.
RiskGraph__RateLimits__Analyst__Burst=100000000 RiskGraph__RateLimits__Analyst__PerSecond=100000000 \
RiskGraph__RateLimits__CreditOfficer__Burst=100000000 RiskGraph__RateLimits__CreditOfficer__PerSecond=100000000 \
Logging__LogLevel__Default=Warning \
  dotnet "$api_dir/RiskGraph.Api.dll" --urls "http://127.0.0.1:$port" >"$out/api.log" 2>&1 &
api_pid=$!
trap 'kill "$api_pid" 2>/dev/null || true' EXIT
echo "API pid $api_pid on port $port, home $home; load for $seconds s"
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

python3 scripts/soak.py --port "$port" --key "$reader_key" --writer-key "$writer_key" --pid "$api_pid" --usccs "$out/usccs.txt" \
  --seconds "$seconds" --readers "${SOAK_READERS:-6}" --ingest-rate "${SOAK_INGEST_RATE:-500}" --ingest-batch "${SOAK_INGEST_BATCH:-250}" \
  --out "$out/soak.json"

kill -TERM "$api_pid"
set +e
wait "$api_pid"
echo "API exit code after SIGTERM: $?"
