# Sourced by main.sh and test.sh: installs the npm dependencies when node_modules is missing or
# older than the lock file, builds the provider package, and builds or reuses the Pulumi CLI.
# Sets PULUMI_CLI_DIR to the folder holding `pulumi` and the dynamic-provider shim.

prepare_log() { echo "==> $*" >&2; }

prepare() {
  local repo="$1"
  cd "$repo"
  command -v node >/dev/null || { echo "Node.js >= 20.11 is required" >&2; return 1; }
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 11) ? 0 : 1)' ||
    { echo "Node.js >= 20.11 is required (found $(node --version))" >&2; return 1; }

  # npm writes node_modules/.package-lock.json on every install: older than the lock file (or
  # package.json) means the tree is stale.
  if [ ! -f node_modules/.package-lock.json ] ||
     [ package-lock.json -nt node_modules/.package-lock.json ] ||
     [ package.json -nt node_modules/.package-lock.json ]; then
    prepare_log "installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund >&2
  fi

  prepare_log "building the provider package (npm run build)"
  npm run --silent build >&2

  prepare_log "building or reusing the Pulumi CLI"
  PULUMI_CLI_DIR="$(bash scripts/build-pulumi-cli.sh)"
  export PULUMI_CLI_DIR
}
