#!/usr/bin/env bash
# The floor of a cold `osprey --os-cloud mc-a-demo,mc-b-demo quota show` on
# the minicloud: the same HTTP calls made bare with curl, as fast as they
# can go (one token per Keystone at once, then every read at once).
#
#   time tests/bench/quota_floor.sh
#   time osprey --os-cloud mc-a-demo,mc-b-demo quota show
#
# Sourced (as tests/bench/token_cache.sh does) it only defines the rounds,
# so that the token round and the read round can be timed apart:
# floor_tokens DIR, floor_credentials DIR, floor_reads.

floor_user=${MC_USER:-demo} floor_pass=${MC_PASSWORD:-minicloud-demo} floor_project=${MC_PROJECT:-demo}

# Waits for every pid given; fails when any of them failed, since `wait`
# alone would hide a refused login or a failed read behind a fast time.
floor_wait() {
  local pid failed=0
  for pid in "$@"; do
    wait "$pid" || failed=1
  done
  if [ "$failed" = 1 ]; then
    echo "quota_floor: a call failed (is the minicloud up? see ../shared/minicloud)" >&2
    return 1
  fi
}

# The token round: one password login per Keystone, both at once; the
# answers (headers h<port>, bodies b<port>) stay in DIR.
floor_tokens() {
  local dir=$1 ks body pids=()
  body=$(printf '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"name":"Default"},"password":"%s"}}},"scope":{"project":{"name":"%s","domain":{"name":"Default"}}}}}' \
    "$floor_user" "$floor_pass" "$floor_project")
  for ks in 5000 5001; do
    curl -sf -D "$dir/h$ks" -o "$dir/b$ks" -H 'content-type: application/json' \
      -d "$body" "http://127.0.0.1:$ks/v3/auth/tokens" &
    pids+=($!)
  done
  floor_wait "${pids[@]}"
}

# Reads the tokens and project ids of the token round out of DIR.
floor_credentials() {
  local dir=$1
  floor_token() { sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *\([^[:space:]]*\).*/\1/p' "$dir/h$1"; }
  # The token's project, without its nested domain object (whose id comes first).
  floor_project_id() { sed 's/"domain": *{[^}]*}//g' "$dir/b$1" | grep -o '"project": *{[^}]*"id": *"[^"]*"' | sed 's/.*"id": *"\([^"]*\)"$/\1/'; }
  floor_ta=$(floor_token 5000) floor_tb=$(floor_token 5001)
  floor_pa=$(floor_project_id 5000) floor_pb=$(floor_project_id 5001)
}

# The read round: every read at once, as osprey sends them (`osprey -vv`
# shows the calls and headers): per site Nova's, Neutron's and Cinder's
# quota sets with usage, and Keystone's registered limits of the region.
floor_reads() {
  local pids=() site cloud region nova neutron cinder ks t p
  floor_get() {
    curl -sf -o /dev/null -H "x-auth-token: $1" -H 'accept: application/json' "${@:3}" "$2" &
    pids+=($!)
  }
  for site in "a RegionOne 8774 9696 8776 5000" "a RegionTwo 8784 9706 8786 5000" "b RegionThree 8794 9716 8796 5001"; do
    read -r cloud region nova neutron cinder ks <<<"$site"
    if [ "$cloud" = a ]; then t=$floor_ta p=$floor_pa; else t=$floor_tb p=$floor_pb; fi
    floor_get "$t" "http://127.0.0.1:$nova/v2.1/os-quota-sets/$p/detail" \
      -H 'openstack-api-version: compute 2.57' -H 'x-openstack-nova-api-version: 2.57'
    floor_get "$t" "http://127.0.0.1:$neutron/v2.0/quotas/$p/details.json"
    floor_get "$t" "http://127.0.0.1:$cinder/v3/os-quota-sets/$p?usage=true"
    floor_get "$t" "http://127.0.0.1:$ks/v3/registered_limits?region_id=$region"
  done
  floor_wait "${pids[@]}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  floor_tokens "$tmp"
  floor_credentials "$tmp"
  floor_reads
fi
