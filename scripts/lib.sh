# Shared by scripts/start and scripts/test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${HIREOPS_CACHE_DIR:-$HOME/.cache/hireops}"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Make sure a Rust toolchain is on PATH (rustup installs it under ~/.cargo).
ensure_cargo() {
  [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
}

# .env from .env.example, with fresh secrets, once per clone.
ensure_env_file() {
  if [ ! -f "$ROOT/.env" ]; then
    say "creating .env from .env.example with fresh secrets"
    local secret pem
    secret="$(openssl rand -hex 32)"
    pem="$(openssl genpkey -algorithm ed25519 2>/dev/null | awk 'BEGIN{ORS="\\n"} {print}')"
    sed -e "s|^APP_SECRET=.*|APP_SECRET=${secret}|" -e "s|^JWT_PRIVATE_KEY_PEM=.*|JWT_PRIVATE_KEY_PEM=\"${pem}\"|" "$ROOT/.env.example" > "$ROOT/.env"
    chmod 600 "$ROOT/.env"
  fi
  # Clones made before a secret existed get it added once.
  if ! grep -q '^SCAN_SERVICE_TOKEN=.' "$ROOT/.env"; then
    local token
    token="$(openssl rand -hex 32)"
    if grep -q '^SCAN_SERVICE_TOKEN=' "$ROOT/.env"; then
      sed -i "s|^SCAN_SERVICE_TOKEN=.*|SCAN_SERVICE_TOKEN=${token}|" "$ROOT/.env"
    else
      printf '\nSCAN_SERVICE_TOKEN=%s\n' "$token" >> "$ROOT/.env"
    fi
  fi
}

load_env() {
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/.env"
  set +a
}

# A venv with the Python tools the checks use (cfn-lint), cached outside the clone.
ensure_tools_venv() {
  local venv="$CACHE_DIR/tools-venv"
  if [ ! -x "$venv/bin/cfn-lint" ] || ! cmp -s "$ROOT/scripts/requirements-tools.txt" "$venv/.requirements"; then
    say "installing cfn-lint into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --no-compile --disable-pip-version-check -r "$ROOT/scripts/requirements-tools.txt"
    cp "$ROOT/scripts/requirements-tools.txt" "$venv/.requirements"
  fi
  TOOLS_BIN="$venv/bin"
}

# The web app's packages: `npm ci` when node_modules is missing or package-lock.json changed since the last install.
ensure_frontend_deps() {
  command -v npm >/dev/null || { echo "npm not found: install Node.js 20+ (apt-get install nodejs npm)" >&2; exit 1; }
  local dir="$ROOT/frontend" stamp="$ROOT/frontend/node_modules/.hireops-lock.sha256" sum
  sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ ! -d "$dir/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    say "installing the web app's packages (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=warn)
    echo "$sum" > "$stamp"
  fi
}

# Builds the web app into frontend/dist (VITE_* from the environment are baked in)
# and points the local bin at it.
build_frontend() {
  ensure_frontend_deps
  say "building the web app"
  (cd "$ROOT/frontend" && npm run build --silent)
  export HIREOPS_STATIC_DIR="$ROOT/frontend/dist"
}

# Debian's Chromium for the browser end-to-end tests (playwright-core drives it).
ensure_chromium() {
  if ! command -v chromium >/dev/null; then
    say "installing Chromium (Debian package) for the browser tests"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y chromium >/dev/null
  fi
  export CHROMIUM_PATH="$(command -v chromium)"
}
