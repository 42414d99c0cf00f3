#!/bin/sh
# Capacity of every region (vCPU, RAM and disk: capacity, used, free) for
# Prometheus, through node_exporter's textfile collector
# (--collector.textfile.directory). Run it from cron (see crontab).
#
# The metrics are written to a temporary file and renamed into place, so
# node_exporter never reads half a file; on a failure the old file stays
# and the temporary one is removed. Exit: 0 written; osprey's code (2, a
# site that failed) otherwise, and then nothing is replaced.
#
# Environment: TEXTFILE_DIR (default /var/lib/node_exporter/textfile_collector),
# OSPREY_CLOUDS (default prod-admin,dr-admin: capacity reads Placement as
# an admin).
set -eu
dir=${TEXTFILE_DIR:-/var/lib/node_exporter/textfile_collector}
clouds=${OSPREY_CLOUDS:-prod-admin,dr-admin}
tmp="$dir/osprey.prom.$$.tmp"
trap 'rm -f "$tmp"' EXIT
osprey -q --os-cloud "$clouds" capacity -f openmetrics >"$tmp"
mv "$tmp" "$dir/osprey.prom"
