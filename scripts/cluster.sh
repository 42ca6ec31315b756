#!/usr/bin/env bash
# N API replicas and the YARP gateway on loopback, sharing one home (store, model registry, keys, audit log).
#   scripts/cluster.sh start N   replicas on ports RISKGRAPH_REPLICA_PORT.. (5101..), gateway on RISKGRAPH_GATEWAY_PORT (5090)
#   scripts/cluster.sh stop      stops what start started (by the process ids it wrote)
#   scripts/cluster.sh status    the gateway's view: replicas in and out, forwarded/retried/failed counts
# The home must hold data and a model already (bash scripts/setup.sh with RISKGRAPH_SERVE=0). Replicas elect one
# analytics refresher through the store lease (RiskGraph__Replication__AnalyticsLease=true).
set -euo pipefail
cd "$(dirname "$0")/.."

export RISKGRAPH_HOME="${RISKGRAPH_HOME:-$PWD/.riskgraph}"
state="$RISKGRAPH_HOME/cluster"
replica_port="${RISKGRAPH_REPLICA_PORT:-5101}"
gateway_port="${RISKGRAPH_GATEWAY_PORT:-5090}"
api_dll="src/RiskGraph.Api/bin/Release/net10.0/RiskGraph.Api.dll"
gateway_dll="src/RiskGraph.Gateway/bin/Release/net10.0/RiskGraph.Gateway.dll"
cli=(dotnet src/RiskGraph.Training/bin/Release/net10.0/RiskGraph.Training.dll)

wait_healthy() { # url seconds
  for _ in $(seq 1 $(($2 * 5))); do
    if curl -fsS -o /dev/null "$1/health" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "$1 did not answer /health within $2 s" >&2
  return 1
}

start() {
  local n="${1:?usage: cluster.sh start N}"
  [[ -f "$api_dll" && -f "$gateway_dll" ]] || dotnet build RiskGraph.sln -c Release -v quiet -nologo
  mkdir -p "$state"
  # The gateway's probes carry a system key, so /health shows each replica's sequence and state.
  if [[ ! -s "$state/probe.key" ]]; then
    (umask 077; "${cli[@]}" keys create --name "gateway-probe-$(date +%s)" --role system --department gateway | tail -n 1 > "$state/probe.key")
  fi
  local destinations=()
  for i in $(seq 1 "$n"); do
    local port=$((replica_port + i - 1))
    RiskGraph__Replication__AnalyticsLease=true RiskGraph__Replication__ReplicaId="r$i" \
      setsid nohup dotnet "$api_dll" --urls "http://127.0.0.1:$port" > "$state/r$i.log" 2>&1 &
    echo $! > "$state/r$i.pid"
    destinations+=("ReverseProxy__Clusters__replicas__Destinations__r${i}__Address=http://127.0.0.1:$port/")
  done
  env "${destinations[@]}" Gateway__ProbeApiKey="$(cat "$state/probe.key")" \
    setsid nohup dotnet "$gateway_dll" --urls "http://127.0.0.1:$gateway_port" > "$state/gateway.log" 2>&1 &
  echo $! > "$state/gateway.pid"
  for i in $(seq 1 "$n"); do wait_healthy "http://127.0.0.1:$((replica_port + i - 1))" 300; done
  wait_healthy "http://127.0.0.1:$gateway_port" 60
  echo "gateway http://127.0.0.1:$gateway_port in front of $n replicas (ports $replica_port..$((replica_port + n - 1))); logs in $state"
}

stop() {
  shopt -s nullglob
  for pidfile in "$state"/*.pid; do
    local pid
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; echo "stopped $(basename "$pidfile" .pid) ($pid)"; fi
    rm -f "$pidfile"
  done
}

status() {
  curl -fsS "http://127.0.0.1:$gateway_port/gateway/status" && echo
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start N | stop | status" >&2; exit 2 ;;
esac
