#!/usr/bin/env bash
# shellcheck disable=SC2034  # HOW is read by print_status_table via a nameref
# Print whether each HireOps local service answers. Exit 0 only if all are up.
#
#   bash localstack/status.sh
set -euo pipefail

# shellcheck source=localstack/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
load_env

# Who started what (pidfiles written by up.sh); read by print_status_table.
declare -A HOW=()
for s in mariadb redis aws clamd maildev; do
  f="$RUN_DIR/${s/aws/moto}.pid"
  pid="$(read_pidfile "$f" 2>/dev/null || true)"
  if [ -n "$pid" ] && pid_alive "$pid"; then HOW[$s]="pid $pid, started by up.sh"
  elif service_up "$s" 2>/dev/null; then HOW[$s]="external"
  fi
done

if print_status_table HOW; then
  exit 0
else
  down=$?
  echo
  err "$down service(s) down; start them with: bash localstack/up.sh (logs: $RUN_DIR)"
  exit 1
fi
