#!/usr/bin/env bash
# Install (only if missing) and start (idempotently) every local service
# HireOps needs, wait until each answers, create the AWS resources and print
# a status table. Safe to re-run any number of times.
#
#   bash localstack/up.sh
#
# See localstack/README.md for ports, environment variables and logs.
set -euo pipefail

# shellcheck source=localstack/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
load_env

T0=$(date +%s)
mkdir -p "$RUN_DIR" "$CACHE_DIR"
INSTALL_LOG="$RUN_DIR/install.log"

# One up.sh at a time per checkout. Every daemon below is started with `9>&-`
# so it does not inherit (and keep holding) this lock.
exec 9>"$RUN_DIR/up.lock"
if ! flock -n 9; then
  log "another up.sh is running; waiting for it"
  flock -w 900 9 || die "timed out waiting for the other up.sh (lock $RUN_DIR/up.lock)"
fi

declare -A HOW=()   # service -> how we got it up (already running / started / ...)

# ---------------------------------------------------------------------------
# Packages (one apt-get run for everything that is missing)
# ---------------------------------------------------------------------------
pick_python() {
  if [ -n "${HIREOPS_PYTHON:-}" ]; then printf '%s' "$HIREOPS_PYTHON"
  elif [ -x /usr/bin/python3 ]; then printf '/usr/bin/python3'
  else command -v python3 || true; fi
}

venv_ok() { [ -x "$VENV_PY" ] && "$VENV_PY" -c 'import moto, boto3' >/dev/null 2>&1; }

install_missing_packages() {
  local -a pkgs=()
  # MariaDB: server only when nothing answers locally; the client is always
  # needed (provisioning + status).
  if ! port_open "$MYSQL_HOST" "$MYSQL_PORT" && is_local_host "$MYSQL_HOST" && [ ! -x /usr/sbin/mariadbd ]; then
    pkgs+=(mariadb-server mariadb-client)
  elif ! command -v mariadb >/dev/null 2>&1; then
    pkgs+=(mariadb-client)
  fi
  if ! redis_ping && is_local_host "$REDIS_HOST" && ! command -v redis-server >/dev/null 2>&1; then
    pkgs+=(redis-server)
  fi
  if ! clamd_ping && is_local_host "$CLAMD_HOST" && [ ! -x /usr/sbin/clamd ]; then
    pkgs+=(clamav-daemon clamav)
  fi
  if ! venv_ok; then
    local py; py="$(pick_python)"
    if [ -z "$py" ]; then pkgs+=(python3 python3-venv)
    elif ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then pkgs+=(python3-venv); fi
  fi
  if ! maildev_up; then
    command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
    command -v npm  >/dev/null 2>&1 || pkgs+=(npm)
  fi
  [ "${#pkgs[@]}" -gt 0 ] || return 0
  step "packages"
  apt_install "$INSTALL_LOG" "${pkgs[@]}"
}

# ---------------------------------------------------------------------------
# MariaDB
# ---------------------------------------------------------------------------
sql_escape() { printf '%s' "${1//\'/\'\'}"; }

# mysql_app ARGS... : run the mariadb client as the application user over TCP.
mysql_app() {
  MYSQL_PWD="$MYSQL_PASSWORD" mariadb --protocol=TCP -h "$MYSQL_HOST" -P "$MYSQL_PORT" \
    -u "$MYSQL_USER" --connect-timeout=5 -N -B "$@"
}

