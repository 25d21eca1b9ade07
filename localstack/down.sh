#!/usr/bin/env bash
# Stop the local services that localstack/up.sh started (by pidfile under
# .localstack/run): moto_server, clamd, MailDev.
#
#   bash localstack/down.sh          # moto, clamd, maildev
#   bash localstack/down.sh --all    # + MariaDB and Redis, if up.sh started them
#
# Services that were already running before up.sh (e.g. a system MariaDB or
# Redis) are never touched: they have no pidfile of ours.
set -euo pipefail

# shellcheck source=localstack/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
load_env

ALL=0
for arg in "$@"; do
  case "$arg" in
    --all) ALL=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (try --help)" ;;
  esac
done

if [ ! -d "$RUN_DIR" ]; then log "nothing to stop ($RUN_DIR does not exist)"; exit 0; fi

stop_pidfile moto_server "$RUN_DIR/moto.pid"    'moto_server'
stop_pidfile clamd       "$RUN_DIR/clamd.pid"   'clamd'
stop_pidfile maildev     "$RUN_DIR/maildev.pid" 'maildev'

if [ "$ALL" = 1 ]; then
  # redis-server has nothing to flush (started with --save ""); mariadbd needs
  # time for a clean InnoDB shutdown, so give it up to 120s before SIGKILL.
  stop_pidfile redis   "$RUN_DIR/redis.pid"   'redis-server'
  stop_pidfile mariadb "$RUN_DIR/mariadb.pid" 'mariadbd|mysqld' 120
  for s in mariadb redis; do
    if service_up "$s"; then
      log "$s is still running on $(service_addr "$s"): it was not started by up.sh, left alone"
    fi
  done
else
  for s in mariadb redis; do
    if [ -s "$RUN_DIR/$s.pid" ] && pid_alive "$(read_pidfile "$RUN_DIR/$s.pid")"; then
      log "$s was started by up.sh and is left running (use --all to stop it)"
    fi
  done
fi
