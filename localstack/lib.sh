# shellcheck shell=bash
# shellcheck disable=SC2034,SC2016  # vars are used by the sourcing scripts; bash -c '...' is intentional
# Shared helpers for the HireOps local-services scripts (up.sh, down.sh,
# status.sh, selftest.sh). Source it; do not execute it.
#
# Provides:
#   - REPO_ROOT / LOCALSTACK_DIR / STATE_DIR / RUN_DIR / CACHE_DIR paths
#   - env loading: .env from the repo root (if present) + documented defaults
#   - log helpers: log, ok, warn, err, die, step
#   - port / protocol probes: port_open, wait_for_port, redis_ping, clamd_ping,
#     http_status, smtp_banner
#   - pidfile helpers: pid_alive, read_pidfile, pid_on_port, stop_pidfile
#   - apt_install (installs packages by name only if missing)

# ---------------------------------------------------------------------------
# Paths
# ---------------------------------------------------------------------------
LOCALSTACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCALSTACK_DIR/.." && pwd)"

# ---------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ] && [ "${TERM:-dumb}" != "dumb" ]; then
  _C_RED=$'\033[31m'; _C_GRN=$'\033[32m'; _C_YEL=$'\033[33m'; _C_BLU=$'\033[34m'; _C_OFF=$'\033[0m'
else
  _C_RED=''; _C_GRN=''; _C_YEL=''; _C_BLU=''; _C_OFF=''
fi
log()  { printf '%s[localstack]%s %s\n' "$_C_BLU" "$_C_OFF" "$*"; }
step() { printf '%s[localstack]%s == %s\n' "$_C_BLU" "$_C_OFF" "$*"; }
ok()   { printf '%s[localstack]%s %sok%s %s\n' "$_C_BLU" "$_C_OFF" "$_C_GRN" "$_C_OFF" "$*"; }
warn() { printf '%s[localstack]%s %swarning:%s %s\n' "$_C_BLU" "$_C_OFF" "$_C_YEL" "$_C_OFF" "$*" >&2; }
err()  { printf '%s[localstack]%s %serror:%s %s\n' "$_C_BLU" "$_C_OFF" "$_C_RED" "$_C_OFF" "$*" >&2; }
die()  { err "$*"; exit 1; }

# Print the last lines of a log file to stderr (used when something fails).
show_log_tail() {
  local f="$1" n="${2:-30}"
  if [ -s "$f" ]; then
    printf -- '----- last %s lines of %s -----\n' "$n" "$f" >&2
    tail -n "$n" "$f" >&2 || true
    printf -- '-----\n' >&2
  fi
}

# ---------------------------------------------------------------------------
# Environment
# ---------------------------------------------------------------------------
# Loads $REPO_ROOT/.env (if it exists) with `set -a; . ./.env; set +a`.
# Variables that are already set in the real environment win over .env
# (same precedence as dotenv/dotenvy), so `FOO=x bash localstack/up.sh`
# always works even when .env sets FOO.
load_dotenv() {
  local f="$REPO_ROOT/.env" name kv
  [ -f "$f" ] || return 0
  local -a keep=()
  while IFS= read -r name; do
    if [ -n "${!name+x}" ]; then keep+=("$name=${!name}"); fi
  done < <(sed -nE 's/^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=.*/\2/p' "$f")
  set -a
  # shellcheck disable=SC1090
  . "$f"
  set +a
  for kv in ${keep[@]+"${keep[@]}"}; do export "${kv%%=*}=${kv#*=}"; done
}

# url_part URL FIELD -> prints scheme|user|pass|host|port|path of a URL like
# scheme://user:pass@host:port/path (missing parts print empty).
url_part() {
  local url="$1" field="$2" scheme rest auth hostport path user pass host port
  scheme="${url%%://*}"; rest="${url#*://}"
  [ "$scheme" = "$url" ] && { scheme=""; rest="$url"; }
  hostport="${rest%%/*}"; path=""
  [ "$hostport" != "$rest" ] && path="${rest#*/}"
  path="${path%%\?*}"
  auth=""
  if [[ "$hostport" == *@* ]]; then auth="${hostport%@*}"; hostport="${hostport##*@}"; fi
  user="${auth%%:*}"; pass=""
  [[ "$auth" == *:* ]] && pass="${auth#*:}"
  host="${hostport%%:*}"; port=""
  [[ "$hostport" == *:* ]] && port="${hostport##*:}"
  case "$field" in
    scheme) printf '%s' "$scheme" ;; user) printf '%s' "$user" ;;
    pass) printf '%s' "$pass" ;;     host) printf '%s' "$host" ;;
    port) printf '%s' "$port" ;;     path) printf '%s' "$path" ;;
  esac
}

