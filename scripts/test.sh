#!/usr/bin/env bash
# The second of the README's two commands (and what CI runs): install and build what is needed,
# then run every test — unit tables, emulator, lifecycle and the engine end-to-end suite.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/prepare.sh
source "$repo/scripts/lib/prepare.sh"
prepare "$repo"

prepare_log "formatting and lint (npm run lint: Biome, biome.json)"
npm run --silent lint

prepare_log "running the tests (npm test)"
npm test
