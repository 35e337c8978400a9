#!/usr/bin/env bash
# Builds the Pulumi CLI from its Go module into a cache outside the repository and
# prints the folder that holds `pulumi` (plus the dynamic-provider shim beside it).
#
# Why build: the npm `pulumi` package and get.pulumi.com download the CLI from the web,
# which these machines cannot reach; the Go module proxy serves the CLI's source.
# A `pulumi` already on PATH at least as new as PULUMI_MIN_VERSION is used as is.
#
# Environment:
#   PULUMI_VERSION      CLI version to build            (default 3.274.1)
#   PULUMI_CLI_CACHE    where builds are kept           (default ~/.cache/tencent-org-pulumi)
#   PULUMI_MIN_VERSION  oldest CLI on PATH to accept    (default 3.216.0: read() returning inputs)
set -euo pipefail

version="${PULUMI_VERSION:-3.274.1}"
cache="${PULUMI_CLI_CACHE:-$HOME/.cache/tencent-org-pulumi}"
min="${PULUMI_MIN_VERSION:-3.216.0}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shim="$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

log() { echo "build-pulumi-cli: $*" >&2; }

# sort -V orders versions; "a >= b" when b sorts first.
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

if existing="$(command -v pulumi 2>/dev/null)"; then
  have="$(pulumi version 2>/dev/null | sed 's/^v//')"
  if [ -n "$have" ] && version_at_least "$have" "$min"; then
    log "using pulumi $have from PATH ($existing)"
    dirname "$existing"
    exit 0
  fi
fi

# Go lives in /usr/local/go on these machines, which a non-login shell (CI) may not have on PATH.
[ -d /usr/local/go/bin ] && case ":$PATH:" in *":/usr/local/go/bin:"*) ;; *) PATH="$PATH:/usr/local/go/bin" ;; esac

out="$cache/pulumi-v$version"
# CI runs its two legs at the same time: one builds, the other waits for it and then reuses the build.
mkdir -p "$cache"
exec 9>"$cache/build-v$version.lock"
flock 9
if [ -x "$out/pulumi" ] && [ "$("$out/pulumi" version 2>/dev/null)" = "v$version" ]; then
  log "reusing $out/pulumi"
else
  command -v go >/dev/null || { log "Go is required to build the Pulumi CLI"; exit 1; }
  work="$cache/build-v$version"
  mkdir -p "$work" "$out"
  # pkg/go.mod replaces sdk with a local path, so `go install pkg@version` refuses it; a
  # wrapper module requiring both at the same version, repeating the non-local replace
  # lines of this release (read from the module proxy), builds it.
  cat > "$work/go.mod" <<MOD
module local/pulumi-cli-build

go 1.26

require (
	github.com/pulumi/pulumi/pkg/v3 v$version
	github.com/pulumi/pulumi/sdk/v3 v$version
)
MOD
  cat > "$work/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
  (
    cd "$work"
    export GOFLAGS=-mod=mod
    for mod in github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/sdk/v3; do
      modfile="$(go mod download -json "$mod@v$version" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
      # keep only replace lines whose target is a module (not a ../local path)
      grep -E '^replace [^ ]+ => [^.][^ ]* v' "$modfile" | while read -r line; do
        target="$(echo "$line" | awk '{print $2}')"
        grep -q "^replace $target " go.mod || echo "$line" >> go.mod
      done
    done
    log "wrapper go.mod:"; sed 's/^/  /' go.mod >&2
    log "downloading modules and compiling (several minutes the first time)"
    go mod tidy >&2
    go build -trimpath \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
      -o "$out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  )
  log "built $out/pulumi ($("$out/pulumi" version))"
fi

# The engine looks for the dynamic-provider plugin on PATH and beside `pulumi`; without it,
# it tries to download a plugin and fails offline.
if [ -f "$shim" ]; then
  install -m 0755 "$shim" "$out/pulumi-resource-pulumi-nodejs"
else
  log "warning: $shim not found (run npm ci first); dynamic resources will not start"
fi
echo "$out"
