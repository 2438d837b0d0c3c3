#!/usr/bin/env bash
# `make test-compat`: the whole test suite on newer QGIS, each in a Debian chroot made with debootstrap.
#
#   trixie (Debian 13): QGIS 3.40 LTR      sid: QGIS 3.44 LTR (sid moves: a rebuilt chroot may bring a newer QGIS)
#
# The chroots are cached in COMPAT_CACHE (outside the repository, so every clone reuses them). A chroot is used
# only once its build finished (stamp file); a half-built one is deleted and built again. A lock per chroot keeps
# concurrent runs apart. Inside, the project's own `make test` runs unchanged on a copy of the working tree.
#
# Settings (environment): COMPAT_SUITES (default "trixie sid"), COMPAT_CACHE (default /var/cache/liaocheng-compat),
# COMPAT_MIRROR (default: the Debian mirror of this machine's apt), PYTEST_ARGS (passed on to `make test`),
# COMPAT_REBUILD=1 (build the chroots again).
set -euo pipefail
cd "$(dirname "$0")/.."
TREE=$(pwd)

COMPAT_SUITES=${COMPAT_SUITES:-trixie sid}
COMPAT_CACHE=${COMPAT_CACHE:-/var/cache/liaocheng-compat}
RECIPE=3  # bump when the way a chroot is built changes: cached chroots of another recipe are rebuilt
STAMP=.liaocheng-compat-ready
TREE_IN_CHROOT=/work/liaocheng

if [ "$(id -u)" -ne 0 ]; then  # debootstrap, chroot and mount need root
  exec sudo COMPAT_SUITES="$COMPAT_SUITES" COMPAT_CACHE="$COMPAT_CACHE" COMPAT_MIRROR="${COMPAT_MIRROR:-}" \
    PYTEST_ARGS="${PYTEST_ARGS:-}" COMPAT_REBUILD="${COMPAT_REBUILD:-}" bash "$0" "$@"
fi

host_mirror() {
  # The first Debian archive (not the security one) in this machine's apt sources.
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' |
    grep -v security | head -n 1 || true)
  [ -n "$uri" ] || uri=$(awk '/^deb / {print ($2 ~ /^\[/ ? $3 : $2)}' /etc/apt/sources.list 2>/dev/null |
    grep -v security | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}
COMPAT_MIRROR=${COMPAT_MIRROR:-$(host_mirror)}

if ! command -v debootstrap >/dev/null; then
  echo "Installing debootstrap"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
fi
mkdir -p "$COMPAT_CACHE/logs"

unmount_under() {
  # Unmount everything mounted below $1, deepest first (lazily when busy).
  local mount_point
  for mount_point in $(findmnt -rn -o TARGET | awk -v prefix="$1/" 'index($0, prefix) == 1' | sort -r); do
    umount "$mount_point" 2>/dev/null || umount -l "$mount_point"
  done
}

remove_root() {
  unmount_under "$1"
  rm -rf --one-file-system "$1"
}

mount_system() {
  local root=$1
  mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
  mountpoint -q "$root/sys" || mount -t sysfs sysfs "$root/sys"
  if ! mountpoint -q "$root/dev"; then
    mount --rbind /dev "$root/dev"
    mount --make-rslave "$root/dev"  # unmounting it later must not unmount the host's /dev/pts and /dev/shm
  fi
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
}

in_chroot() {
  local root=$1
  shift
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PYTEST_ARGS="${PYTEST_ARGS:-}" \
    bash -c "$*"
}

copy_tree() {
  # The working tree (with uncommitted changes) into the chroot; the chroot's own .venv is kept between runs.
  local target=$1$TREE_IN_CHROOT
  mkdir -p "$target"
  find "$target" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
  tar -C "$TREE" --exclude=./.git --exclude=./.venv --exclude=./.qgis-settings --exclude=__pycache__ \
    --exclude=./.pytest_cache --exclude=./.ruff_cache --exclude=./build --exclude=./dist \
    --exclude=./demo_output --exclude=./bench_output --exclude='./i18n/*.qm' -cf - . | tar -C "$target" -xf -
}

