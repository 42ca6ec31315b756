#!/usr/bin/env bash
# Side by side, in one run, on loopback: the authenticated and audited warning route of the real API, and a bare
# minimal-API route answering a precomputed score from a dictionary (tests/RiskGraph.ApiBench), both asked for the same
# 1,000 enterprises in turn (one fixed code would hide what varied subjects cost the audit log); then the batch route
# with 1,000 codes. wrk with 1 thread, 32 connections, 10 s each (BENCH_SECONDS, BENCH_CONNECTIONS).
#   Needs a trained home (bash scripts/setup.sh with RISKGRAPH_SERVE=0) and wrk (apt-get install wrk).
#   Prints one JSON object and writes it to artifacts/bench/api.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export RISKGRAPH_HOME="${RISKGRAPH_HOME:-$PWD/.riskgraph}"
seconds="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-32}"
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[[ -f "$RISKGRAPH_HOME/store.db" ]] || { echo "error: no store at $RISKGRAPH_HOME; run RISKGRAPH_SERVE=0 bash scripts/setup.sh first" >&2; exit 1; }

dotnet build tests/RiskGraph.ApiBench -c Release -v quiet -nologo >/dev/null
dotnet build src/RiskGraph.Api -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/RiskGraph.Training/bin/Release/net10.0/RiskGraph.Training.dll)
key=$("${cli[@]}" keys create --name "bench-$(date +%s%N)" --role system --department bench 2>/dev/null | tail -n 1)
usccs=$(sqlite3 "$RISKGRAPH_HOME/store.db" "SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1000" 2>/dev/null || true)
if [[ -z "$usccs" ]]; then usccs=$(cut -d, -f1 "$(ls -d data/generated/*/ | head -n 1)enterprises.csv" | tail -n +2 | head -n 1000); fi
uscc=$(echo "$usccs" | head -n 1)

work=$(mktemp -d)
cleanup() { kill "${api_pid:-}" "${bare_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The API with rate limits out of the way: this measures serving, not the limiter's refusals.
RiskGraph__RateLimits__System__Burst=100000000 RiskGraph__RateLimits__System__PerSecond=100000000 \
Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/RiskGraph.Api/bin/Release/net10.0/RiskGraph.Api.dll --urls http://127.0.0.1:5391 >"$work/api.log" 2>&1 &
api_pid=$!
dotnet tests/RiskGraph.ApiBench/bin/Release/net10.0/RiskGraph.ApiBench.dll --urls http://127.0.0.1:5392 --store "$RISKGRAPH_HOME/store.db" >"$work/bare.log" 2>&1 &
bare_pid=$!
for url in http://127.0.0.1:5391/health "http://127.0.0.1:5392/bare/$uscc"; do
  for _ in $(seq 1 120); do curl -sf "$url" >/dev/null && break; sleep 0.5; done
done

# Each request asks for the next of the 1,000 codes, through the route template given as the script's argument.
echo "$usccs" >"$work/usccs.txt"
cat >"$work/rotate.lua" <<LUA
local codes, template, i = {}, "", 0
for line in io.lines("$work/usccs.txt") do codes[#codes + 1] = line end
function init(args) template = args[1] end
function request() i = i % #codes + 1; return wrk.format(nil, (template:gsub("{uscc}", codes[i]))) end
LUA

printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["X-Api-Key"] = "%s"\nwrk.body = [[{"usccs":[%s]}]]\n' \
  "$key" "$(echo "$usccs" | sed 's/.*/"&"/' | paste -sd, -)" >"$work/batch.lua"

run() { wrk -t1 -c"$2" -d"${seconds}s" --latency "$1" "${@:3}" >"$work/out" 2>&1; 
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$work/out")
  errors=$(awk '/Non-2xx/ {print $NF}' "$work/out"); echo "$rps ${p99:-0} ${errors:-0}"; }

# Warm both up (JIT, caches), then measure each in turn.
bare=(http://127.0.0.1:5392 -s "$work/rotate.lua" -- "/bare/{uscc}")
warning=(http://127.0.0.1:5391 -H "X-Api-Key: $key" -s "$work/rotate.lua" -- "/api/enterprises/{uscc}/warning")
run "${bare[0]}" 8 "${bare[@]:1}" >/dev/null
run "${warning[0]}" 8 "${warning[@]:1}" >/dev/null
read -r bare_rps bare_p99 bare_err < <(run "${bare[0]}" "$connections" "${bare[@]:1}")
read -r warn_rps warn_p99 warn_err < <(run "${warning[0]}" "$connections" "${warning[@]:1}")
read -r batch_rps batch_p99 batch_err < <(run http://127.0.0.1:5391/api/warnings/batch 8 -s "$work/batch.lua")

mkdir -p artifacts/bench
json=$(printf '{"connections":%s,"seconds":%s,"bare_rps":%s,"bare_p99_ms":%s,"warning_rps":%s,"warning_p99_ms":%s,"warning_non_2xx":%s,"warning_share_of_bare":%s,"batch_1000_rps":%s,"batch_1000_p99_ms":%s,"batch_non_2xx":%s}' \
  "$connections" "$seconds" "$bare_rps" "$bare_p99" "$warn_rps" "$warn_p99" "$warn_err" \
  "$(awk -v a="$warn_rps" -v b="$bare_rps" 'BEGIN {printf "%.3f", a / b}')" "$batch_rps" "$batch_p99" "$batch_err")
echo "$json" | tee artifacts/bench/api.json
