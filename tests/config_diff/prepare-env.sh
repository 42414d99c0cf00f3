#!/usr/bin/env bash
# Builds, once, the Python environment in which tests/it/config_diff.rs runs
# openstacksdk, and prints its interpreter's path on stdout.
#
# The environment belongs to this test alone: `python3 -m venv` plus exactly
# the packages pinned in requirements.txt beside this script, installed with
# --no-deps from wheels, so no version is left to the resolver of the day.
# It lives in <target>/pyenv-config-diff/<key>, where the key hashes the
# requirements and the python3 it was made with: a changed pin builds a new
# one (and removes the old), an unchanged one is reused. Every call checks
# that openstacksdk and PyYAML import with the pinned versions.
#
# Test threads, test processes and .ci/run may call this at the same time:
# they take turns on a lock, and a build happens in a temporary directory
# renamed into place, so nobody sees a half-built environment.
#
# Usage: prepare-env.sh [--target-dir DIR]   (default: $CARGO_TARGET_DIR,
# else target/ of this repository). Exits non-zero, with the reason as the
# last line of stderr, when the environment cannot be built.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
requirements=$here/requirements.txt
target=${CARGO_TARGET_DIR:-$here/../../target}

fail() {
  echo "prepare-env.sh: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case $1 in
    --target-dir)
      target=${2:?--target-dir needs a directory}
      shift 2
      ;;
    *) fail "unknown argument: $1" ;;
  esac
done

[ -r "$requirements" ] || fail "cannot read $requirements"
pin() { sed -n "s/^$1==\([^[:space:];#]*\).*/\1/p" "$requirements" | head -n 1; }
sdk=$(pin openstacksdk)
yaml=$(pin PyYAML)
if [ -z "$sdk" ] || [ -z "$yaml" ]; then
  fail "$requirements must pin openstacksdk== and PyYAML=="
fi
command -v python3 >/dev/null || fail "python3 not found on PATH"
# A venv links to the interpreter that made it: another python3 needs its own.
interpreter=$(python3 -c 'import sys; print(sys.executable, sys.version)') ||
  fail "python3 does not run"
key=$({ cat "$requirements"; echo "$interpreter"; } | sha256sum | cut -c 1-16)

mkdir -p "$target/pyenv-config-diff" || fail "cannot create $target/pyenv-config-diff"
root=$(cd "$target/pyenv-config-diff" && pwd)
env=$root/$key
python=$env/bin/python

# The variables a user may have set for another Python must not leak in.
unset PYTHONPATH PYTHONHOME PYTHONUSERBASE PIP_USER

verify() {
  "$1" -I -c '
import sys
import openstack.version
import yaml

got = (openstack.version.__version__, yaml.__version__)
if got != tuple(sys.argv[1:]):
    sys.exit("has openstacksdk %s and PyYAML %s, requirements.txt pins %s and %s"
             % (got + tuple(sys.argv[1:])))
' "$sdk" "$yaml"
}

exec 9>"$root/.lock"
flock 9 || fail "cannot lock $root/.lock"

if [ -d "$env" ]; then
  if why=$(verify "$python" 2>&1); then
    echo "$python"
    exit 0
  fi
  echo "prepare-env.sh: $env is broken (${why##*$'\n'}), building it again" >&2
  rm -rf "$env"
fi

# Under the lock no other build is running: anything left is from a killed one.
rm -rf "$root"/.build-*
build=$(mktemp -d "$root/.build-XXXXXX")
trap 'rm -rf "$build"' EXIT
echo "prepare-env.sh: building $env (openstacksdk $sdk, PyYAML $yaml)" >&2
python3 -m venv "$build" >&2 || fail "python3 -m venv failed"
"$build/bin/python" -m pip install --quiet --no-input --disable-pip-version-check \
  --only-binary=:all: --no-deps --requirement "$requirements" >&2 ||
  fail "pip install --requirement $requirements failed"
"$build/bin/python" -m pip check >&2 ||
  fail "$requirements is not a complete dependency closure (pip check)"
verify "$build/bin/python" >&2 || fail "the new environment does not match $requirements"
chmod 755 "$build"
mv -T "$build" "$env" || fail "cannot move $build to $env"
verify "$python" >&2 || fail "$env does not work after the move"

for old in "$root"/*; do
  [ "$old" = "$env" ] || rm -rf "$old"
done
echo "$python"