load_env() {
  load_dotenv

  # --- MariaDB / MySQL -------------------------------------------------------
  : "${DATABASE_URL:=mysql://hireops:hireops@127.0.0.1:3306/hireops}"
  export DATABASE_URL
  : "${MYSQL_HOST:=$(url_part "$DATABASE_URL" host)}"
  : "${MYSQL_PORT:=$(url_part "$DATABASE_URL" port)}"
  : "${MYSQL_PORT:=3306}"
  : "${MYSQL_USER:=$(url_part "$DATABASE_URL" user)}"
  : "${MYSQL_PASSWORD:=$(url_part "$DATABASE_URL" pass)}"
  : "${MYSQL_DATABASE:=$(url_part "$DATABASE_URL" path)}"
  : "${MYSQL_HOST:=127.0.0.1}" "${MYSQL_USER:=hireops}" "${MYSQL_PASSWORD:=hireops}" "${MYSQL_DATABASE:=hireops}"
  # Root credentials used only to provision the app user (no password by default).
  : "${MYSQL_ROOT_USER:=root}" "${MYSQL_ROOT_PASSWORD:=}"
  # Only used when up.sh has to start mariadbd itself.
  : "${MARIADB_DATADIR:=/var/lib/mysql}"
  : "${MARIADB_SOCKET:=/run/mysqld/mysqld.sock}"
  : "${MARIADB_LOG_ERROR:=}"   # empty: whatever my.cnf says (stderr also goes to .localstack/run/mariadb.log)
  # Deliberately NOT exported: the mariadb/mysql client reads MYSQL_HOST (and
  # MYSQL_PWD/MYSQL_TCP_PORT) from the environment, which would silently
  # redirect socket connections to TCP.

  # --- Redis -----------------------------------------------------------------
  : "${REDIS_URL:=redis://127.0.0.1:6379}"
  export REDIS_URL
  : "${REDIS_HOST:=$(url_part "$REDIS_URL" host)}"
  : "${REDIS_PORT:=$(url_part "$REDIS_URL" port)}"
  : "${REDIS_HOST:=127.0.0.1}" "${REDIS_PORT:=6379}"

  # --- AWS emulator (moto_server: S3 + SQS + SESv2 on one endpoint) ------------
  : "${AWS_ENDPOINT_URL:=http://127.0.0.1:4566}"
  : "${AWS_REGION:=us-east-1}"
  : "${AWS_DEFAULT_REGION:=$AWS_REGION}"
  : "${AWS_ACCESS_KEY_ID:=test}"
  : "${AWS_SECRET_ACCESS_KEY:=test}"
  export AWS_ENDPOINT_URL AWS_REGION AWS_DEFAULT_REGION AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
  MOTO_HOST="$(url_part "$AWS_ENDPOINT_URL" host)"
  MOTO_PORT="$(url_part "$AWS_ENDPOINT_URL" port)"
  : "${MOTO_HOST:=127.0.0.1}" "${MOTO_PORT:=4566}"
  : "${S3_BUCKET:=hireops-uploads}" "${S3_QUARANTINE_BUCKET:=hireops-quarantine}"
  : "${QUEUE_MAIL:=hireops-mail}" "${QUEUE_EVENTS:=hireops-events}"
  : "${QUEUE_SCAN:=hireops-scan}" "${QUEUE_IMPORT:=hireops-import}"
  : "${MAIL_FROM:=no-reply@hireops.local}"
  export S3_BUCKET S3_QUARANTINE_BUCKET QUEUE_MAIL QUEUE_EVENTS QUEUE_SCAN QUEUE_IMPORT MAIL_FROM

  # --- clamd -----------------------------------------------------------------
  : "${CLAMD_ADDR:=127.0.0.1:3310}"
  export CLAMD_ADDR
  CLAMD_HOST="${CLAMD_ADDR%:*}"; CLAMD_PORT="${CLAMD_ADDR##*:}"

  # --- SMTP catcher (MailDev) ------------------------------------------------
  : "${SMTP_HOST:=127.0.0.1}" "${SMTP_PORT:=1025}"
  : "${MAIL_CATCHER_URL:=http://127.0.0.1:1080}"
  export SMTP_HOST SMTP_PORT MAIL_CATCHER_URL
  MAILDEV_WEB_HOST="$(url_part "$MAIL_CATCHER_URL" host)"
  MAILDEV_WEB_PORT="$(url_part "$MAIL_CATCHER_URL" port)"
  : "${MAILDEV_WEB_HOST:=127.0.0.1}" "${MAILDEV_WEB_PORT:=1080}"

  # --- Local state / caches --------------------------------------------------
  : "${HIREOPS_CACHE_DIR:=${HOME:-/root}/.cache/hireops}"
  : "${HIREOPS_STATE_DIR:=$REPO_ROOT/.localstack}"
  : "${HIREOPS_WAIT_TIMEOUT:=60}"
  export HIREOPS_CACHE_DIR HIREOPS_STATE_DIR
  CACHE_DIR="$HIREOPS_CACHE_DIR"
  STATE_DIR="$HIREOPS_STATE_DIR"
  RUN_DIR="$STATE_DIR/run"
  VENV_DIR="$CACHE_DIR/venv"
  VENV_PY="$VENV_DIR/bin/python"
  MAILDEV_DIR="$CACHE_DIR/maildev"
}