app_user_ok() {
  local probe="${MYSQL_DATABASE}_test_probe"
  mysql_app -e "CREATE DATABASE IF NOT EXISTS \`$MYSQL_DATABASE\`;
                CREATE DATABASE IF NOT EXISTS \`$probe\`;
                DROP DATABASE \`$probe\`;" >/dev/null 2>&1
}

# Find a way to talk to MariaDB as root: TCP (no password / MYSQL_ROOT_PASSWORD)
# first, then the unix socket (root via unix_socket auth).
ROOT_CLIENT=()
find_root_client() {
  if MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mariadb --protocol=TCP -h "$MYSQL_HOST" -P "$MYSQL_PORT" \
       -u "$MYSQL_ROOT_USER" --connect-timeout=5 -e 'SELECT 1' >/dev/null 2>&1; then
    ROOT_CLIENT=(env "MYSQL_PWD=$MYSQL_ROOT_PASSWORD" mariadb --protocol=TCP -h "$MYSQL_HOST"
                 -P "$MYSQL_PORT" -u "$MYSQL_ROOT_USER" --connect-timeout=5)
    return 0
  fi
  if is_local_host "$MYSQL_HOST"; then
    local -a sock=()
    [ -S "$MARIADB_SOCKET" ] && sock=(-S "$MARIADB_SOCKET")
    # env -u: the client would otherwise honour MYSQL_HOST/MYSQL_TCP_PORT from
    # the environment and go over TCP to some other server.
    local -a cli=(as_root env -u MYSQL_HOST -u MYSQL_TCP_PORT -u MYSQL_PWD -u MYSQL_UNIX_PORT
                  mariadb --protocol=SOCKET -u root ${sock[@]+"${sock[@]}"})
    # ...and make sure that socket belongs to the server on $MYSQL_PORT.
    if [ "$("${cli[@]}" -N -B -e 'SELECT @@port' 2>/dev/null)" = "$MYSQL_PORT" ]; then
      ROOT_CLIENT=("${cli[@]}")
      return 0
    fi
  fi
  return 1
}

provision_mariadb() {
  local db="$MYSQL_DATABASE" user pass pattern host sql
  user="$(sql_escape "$MYSQL_USER")"; pass="$(sql_escape "$MYSQL_PASSWORD")"
  # `hireops\_%` : every database whose name starts with "hireops_" (tests
  # create hireops_test_<random>). "_" is a wildcard in grants, so escape it.
  pattern="${db//_/\\_}\\_%"
  sql="CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4;"
  for host in 127.0.0.1 localhost %; do
    sql+="
CREATE USER IF NOT EXISTS '$user'@'$host' IDENTIFIED BY '$pass';
ALTER USER '$user'@'$host' IDENTIFIED BY '$pass';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'$host';
GRANT ALL PRIVILEGES ON \`$pattern\`.* TO '$user'@'$host';"
  done
  "${ROOT_CLIENT[@]}" -e "$sql" >>"$RUN_DIR/mariadb-provision.log" 2>&1
}

start_mariadb() {
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1 && [ "$MYSQL_PORT" = 3306 ]; then
    log "starting mariadb via systemctl"
    as_root systemctl start mariadb >>"$INSTALL_LOG" 2>&1 9>&- || true
    port_open "$MYSQL_HOST" "$MYSQL_PORT" && return 0
  fi
  [ -x /usr/sbin/mariadbd ] || die "mariadb: /usr/sbin/mariadbd not found (apt-get install mariadb-server)"
  local sockdir; sockdir="$(dirname "$MARIADB_SOCKET")"
  as_root install -d -o mysql -g mysql -m 0755 "$sockdir"
  if ! as_root test -d "$MARIADB_DATADIR/mysql"; then
    log "mariadb: initialising datadir $MARIADB_DATADIR"
    as_root install -d -o mysql -g mysql -m 0750 "$MARIADB_DATADIR"
    as_root mariadb-install-db --user=mysql --datadir="$MARIADB_DATADIR" --skip-test-db \
      >>"$RUN_DIR/mariadb.log" 2>&1 || { show_log_tail "$RUN_DIR/mariadb.log"; die "mariadb-install-db failed"; }
  fi
  local bind="$MYSQL_HOST"; [ "$bind" = localhost ] && bind=127.0.0.1
  log "mariadb: starting mariadbd on $bind:$MYSQL_PORT (log: $RUN_DIR/mariadb.log)"
  as_root start-stop-daemon --start --oknodo --background \
    --make-pidfile --pidfile "$RUN_DIR/mariadb.pid" --output "$RUN_DIR/mariadb.log" \
    --exec /usr/sbin/mariadbd -- \
    --user=mysql --datadir="$MARIADB_DATADIR" --bind-address="$bind" --port="$MYSQL_PORT" \
    --socket="$MARIADB_SOCKET" --pid-file="${MARIADB_SOCKET%.sock}.pid" \
    ${MARIADB_LOG_ERROR:+--log-error="$MARIADB_LOG_ERROR"} 9>&-
  local deadline=$(( $(date +%s) + HIREOPS_WAIT_TIMEOUT ))
  until port_open "$MYSQL_HOST" "$MYSQL_PORT"; do
    if ! pid_alive "$(read_pidfile "$RUN_DIR/mariadb.pid")" || [ "$(date +%s)" -ge "$deadline" ]; then
      show_log_tail "$RUN_DIR/mariadb.log"
      die "mariadb did not start on $MYSQL_HOST:$MYSQL_PORT (see $RUN_DIR/mariadb.log and the log-error of my.cnf)"
    fi
    sleep 0.5
  done
}

ensure_mariadb() {
  step "mariadb ($MYSQL_HOST:$MYSQL_PORT)"
  if port_open "$MYSQL_HOST" "$MYSQL_PORT"; then
    HOW[mariadb]="already running"
  else
    is_local_host "$MYSQL_HOST" || die "mariadb: nothing answers on $MYSQL_HOST:$MYSQL_PORT (remote host, not starting it)"
    start_mariadb
    HOW[mariadb]="started"
  fi
  command -v mariadb >/dev/null 2>&1 || die "mariadb client not found (apt-get install mariadb-client)"
  if app_user_ok; then
    ok "mariadb: user $MYSQL_USER can use $MYSQL_DATABASE and create/drop ${MYSQL_DATABASE}_* databases"
    return 0
  fi
  log "mariadb: provisioning database $MYSQL_DATABASE and user $MYSQL_USER"
  find_root_client || die "mariadb: cannot connect as $MYSQL_ROOT_USER (tried TCP $MYSQL_HOST:$MYSQL_PORT and the unix socket); set MYSQL_ROOT_PASSWORD or create user $MYSQL_USER yourself"
  provision_mariadb || { show_log_tail "$RUN_DIR/mariadb-provision.log"; die "mariadb: provisioning failed"; }
  if ! app_user_ok; then
    mysql_app -e "CREATE DATABASE IF NOT EXISTS \`${MYSQL_DATABASE}_test_probe\`; DROP DATABASE \`${MYSQL_DATABASE}_test_probe\`;" || true
    die "mariadb: user $MYSQL_USER still cannot create/drop ${MYSQL_DATABASE}_test_probe after provisioning"
  fi
  HOW[mariadb]+=", provisioned"
  ok "mariadb: database $MYSQL_DATABASE + user $MYSQL_USER ready"
}

# ---------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------
ensure_redis() {
  step "redis ($REDIS_HOST:$REDIS_PORT)"
  if redis_ping; then HOW[redis]="already running"; ok "redis answers PONG"; return 0; fi
  is_local_host "$REDIS_HOST" || die "redis: no PONG from $REDIS_HOST:$REDIS_PORT (remote host, not starting it)"
  if port_open "$REDIS_HOST" "$REDIS_PORT"; then
    die "redis: port $REDIS_PORT is open but does not answer PING with PONG (in use by $(describe_port "$REDIS_PORT"))"
  fi
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1 && [ "$REDIS_PORT" = 6379 ]; then
    as_root systemctl start redis-server >>"$INSTALL_LOG" 2>&1 9>&- || true
  fi
  if ! redis_ping; then
    command -v redis-server >/dev/null 2>&1 || die "redis: redis-server not found (apt-get install redis-server)"
    local bind="$REDIS_HOST"; [ "$bind" = localhost ] && bind=127.0.0.1
    log "redis: starting redis-server on $bind:$REDIS_PORT (log: $RUN_DIR/redis.log)"
    redis-server --daemonize yes --bind "$bind" --port "$REDIS_PORT" --save "" --appendonly no \
      --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log" --dir "$RUN_DIR" 9>&- \
      || { show_log_tail "$RUN_DIR/redis.log"; die "redis-server failed to start"; }
  fi
  wait_for redis 30 redis_ping || { show_log_tail "$RUN_DIR/redis.log"; die "redis did not answer PING"; }
  HOW[redis]="started"
  ok "redis answers PONG"
}

# ---------------------------------------------------------------------------
# Python venv + moto_server (S3 + SQS + SESv2)
# ---------------------------------------------------------------------------
ensure_venv() {
  local py req="$LOCALSTACK_DIR/requirements.txt" want stamp="$VENV_DIR/.hireops-stamp"
  py="$(pick_python)"; [ -n "$py" ] || die "python3 not found"
  want="$(file_hash "$req")-$("$py" -c 'import sys; print(sys.version.split()[0])')"
  if venv_ok && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  mkdir -p "$CACHE_DIR"
  (
    flock -w 900 8 || die "timed out waiting for $CACHE_DIR/.venv.lock"
    if venv_ok && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then exit 0; fi
    local t log="$RUN_DIR/pip.log"
    t=$(date +%s)
    if [ ! -x "$VENV_PY" ] || ! "$VENV_PY" -c 'import sys' >/dev/null 2>&1; then
      rm -rf "$VENV_DIR"
      log "python: creating venv $VENV_DIR with $py"
      "$py" -m venv "$VENV_DIR" >>"$log" 2>&1 || { rm -rf "$VENV_DIR"; show_log_tail "$log"; die "python3 -m venv failed (is python3-venv installed?)"; }
    fi
    log "python: installing $(grep -Ev '^\s*(#|$)' "$req" | tr '\n' ' ')(log: $log)"
    "$VENV_PY" -m pip install --disable-pip-version-check --no-compile -q -r "$req" >>"$log" 2>&1 \
      || { show_log_tail "$log"; die "pip install -r $req failed"; }
    venv_ok || die "venv $VENV_DIR is broken after install (see $log)"
    printf '%s\n' "$want" > "$stamp"
    ok "python venv ready in $(( $(date +%s) - t ))s"
  ) 8>"$CACHE_DIR/.venv.lock"
}

# wait_started NAME PIDFILE CHECK LOG : wait until CHECK succeeds; fail fast if
# the process in PIDFILE dies.
wait_started() {
  local name="$1" pidfile="$2" check="$3" logf="$4" pid deadline
  deadline=$(( $(date +%s) + HIREOPS_WAIT_TIMEOUT ))
  pid="$(read_pidfile "$pidfile" || true)"
  until "$check"; do
    if ! pid_alive "$pid"; then show_log_tail "$logf"; die "$name exited during startup (log: $logf)"; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then show_log_tail "$logf"; die "$name not ready after ${HIREOPS_WAIT_TIMEOUT}s (log: $logf)"; fi
    sleep 0.3
  done
}

# Record the pid that really owns the port (robust against wrappers).
fix_pidfile_from_port() {
  local pidfile="$1" port="$2" p
  p="$(pid_on_port "$port" || true)"
  [ -n "$p" ] && printf '%s\n' "$p" > "$pidfile"
  return 0
}

ensure_moto() {
  step "aws emulator moto_server ($AWS_ENDPOINT_URL)"
  ensure_venv
  if moto_up; then
    HOW[aws]="already running"
  else
    is_local_host "$MOTO_HOST" || die "aws: $AWS_ENDPOINT_URL does not answer (remote host, not starting it)"
    port_open "$MOTO_HOST" "$MOTO_PORT" && die "aws: port $MOTO_PORT is in use by $(describe_port "$MOTO_PORT") but /moto-api/ does not answer"
    local bind="$MOTO_HOST"; [ "$bind" = localhost ] && bind=127.0.0.1
    log "aws: starting moto_server on $bind:$MOTO_PORT (log: $RUN_DIR/moto.log)"
    printf '\n==== %s moto_server start\n' "$(date -Is)" >>"$RUN_DIR/moto.log"
    setsid nohup "$VENV_DIR/bin/moto_server" -H "$bind" -p "$MOTO_PORT" \
      >>"$RUN_DIR/moto.log" 2>&1 </dev/null 9>&- &
    printf '%s\n' "$!" > "$RUN_DIR/moto.pid"
    wait_started moto_server "$RUN_DIR/moto.pid" moto_up "$RUN_DIR/moto.log"
    fix_pidfile_from_port "$RUN_DIR/moto.pid" "$MOTO_PORT"
    HOW[aws]="started"
  fi
  ok "aws: $AWS_ENDPOINT_URL/moto-api/ answers"
  # moto keeps everything in memory: (re)create the resources on every run.
  "$VENV_PY" "$LOCALSTACK_DIR/init_aws.py" || die "aws: init_aws.py failed"
}

# ---------------------------------------------------------------------------
# clamd
# ---------------------------------------------------------------------------
CLAMD_DB_DIR=""
write_clamd_conf() {
  CLAMD_DB_DIR="$STATE_DIR/clamav/db"
  mkdir -p "$CLAMD_DB_DIR"
  local changed=1 conf="$RUN_DIR/clamd.conf" tmp
  cmp -s "$LOCALSTACK_DIR/clamav/hireops-test.ndb" "$CLAMD_DB_DIR/hireops-test.ndb" && changed=0
  [ "$changed" = 1 ] && cp "$LOCALSTACK_DIR/clamav/hireops-test.ndb" "$CLAMD_DB_DIR/hireops-test.ndb"
  local bind="$CLAMD_HOST"; [ "$bind" = localhost ] && bind=127.0.0.1
  tmp="$(mktemp "$RUN_DIR/clamd.conf.XXXXXX")"
  cat > "$tmp" <<EOF
# Generated by localstack/up.sh - do not edit (edit up.sh instead).
# No "User" line: clamd keeps the uid it was started with (root in CI), so it
# can read the repo-local database and write the repo-local log/pid files.
DatabaseDirectory $CLAMD_DB_DIR
TCPSocket $CLAMD_PORT
TCPAddr $bind
Foreground no
LogFile $RUN_DIR/clamd.log
LogTime yes
LogFileMaxSize 5M
PidFile $RUN_DIR/clamd.pid
TemporaryDirectory ${TMPDIR:-/tmp}
# uploads are limited to 25 MB by the app
StreamMaxLength 30M
MaxFileSize 30M
MaxScanSize 120M
ScanArchive yes
MaxThreads 4
ReadTimeout 120
CommandReadTimeout 30
Bytecode no
SelfCheck 0
ConcurrentDatabaseReload no
EOF
  if cmp -s "$tmp" "$conf"; then rm -f "$tmp"; else mv "$tmp" "$conf"; changed=1; fi
  chmod a+rX "$STATE_DIR" "$STATE_DIR/clamav" "$CLAMD_DB_DIR" 2>/dev/null || true
  chmod a+r "$CLAMD_DB_DIR/hireops-test.ndb" "$conf" 2>/dev/null || true
  return $(( 1 - changed ))   # 0 = something changed
}

ensure_clamd() {
  step "clamd ($CLAMD_ADDR)"
  local changed=0
  write_clamd_conf && changed=1
  if clamd_ping; then
    HOW[clamd]="already running"
    local ours; ours="$(read_pidfile "$RUN_DIR/clamd.pid" || true)"
    if [ "$changed" = 1 ] && pid_alive "$ours" && pid_matches "$ours" clamd; then
      log "clamd: config/signatures changed, restarting our clamd (pid $ours)"
      stop_pidfile clamd "$RUN_DIR/clamd.pid" clamd >/dev/null
    else
      ok "clamd answers PONG"
      return 0
    fi
  fi
  is_local_host "$CLAMD_HOST" || die "clamd: no PONG from $CLAMD_ADDR (remote host, not starting it)"
  port_open "$CLAMD_HOST" "$CLAMD_PORT" && die "clamd: port $CLAMD_PORT is in use by $(describe_port "$CLAMD_PORT") but does not answer PING"
  [ -x /usr/sbin/clamd ] || die "clamd: /usr/sbin/clamd not found (apt-get install clamav-daemon)"
  log "clamd: starting with $RUN_DIR/clamd.conf (log: $RUN_DIR/clamd.log)"
  printf '\n==== %s clamd start\n' "$(date -Is)" >>"$RUN_DIR/clamd.start.log"
  /usr/sbin/clamd -c "$RUN_DIR/clamd.conf" >>"$RUN_DIR/clamd.start.log" 2>&1 9>&- \
    || { show_log_tail "$RUN_DIR/clamd.start.log"; show_log_tail "$RUN_DIR/clamd.log"; die "clamd failed to start"; }
  if ! wait_for clamd 60 clamd_ping; then
    show_log_tail "$RUN_DIR/clamd.start.log"; show_log_tail "$RUN_DIR/clamd.log"
    die "clamd did not answer PING on $CLAMD_ADDR"
  fi
  HOW[clamd]="started"
  ok "clamd answers PONG"
}

# ---------------------------------------------------------------------------
# MailDev (SMTP catcher + web UI + REST API)
# ---------------------------------------------------------------------------
MAILDEV_BIN=""
ensure_maildev_install() {
  MAILDEV_BIN="$MAILDEV_DIR/node_modules/maildev/bin/maildev"
  command -v node >/dev/null 2>&1 || die "node not found (apt-get install nodejs)"
  local want stamp="$MAILDEV_DIR/.hireops-stamp"
  want="$(file_hash "$LOCALSTACK_DIR/package.json" "$LOCALSTACK_DIR/package-lock.json")-node$(node -p 'process.versions.node.split(".")[0]')"
  if [ -f "$MAILDEV_BIN" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  command -v npm >/dev/null 2>&1 || die "npm not found (apt-get install npm)"
  mkdir -p "$MAILDEV_DIR"
  (
    flock -w 900 8 || die "timed out waiting for $MAILDEV_DIR/.lock"
    if [ -f "$MAILDEV_BIN" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then exit 0; fi
    local t log="$RUN_DIR/npm.log"
    t=$(date +%s)
    log "maildev: npm ci into $MAILDEV_DIR (log: $log)"
    cp "$LOCALSTACK_DIR/package.json" "$LOCALSTACK_DIR/package-lock.json" "$MAILDEV_DIR/"
    (cd "$MAILDEV_DIR" && npm ci --omit=dev --no-audit --no-fund --loglevel=warn) >>"$log" 2>&1 \
      || { show_log_tail "$log"; die "npm ci for maildev failed"; }
    [ -f "$MAILDEV_BIN" ] || die "maildev binary missing after npm ci (see $log)"
    printf '%s\n' "$want" > "$stamp"
    ok "maildev installed in $(( $(date +%s) - t ))s"
  ) 8>"$MAILDEV_DIR/.lock"
}

ensure_maildev() {
  step "maildev (smtp $SMTP_HOST:$SMTP_PORT, web $MAIL_CATCHER_URL)"
  if maildev_up; then
    HOW[maildev]="already running"; ok "maildev answers (SMTP 220 + GET /email)"; return 0
  fi
  if ! is_local_host "$SMTP_HOST" || ! is_local_host "$MAILDEV_WEB_HOST"; then
    die "maildev: $SMTP_HOST:$SMTP_PORT / $MAIL_CATCHER_URL do not answer (remote host, not starting it)"
  fi
  local p
  for p in "$SMTP_PORT" "$MAILDEV_WEB_PORT"; do
    port_open 127.0.0.1 "$p" && die "maildev: port $p is in use by $(describe_port "$p") but MailDev does not answer there"
  done
  ensure_maildev_install
  local smtp_bind="$SMTP_HOST" web_bind="$MAILDEV_WEB_HOST"
  [ "$smtp_bind" = localhost ] && smtp_bind=127.0.0.1
  [ "$web_bind" = localhost ] && web_bind=127.0.0.1
  mkdir -p "$STATE_DIR/maildev-mail"
  log "maildev: starting (log: $RUN_DIR/maildev.log)"
  printf '\n==== %s maildev start\n' "$(date -Is)" >>"$RUN_DIR/maildev.log"
  setsid nohup node "$MAILDEV_BIN" --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" \
    --ip "$smtp_bind" --web-ip "$web_bind" --mail-directory "$STATE_DIR/maildev-mail" \
    >>"$RUN_DIR/maildev.log" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" > "$RUN_DIR/maildev.pid"
  wait_started maildev "$RUN_DIR/maildev.pid" maildev_up "$RUN_DIR/maildev.log"
  fix_pidfile_from_port "$RUN_DIR/maildev.pid" "$SMTP_PORT"
  HOW[maildev]="started"
  ok "maildev answers (SMTP 220 + GET /email)"
}

# ---------------------------------------------------------------------------
main() {
  log "repo $REPO_ROOT, state $STATE_DIR, cache $CACHE_DIR"
  install_missing_packages
  ensure_mariadb
  ensure_redis
  ensure_moto
  ensure_clamd
  ensure_maildev

  echo
  if ! print_status_table HOW; then
    echo
    die "some services are not answering (see logs in $RUN_DIR)"
  fi
  echo
  log "all services up in $(( $(date +%s) - T0 ))s. Logs: $RUN_DIR  (selftest: bash localstack/selftest.sh)"
}

main "$@"
