#!/usr/bin/env bash
# The built-in demo: starts fakestack (a fake OpenStack with 3 regions in 2
# clouds on 127.0.0.1, holding an image, servers, a volume in error and two
# subnets that overlap), points osprey at it and runs its main jobs.
# Usage: examples/demo.sh            (from the repository root)
# OSPREY_BIN and FAKESTACK_BIN name binaries already built (as its test
# does); without them the demo builds both with cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${OSPREY_BIN:-}" ]; then
  cargo build -q --bin osprey -p osprey
  OSPREY_BIN=target/debug/osprey
fi
if [ -z "${FAKESTACK_BIN:-}" ]; then
  cargo build -q -p fakestack
  FAKESTACK_BIN=target/debug/fakestack
fi
demo=$(mktemp -d)
# fakestack is waited for, so that nothing of the demo outlives it.
trap '{ kill "${fake:-}" 2>/dev/null && wait "$fake" 2>/dev/null; } || true; rm -rf "$demo"' EXIT
"$FAKESTACK_BIN" --write-clouds-yaml "$demo/clouds.yaml" --ready-file "$demo/ready" \
  >"$demo/fakestack.log" 2>&1 &
fake=$!
for _ in $(seq 100); do [ -f "$demo/ready" ] && break; sleep 0.1; done
[ -f "$demo/ready" ] || { cat "$demo/fakestack.log"; exit 1; }

export OS_CLIENT_CONFIG_FILE=$demo/clouds.yaml
# Tokens cached by the demo stay in its own folder.
export XDG_CACHE_HOME=$demo/cache
osprey() { "$OSPREY_BIN" "$@"; }
show() { printf '\n$ osprey %s\n' "$*"; osprey "$@"; }

show config show -c cloud -c region -c auth_url -c username -c password
show --sites 'fake-a,fake-b' sites --check
show --sites '*/RegionTwo' sites -f json -c cloud -c region -c auth -c image
show --os-cloud fake-a,fake-b quota show --service compute,network
show --os-cloud fake-a-admin,fake-b-admin quota balance --limits examples/global-limits.yaml --dry-run
show --os-cloud fake-a-admin,fake-b-admin quota check --limits examples/global-limits.yaml || true
show --os-cloud fake-a,fake-b auth status
show --os-cloud fake-a,fake-b keypair import --name demo-key --public-key tests/fixtures/keys/ed25519.pub --to fake-a/RegionOne --yes
show --os-cloud fake-a,fake-b keypair list --exit-code || true
show --os-cloud fake-a,fake-b keypair sync demo-key --from fake-a/RegionOne --yes
show --os-cloud fake-a,fake-b keypair list --exit-code
show --os-cloud fake-a,fake-b secgroup list
show --os-cloud fake-a,fake-b image list --exit-code || true
show --os-cloud fake-a,fake-b image sync cirros-0.6.3 --from fake-a/RegionOne --yes
show --os-cloud fake-a,fake-b image list --exit-code
show --os-cloud fake-a,fake-b ip scan -c cloud -c region -c severity -c kind -c address -c peer_cloud -c peer_region || true
show --os-cloud fake-a,fake-b ip free --prefix-length 24 --count 2
show --os-cloud fake-a,fake-b server list
show --os-cloud fake-a,fake-b events
show --os-cloud fake-a,fake-b usage -c cloud -c region -c servers -c servers_by_status -c vcpus -c volumes
show --os-cloud fake-a-admin,fake-b-admin capacity
show --sites fake-a/RegionOne health -c service -c check -c ok -c status -c detail
