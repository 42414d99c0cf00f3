#!/bin/sh
# Which resources of a project are nearly used up, summed over every site?
# Reads `quota show --total -f json` (one row per resource: service,
# resource, limit_total, in_use_total, …; -1 is unlimited, and a total
# that cannot be summed is null) with jq.
#
# Usage: quota-headroom.sh [PROJECT [PERCENT]]   (defaults: demo 80)
# Prints `service/resource: used of limit (N%)` for each resource at or
# above PERCENT of its limit. Exit: 0 none, 1 some, 2 a site could not be
# read (osprey's own error is on stderr).
set -eu
project=${1:-demo}
percent=${2:-80}
json=$(osprey -q --os-cloud prod-admin,dr-admin quota show --project "$project" --total -f json)
full=$(printf '%s\n' "$json" | jq -r --argjson percent "$percent" '
  .[]
  | select(.limit_total > 0 and .in_use_total != null
           and .in_use_total * 100 >= .limit_total * $percent)
  | "\(.service)/\(.resource): \(.in_use_total) of \(.limit_total) (\(.in_use_total * 100 / .limit_total | floor)%)"')
[ -z "$full" ] && exit 0
printf '%s\n' "$full"
exit 1
