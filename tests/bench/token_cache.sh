#!/usr/bin/env bash
# The token cache's benchmark: `osprey quota show` over the minicloud's three
# sites (mc-a-demo: RegionOne, RegionTwo; mc-b-demo: RegionThree), cold and
# warm, against the floor measured in the same run.
#
#   cargo build --release && tests/bench/token_cache.sh
#   ROUNDS=3 OSPREY=path/to/osprey tests/bench/token_cache.sh
#
# Each round runs, in this order:
# - the floor (tests/bench/quota_floor.sh): the token round (one login per
#   Keystone, both at once) and the read round (every quota read at once,
#   bare curl), timed apart; the floor is their sum;
# - osprey cold: with an empty cache directory (a fresh XDG_CACHE_HOME);
# - osprey warm: the same command with the directory the cold run filled.
# One untimed round of each comes first (page cache, the services' caches).
# Targets: cold <= 1.05 x the floor, warm <= 1.1 x the read round (medians).
#
# Environment: OSPREY (default target/release/osprey; this script does not
# build), ROUNDS (default 10), OS_CLIENT_CONFIG_FILE (default
# /tmp/mc-clouds.yaml), MC_USER, MC_PASSWORD, MC_PROJECT (the floor's login;
# the clouds' demo user by default). Exit 0 when both targets are met, 1
# when one is missed, 2 when something fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=quota_floor.sh
. "$here/quota_floor.sh"

OSPREY=${OSPREY:-target/release/osprey}
ROUNDS=${ROUNDS:-10}
export OS_CLIENT_CONFIG_FILE=${OS_CLIENT_CONFIG_FILE:-/tmp/mc-clouds.yaml}
# Either would change what is measured: no cache at all, or fewer sites.
unset OSPREY_NO_TOKEN_CACHE OS_REGION_NAME
clouds=mc-a-demo,mc-b-demo sites=3

die() {
  echo "token_cache: $*" >&2
  exit 2
}
[ -n "${EPOCHREALTIME:-}" ] || die "needs bash 5 (EPOCHREALTIME)"
[ -x "$OSPREY" ] || die "no osprey binary at $OSPREY (cargo build --release, or set OSPREY)"
[ -r "$OS_CLIENT_CONFIG_FILE" ] || die "cannot read $OS_CLIENT_CONFIG_FILE (copy the minicloud's clouds.yaml there, mode 600)"
case $ROUNDS in '' | *[!0-9]* | 0) die "ROUNDS must be a positive whole number, not '$ROUNDS'" ;; esac
for ks in 5000 5001; do
  curl -s -o /dev/null -m 5 "http://127.0.0.1:$ks/v3" ||
    die "no Keystone on 127.0.0.1:$ks (start the minicloud: ../shared/minicloud/start.sh)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Microseconds since the epoch into variable $1, without forking a `date`.
stamp() { printf -v "$1" '%s' "${EPOCHREALTIME/[.,]/}"; }

# One floor round; sets token_us and read_us. Pulling the tokens out of the
# answers is left out of both: it is the script's cost, not HTTP's.
floor_round() {
  local t0 t1 t2 t3
  stamp t0
  floor_tokens "$work" || die "the floor's token round failed"
  stamp t1
  floor_credentials "$work"
  stamp t2
  floor_reads || die "the floor's read round failed"
  stamp t3
  token_us=$((t1 - t0)) read_us=$((t3 - t2))
}

# osprey_run CACHE: one `quota show` with XDG_CACHE_HOME=CACHE; sets run_us.
# A failed run, or one that leaves out a site, ends the benchmark.
osprey_run() {
  local cache=$1 t0 t1 rc=0
  stamp t0
  XDG_CACHE_HOME=$cache "$OSPREY" --os-cloud "$clouds" -q quota show -f json \
    >"$work/out.json" 2>"$work/err" || rc=$?
  stamp t1
  run_us=$((t1 - t0))
  [ "$rc" = 0 ] || die "osprey exited $rc: $(head -c 2000 "$work/err")"
  local seen
  seen=$(grep -o '"region": *"[^"]*"' "$work/out.json" | sort -u | wc -l)
  [ "$seen" -eq "$sites" ] || die "osprey listed $seen regions, not $sites"
}

# A cold run then a warm one on a fresh cache directory; sets cold_us, warm_us.
osprey_pair() {
  local cache
  cache=$(mktemp -d "$work/cache.XXXXXX")
  osprey_run "$cache"
  cold_us=$run_us
  if [ -z "$(find "$cache" -type f -print -quit)" ] && [ -z "${empty_noted:-}" ]; then
    echo "note: the cold run left no file under its cache directory: warm runs log in again" >&2
    empty_noted=1
  fi
  osprey_run "$cache"
  warm_us=$run_us
  rm -rf "$cache"
}

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "token_cache: $OSPREY --os-cloud $clouds -q quota show -f json ($sites sites), $ROUNDS rounds"
floor_round
osprey_pair
printf '%-7s %9s %9s %9s %9s %9s\n' round "token ms" "read ms" "floor ms" "cold ms" "warm ms"
: >"$work/figures"
for ((round = 1; round <= ROUNDS; round++)); do
  floor_round
  osprey_pair
  floor_us=$((token_us + read_us))
  echo "$token_us $read_us $floor_us $cold_us $warm_us" >>"$work/figures"
  printf '%-7s %9s %9s %9s %9s %9s\n' "$round" "$(ms $token_us)" "$(ms $read_us)" \
    "$(ms $floor_us)" "$(ms $cold_us)" "$(ms $warm_us)"
done

column_median() { awk -v c="$1" '{ print $c }' "$work/figures" | median; }
m_token=$(column_median 1) m_read=$(column_median 2) m_floor=$(column_median 3)
m_cold=$(column_median 4) m_warm=$(column_median 5)
printf '%-7s %9s %9s %9s %9s %9s\n' median "$(ms "$m_token")" "$(ms "$m_read")" \
  "$(ms "$m_floor")" "$(ms "$m_cold")" "$(ms "$m_warm")"

# verdict NAME VALUE BASE TARGET: prints the ratio with PASS or FAIL; fails
# when it is over the target.
missed=0
verdict() {
  local line
  line=$(awk -v v="$2" -v b="$3" -v t="$4" -v n="$1" 'BEGIN {
    r = v / b
    printf "%-18s %5.2f  (target <= %.2f)  %s", n, r, t, (r <= t ? "PASS" : "FAIL")
  }')
  echo "$line"
  case $line in *FAIL) missed=1 ;; esac
}
verdict "cold / floor" "$m_cold" "$m_floor" 1.05
verdict "warm / read round" "$m_warm" "$m_read" 1.10
exit "$missed"