build_chroot() {
  # Debian <suite> with the project's packages (its own .ci/bootstrap.sh), in <suite>.partial, renamed when done.
  local suite=$1 root=$2 partial=$2.partial
  remove_root "$partial"
  remove_root "$root"
  echo "[$suite] debootstrap from $COMPAT_MIRROR (a few minutes; cached in $COMPAT_CACHE)"
  debootstrap --variant=minbase --include=ca-certificates,make "$suite" "$partial" "$COMPAT_MIRROR" \
    >"$COMPAT_CACHE/logs/$suite-debootstrap.log" 2>&1 ||
    { tail -n 20 "$COMPAT_CACHE/logs/$suite-debootstrap.log"; return 1; }
  cat >"$partial/etc/apt/apt.conf.d/90liaocheng" <<'EOF'
// sid's Release file on a mirror can be past its Valid-Until date.
Acquire::Check-Valid-Until "false";
APT::Install-Recommends "false";
EOF
  printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"  # no services start inside the chroot
  chmod +x "$partial/usr/sbin/policy-rc.d"
  # Certificates of this machine's own authorities (a TLS-inspecting proxy): pip inside needs them.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$partial/usr/local/share/ca-certificates/"
  fi
  mount_system "$partial"
  in_chroot "$partial" "update-ca-certificates >/dev/null"
  copy_tree "$partial"
  echo "[$suite] installing the project's packages with .ci/bootstrap.sh"
  in_chroot "$partial" "cd $TREE_IN_CHROOT && make setup" >"$COMPAT_CACHE/logs/$suite-setup.log" 2>&1 ||
    { tail -n 30 "$COMPAT_CACHE/logs/$suite-setup.log"; return 1; }
  in_chroot "$partial" "apt-get clean"
  unmount_under "$partial"
  echo "recipe=$RECIPE suite=$suite mirror=$COMPAT_MIRROR built=$(date -u +%FT%TZ)" >"$partial/$STAMP"
  mv "$partial" "$root"
}

chroot_ready() {
  local root=$1
  [ -f "$root/$STAMP" ] && grep -q "^recipe=$RECIPE " "$root/$STAMP"
}

run_suite() {
  local suite=$1 root=$COMPAT_CACHE/$1 log=$COMPAT_CACHE/logs/$1-test.log started qgis status=0 summary
  started=$(date +%s)
  if [ -n "${COMPAT_REBUILD:-}" ] || ! chroot_ready "$root"; then
    build_chroot "$suite" "$root"
  fi
  echo "[$suite] chroot ready after $(($(date +%s) - started)) s ($(cat "$root/$STAMP"))"
  mount_system "$root"
  in_chroot "$root" "dpkg --configure -a"  # finishes package installs a killed run left half done
  copy_tree "$root"
  qgis=$(in_chroot "$root" "dpkg-query -W -f='\${Version}' qgis")
  echo "[$suite] QGIS $qgis: make test"
  in_chroot "$root" "cd $TREE_IN_CHROOT && make test" 2>&1 | tee "$log" || status=$?
  unmount_under "$root"
  summary=$(grep -E '[0-9]+ (passed|failed|error).* in [0-9.]+s' "$log" | tail -n 1 || true)
  echo "$suite (QGIS $qgis): ${summary:-no pytest summary, see $log} — $(($(date +%s) - started)) s in all" >>"$SUMMARY"
  return $status
}

locked_run() {
  # One suite, holding its chroot's lock; whatever it mounted is unmounted when it ends, fails or is interrupted.
  local suite=$1
  exec 9>"$COMPAT_CACHE/$suite.lock"
  if ! flock -n 9; then
    echo "[$suite] another test-compat run is using this chroot: waiting for it"
    flock 9
  fi
  trap 'unmount_under "$COMPAT_CACHE/$suite"; unmount_under "$COMPAT_CACHE/$suite.partial"' EXIT
  trap 'exit 130' INT TERM
  run_suite "$suite"
}

SUMMARY=$(mktemp)
trap 'rm -f "$SUMMARY"' EXIT
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 130' INT TERM
failed=0
for suite in $COMPAT_SUITES; do
  # In the background and waited for: errexit then holds inside (it does not in a `cmd || …` list).
  (locked_run "$suite") &
  child=$!
  wait "$child" || { failed=1; grep -q "^$suite " "$SUMMARY" || echo "$suite: FAILED before the tests ran" >>"$SUMMARY"; }
done

echo
echo "test-compat:"
sed 's/^/  /' "$SUMMARY"
exit $failed
