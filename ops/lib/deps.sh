# Installs the Debian packages Lodestar needs, if missing; quiet when all are present.
# Sourced by ops/start, ops/test and the benchmarks. Needs root (or sudo) only when installing.
lodestar_install_deps() {
  local want=(libuv1-dev libpq-dev postgresql curl tzdata "$@")
  local missing=()
  for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "ops: installing ${missing[*]}" >&2
    local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if ! command -v swift >/dev/null; then
    [[ -x /opt/swift/usr/bin/swift ]] && export PATH="/opt/swift/usr/bin:$PATH"
  fi
  command -v swift >/dev/null || { echo "ops: the Swift 6 toolchain is not on PATH" >&2; return 1; }
}

# The newest PostgreSQL server binary directory on this Debian machine.
lodestar_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n $dir && -x $dir/pg_ctl ]] || { echo "ops: PostgreSQL server binaries not found" >&2; return 1; }
  echo "$dir"
}
