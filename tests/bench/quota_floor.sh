#!/usr/bin/env bash
# The floor of a cold `osprey --os-cloud mc-a-demo,mc-b-demo quota show` on
# the minicloud: the same HTTP calls made bare with curl, as fast as they
# can go (one token per Keystone at once, then every read at once).
#
#   time tests/bench/quota_floor.sh
#   time osprey --os-cloud mc-a-demo,mc-b-demo quota show
set -euo pipefail
user=${MC_USER:-demo} pass=${MC_PASSWORD:-minicloud-demo} project=${MC_PROJECT:-demo}
body=$(printf '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"name":"Default"},"password":"%s"}}},"scope":{"project":{"name":"%s","domain":{"name":"Default"}}}}}' "$user" "$pass" "$project")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ks in 5000 5001; do
  curl -sf -D "$tmp/h$ks" -o "$tmp/b$ks" -H 'content-type: application/json' \
    -d "$body" "http://127.0.0.1:$ks/v3/auth/tokens" &
done
wait
token() { sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *\([^[:space:]]*\).*/\1/p' "$tmp/h$1"; }
# The token's project, without its nested domain object (whose id comes first).
project_id() { sed 's/"domain": *{[^}]*}//g' "$tmp/b$1" | grep -o '"project": *{[^}]*"id": *"[^"]*"' | sed 's/.*"id": *"\([^"]*\)"$/\1/'; }
ta=$(token 5000) tb=$(token 5001) pa=$(project_id 5000) pb=$(project_id 5001)
get() { curl -sf -o /dev/null -H "x-auth-token: $1" -H 'accept: application/json' "${@:3}" "$2" & }
# Per site: Nova, Neutron and Cinder quota sets with usage, and Keystone's
# registered limits of the region (as osprey reads them).
for site in "a RegionOne 8774 9696 8776 5000" "a RegionTwo 8784 9706 8786 5000" "b RegionThree 8794 9716 8796 5001"; do
  set -- $site
  if [ "$1" = a ]; then t=$ta p=$pa; else t=$tb p=$pb; fi
  get "$t" "http://127.0.0.1:$3/v2.1/os-quota-sets/$p/detail" -H 'openstack-api-version: compute 2.57'
  get "$t" "http://127.0.0.1:$4/v2.0/quotas/$p/details.json"
  get "$t" "http://127.0.0.1:$5/v3/os-quota-sets/$p?usage=true"
  get "$t" "http://127.0.0.1:$6/v3/registered_limits?region_id=$2"
done
wait