# True when the host is this machine (we only start services for local hosts).
is_local_host() {
  case "$1" in 127.*|localhost|::1|'[::1]'|0.0.0.0) return 0 ;; *) return 1 ;; esac
}

# ---------------------------------------------------------------------------
# Probes
# ---------------------------------------------------------------------------
# port_open HOST PORT -> 0 if a TCP connect succeeds within ~2s.
port_open() {
  local host="$1" port="$2"
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
}

# tcp_chat HOST PORT PAYLOAD(printf format) -> prints the first reply line.
# An empty PAYLOAD just reads the server greeting (SMTP servers reject clients
# that talk before the 220 banner: "421 You talk too soon").
tcp_chat() {
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    [ -n "$2" ] && printf "$2" >&3
    IFS= read -r -t 4 line <&3
    printf "%s\n" "$line"
  ' "$1" "$2" "$3" 2>/dev/null | tr -d '\r'
}

redis_ping() { [ "$(tcp_chat "$REDIS_HOST" "$REDIS_PORT" 'PING\r\n')" = "+PONG" ]; }
clamd_ping() { [ "$(tcp_chat "$CLAMD_HOST" "$CLAMD_PORT" 'nPING\n')" = "PONG" ]; }
smtp_banner() { tcp_chat "$SMTP_HOST" "$SMTP_PORT" '' | grep -q '^220'; }

# http_status URL -> prints the HTTP status code (000 when unreachable).
http_status() {
  local url="$1"
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" 2>/dev/null || true
    return 0
  fi
  local host port path line
  host="$(url_part "$url" host)"; port="$(url_part "$url" port)"; path="/$(url_part "$url" path)"
  line="$(tcp_chat "$host" "${port:-80}" "GET $path HTTP/1.0\\r\\nHost: $host\\r\\nConnection: close\\r\\n\\r\\n" || true)"
  if [[ "$line" =~ ^HTTP/[0-9.]+\ ([0-9]{3}) ]]; then printf '%s' "${BASH_REMATCH[1]}"; else printf '000'; fi
}

