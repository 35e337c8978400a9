#!/usr/bin/env bash
# The first of the README's two commands: on a fresh machine, install and build what is needed,
# run `pulumi up` of the root program (examples/basic) through the real Pulumi engine, check for
# drift (`preview --refresh --json`, read by the package's tencentcloud-organization-drift), report
# what no stack manages (tencentcloud-organization unmanaged), and print the department tree with
# its members and policies. Exit codes: 0 no drift, 1 drift, 3 the stack is locked.
#
# Target: a local emulator started for the run (default), an emulator already running
# (TENCENTCLOUD_ENDPOINT_URL), or Tencent Cloud (TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY
# set, TENCENTCLOUD_ENDPOINT_URL unset).
#
# Usage: bash scripts/main.sh [--fresh] [--recover] [--config key=value ...]
#   --fresh    start the emulator and the stack from scratch (emulator targets only)
#   --recover  after a killed run: removes an empty checkpoint sidecar (<stack>.json.attrs) if the
#              kill left one, then pulumi cancel, pulumi refresh --clear-pending-creates, then up
#              (refused while the process holding the lock still runs)
#   --config   program config, e.g. --config namePrefix=acme-
#
# State stays out of git, in .pulumi-state/main/<target>/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/prepare.sh
source "$repo/scripts/lib/prepare.sh"
prepare "$repo"

prepare_log "running the root program (Pulumi.yaml -> examples/basic)"
exec npx --no-install tsx scripts/main.ts "$@"