moto_up()    { [ "$(http_status "http://$MOTO_HOST:$MOTO_PORT/moto-api/")" = "200" ]; }
maildev_up() { [ "$(http_status "http://$MAILDEV_WEB_HOST:$MAILDEV_WEB_PORT/email")" = "200" ] && smtp_banner; }

# wait_for NAME TIMEOUT CMD... -> polls CMD every 0.5s until it succeeds.
wait_for() {
  local name="$1" timeout="$2"; shift 2
  local deadline=$(( $(date +%s) + timeout ))
  until "$@"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      err "$name did not become ready within ${timeout}s"
      return 1
    fi
    sleep 0.5
  done
}

# wait_for_port HOST PORT [TIMEOUT]
wait_for_port() { wait_for "$1:$2" "${3:-$HIREOPS_WAIT_TIMEOUT}" port_open "$1" "$2"; }

# ---------------------------------------------------------------------------
# Processes / pidfiles
# ---------------------------------------------------------------------------
pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

read_pidfile() { [ -s "$1" ] && tr -dc '0-9' < "$1"; }

# pid_matches PID PATTERN -> the process command line matches PATTERN (ERE).
pid_matches() {
  local cmd
  cmd="$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null || true)"
  [ -n "$cmd" ] && printf '%s' "$cmd" | grep -Eq -- "$2"
}

# pid_on_port PORT -> pid of the process listening on TCP PORT (needs ss).
pid_on_port() {
  command -v ss >/dev/null 2>&1 || return 1
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2
}

# describe_port PORT -> human readable "who listens on PORT".
describe_port() {
  command -v ss >/dev/null 2>&1 || { echo "unknown process"; return 0; }
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | head -n1 || echo "unknown process"
}

# stop_pidfile NAME PIDFILE PATTERN [TIMEOUT] -> SIGTERM (then SIGKILL after
# TIMEOUT seconds, default 15) the process in PIDFILE if it is alive and its
# command line matches PATTERN.
stop_pidfile() {
  local name="$1" pidfile="$2" pattern="$3" timeout="${4:-15}" pid
  pid="$(read_pidfile "$pidfile" || true)"
  if [ -z "$pid" ]; then log "$name: no pidfile, nothing to stop"; return 0; fi
  if ! pid_alive "$pid"; then
    log "$name: not running (stale pidfile removed)"; rm -f "$pidfile"; return 0
  fi
  if ! pid_matches "$pid" "$pattern"; then
    warn "$name: pid $pid is not $name any more (pid reused?); not killing it"
    rm -f "$pidfile"; return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $(( timeout * 2 ))); do pid_alive "$pid" || break; sleep 0.5; done
  if pid_alive "$pid"; then warn "$name: still alive after ${timeout}s, sending SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$pidfile"
  ok "$name stopped (pid $pid)"
}

# ---------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------
_APT_UPDATED=0
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root (or passwordless sudo) to run: $*"; fi
}

# apt_install LOGFILE PKG... -> installs the packages that are not installed yet.
# Runs `apt-get update` only if the first install attempt fails (empty lists).
# In containers without systemd, a temporary policy-rc.d keeps the packages'
# maintainer scripts from starting services (we start what we need ourselves).
apt_install() {
  local logfile="$1"; shift
  local -a missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; please install: ${missing[*]}"
  log "installing Debian packages: ${missing[*]} (log: $logfile)"
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -d /run/systemd/system ] && [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy" && created_policy=1
  fi
  local rc=0
  _apt_get_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      --no-install-recommends "$@" >>"$logfile" 2>&1
  }
  if ! _apt_get_install "${missing[@]}"; then
    if [ "$_APT_UPDATED" = 0 ]; then
      log "apt-get install failed; running apt-get update and retrying"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$logfile" 2>&1 || true
      _APT_UPDATED=1
      _apt_get_install "${missing[@]}" || rc=$?
    else
      rc=1
    fi
  fi
  [ "$created_policy" = 1 ] && as_root rm -f "$policy"
  if [ "$rc" != 0 ]; then
    show_log_tail "$logfile" 40
    die "failed to install: ${missing[*]}"
  fi
  ok "installed ${missing[*]}"
}

# file_hash FILE... -> sha256 of the concatenated files (for install stamps).
file_hash() { cat "$@" | sha256sum | cut -d' ' -f1; }

# ---------------------------------------------------------------------------
# Status table (used by up.sh and status.sh)
# ---------------------------------------------------------------------------
SERVICES=(mariadb redis aws clamd maildev)

mariadb_up() {
  port_open "$MYSQL_HOST" "$MYSQL_PORT" || return 1
  command -v mariadb >/dev/null 2>&1 || return 0
  MYSQL_PWD="$MYSQL_PASSWORD" mariadb --protocol=TCP -h "$MYSQL_HOST" -P "$MYSQL_PORT" \
    -u "$MYSQL_USER" --connect-timeout=5 -N -B -e 'SELECT 1' "$MYSQL_DATABASE" >/dev/null 2>&1
}

service_addr() {
  case "$1" in
    mariadb) printf 'mysql://%s@%s:%s/%s' "$MYSQL_USER" "$MYSQL_HOST" "$MYSQL_PORT" "$MYSQL_DATABASE" ;;
    redis)   printf 'redis://%s:%s' "$REDIS_HOST" "$REDIS_PORT" ;;
    aws)     printf '%s (S3, SQS, SESv2)' "$AWS_ENDPOINT_URL" ;;
    clamd)   printf 'tcp://%s' "$CLAMD_ADDR" ;;
    maildev) printf 'smtp://%s:%s + %s' "$SMTP_HOST" "$SMTP_PORT" "$MAIL_CATCHER_URL" ;;
  esac
}

service_up() {
  case "$1" in
    mariadb) mariadb_up ;; redis) redis_ping ;; aws) moto_up ;;
    clamd) clamd_ping ;;   maildev) maildev_up ;;
  esac
}

# print_status_table [ASSOC_ARRAY_NAME] -> returns the number of services down.
print_status_table() {
  local how_name="${1:-}" s addr state down=0 extra
  printf '%-8s  %-58s  %s\n' SERVICE ADDRESS STATE
  printf '%-8s  %-58s  %s\n' -------- ---------------------------------------------------------- -----
  for s in "${SERVICES[@]}"; do
    addr="$(service_addr "$s")"
    extra=""
    if [ -n "$how_name" ]; then
      local -n _how="$how_name"
      [ -n "${_how[$s]:-}" ] && extra=" (${_how[$s]})"
      unset -n _how
    fi
    if service_up "$s"; then state="${_C_GRN}up${_C_OFF}$extra"
    else state="${_C_RED}DOWN${_C_OFF}$extra"; down=$((down + 1)); fi
    printf '%-8s  %-58s  %s\n' "$s" "$addr" "$state"
  done
  return "$down"
}
