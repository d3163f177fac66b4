#!/usr/bin/env bash
# Makes a local Docker engine available and builds the local test images.
#
# No container registry is reachable from the project's machines, so every
# image used by the tests is built here from Debian packages:
#   busybox:latest (+ docker-stack-test/busybox:latest)  FROM scratch + busybox-static
#   debian:bookworm-slim                                 debootstrap --variant=minbase
#   docker-stack-test/NAME:latest                        examples/images/NAME/Dockerfile
#                                                        (only with --all or NAME)
#
# Usage: bash scripts/engine.sh [--all] [--compose] [--check] [NAME...]
#   (no argument)  start the engine, build busybox and debian:bookworm-slim
#   NAME...        also build docker-stack-test/NAME:latest (see examples/images/)
#   --all          also build every image under examples/images/
#   --compose      also install Debian's docker-compose (1.29.2)
#   --check        afterwards run a network smoke test (bridge DNS, published
#                  ports) and remove everything it created
# Always installed: Debian's docker-registry and htpasswd (the pull tests' local registry).
# Idempotent: a second run only checks and takes about a second.
# Environment: DOCKERD_ARGS   extra dockerd flags (word-split)
#              DOCKERD_LOG    dockerd log file (default /var/log/dockerd-stack.log)
#              ENGINE_WAIT    seconds to wait for dockerd (default 60)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IMAGES_DIR="$SCRIPT_DIR/images"              # busybox
SERVICE_IMAGES_DIR="$SCRIPT_DIR/../examples/images" # Debian-built services, shared with the examples
DOCKERD_LOG="${DOCKERD_LOG:-/var/log/dockerd-stack.log}"
APT_LOG="${APT_LOG:-/var/log/engine-sh-apt.log}"
ENGINE_WAIT="${ENGINE_WAIT:-60}"
# The CLI may be a newer client (28.x) than the Debian engine (20.10): it
# negotiates the API version. It has no buildx plugin: use the classic builder.
export DOCKER_BUILDKIT=0

log() { echo "engine.sh: $*" >&2; }
die() { echo "engine.sh: ERROR: $*" >&2; exit 1; }

usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

# ---------------------------------------------------------------- arguments
WANT_ALL=0 WANT_COMPOSE=0 WANT_CHECK=0
EXTRA_IMAGES=()
for arg in "$@"; do
  case "$arg" in
    --all) WANT_ALL=1 ;;
    --compose) WANT_COMPOSE=1 ;;
    --check) WANT_CHECK=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $arg" ;;
    busybox|debian|debian:bookworm-slim) ;; # always built
    *)
      [[ -f "$SERVICE_IMAGES_DIR/$arg/Dockerfile" ]] \
        || die "unknown image '$arg': no $SERVICE_IMAGES_DIR/$arg/Dockerfile"
      EXTRA_IMAGES+=("$arg") ;;
  esac
done
if [[ $WANT_ALL == 1 ]]; then
  for d in "$SERVICE_IMAGES_DIR"/*/; do
    name="$(basename "$d")"
    [[ ! -f "$d/Dockerfile" ]] && continue
    EXTRA_IMAGES+=("$name")
  done
fi

[[ $(id -u) == 0 ]] || die "must run as root (installs packages, starts dockerd)"

# ---------------------------------------------------------------- packages
APT_UPDATED=0
apt_install() { # PKG...
  if [[ $APT_UPDATED == 0 ]]; then
    log "apt-get update (log: $APT_LOG)"
    apt-get update >>"$APT_LOG" 2>&1 \
      || { tail -n 20 "$APT_LOG" >&2; die "apt-get update failed"; }
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" \
    >>"$APT_LOG" 2>&1 \
    || { tail -n 20 "$APT_LOG" >&2; die "apt-get install $* failed"; }
}

# ---------------------------------------------------------------- engine
engine_up() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

dockerd_pid() { # prints the pid of a live dockerd from its pid file
  local pid
  pid="$(cat /var/run/docker.pid 2>/dev/null || true)"
  [[ -n "$pid" && -d "/proc/$pid" ]] && grep -q dockerd "/proc/$pid/comm" 2>/dev/null \
    && echo "$pid"
}

wait_engine() { # PID: waits until the engine answers or PID dies
  local pid="$1" i
  for ((i = 0; i < ENGINE_WAIT * 4; i++)); do
    engine_up && return 0
    [[ -d "/proc/$pid" ]] || return 1
    sleep 0.25
  done
  return 1
}

start_dockerd() { # FLAGS...: 0 if the engine answers
  local offset pid
  offset=$(($(stat -c %s "$DOCKERD_LOG" 2>/dev/null || echo 0) + 1))
  log "starting dockerd${*:+ $*} (log: $DOCKERD_LOG)"
  # setsid + nohup: dockerd outlives this script and its shell session.
  setsid nohup dockerd "$@" >>"$DOCKERD_LOG" 2>&1 </dev/null &
  pid=$!
  disown "$pid" 2>/dev/null || true
  if wait_engine "$pid"; then return 0; fi
  LAST_START_LOG="$(tail -c "+$offset" "$DOCKERD_LOG" 2>/dev/null || true)"
  if [[ -d "/proc/$pid" ]]; then
    log "dockerd (pid $pid) did not answer within ${ENGINE_WAIT}s, stopping it"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do [[ -d "/proc/$pid" ]] || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  else
    log "dockerd exited during start-up"
  fi
  return 1
}

ensure_engine() {
  if engine_up; then
    log "docker engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') is up"
    return
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    # Debian's engine 20.10 (+ containerd, runc, iptables, tini). Keep the
    # newer CLI in /usr/local/bin: it comes before /usr/bin in PATH.
    apt_install docker.io
  fi
  local pid
  if pid="$(dockerd_pid)"; then
    log "dockerd (pid $pid) is running but not answering yet, waiting up to ${ENGINE_WAIT}s"
    wait_engine "$pid" \
      || die "dockerd (pid $pid) does not answer; see $DOCKERD_LOG (stop it and rerun)"
  else
    # Default flags first (overlay2, iptables-nft, cgroupfs); on failure fall
    # back on what the log points at: vfs storage, legacy iptables, and only
    # as a last resort no iptables (then no NAT / port publishing via rules).
    local -a flags=()
    # shellcheck disable=SC2206
    [[ -n "${DOCKERD_ARGS:-}" ]] && flags=($DOCKERD_ARGS)
    local tried_vfs=0 tried_legacy=0 tried_noipt=0 attempt
    for attempt in 1 2 3 4; do
      LAST_START_LOG=""
      if start_dockerd "${flags[@]}"; then break; fi
      if [[ $tried_vfs == 0 ]] && grep -qiE 'graphdriver|overlay|storage.driver' <<<"$LAST_START_LOG"; then
        log "storage driver failed, retrying with --storage-driver=vfs"
        flags+=(--storage-driver=vfs); tried_vfs=1
      elif [[ $tried_legacy == 0 ]] && grep -qiE 'iptables|nf_tables|nftables' <<<"$LAST_START_LOG" \
           && [[ -x /usr/sbin/iptables-legacy ]]; then
        log "iptables (nf_tables) failed, switching to iptables-legacy"
        update-alternatives --set iptables /usr/sbin/iptables-legacy >/dev/null
        update-alternatives --set ip6tables /usr/sbin/ip6tables-legacy >/dev/null 2>&1 || true
        tried_legacy=1
      elif [[ $tried_noipt == 0 ]] && grep -qiE 'iptables' <<<"$LAST_START_LOG"; then
        log "WARNING: iptables unusable, last resort --iptables=false (no NAT for containers)"
        flags+=(--iptables=false); tried_noipt=1
      else
        echo "$LAST_START_LOG" | tail -n 25 >&2
        die "dockerd did not start (attempt $attempt); see $DOCKERD_LOG"
      fi
    done
    engine_up || die "dockerd did not start; see $DOCKERD_LOG"
  fi
  log "docker engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') is up," \
      "storage driver $(docker info --format '{{.Driver}}' 2>/dev/null)"
}

# ---------------------------------------------------------------- images
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# build_image TAG DOCKERFILE_DIR [EXTRA_FILE...]
# Builds TAG (if missing) from a temporary context holding a copy of
# DOCKERFILE_DIR and the extra files, so the build context stays small.
build_image() {
  local tag="$1" dir="$2"; shift 2
  if image_exists "$tag"; then log "image $tag present"; return; fi
  [[ -f "$dir/Dockerfile" ]] || die "no Dockerfile in $dir"
  local ctx
  ctx="$(mktemp -d /tmp/engine-ctx.XXXXXX)"
  cp -a "$dir/." "$ctx/"
  local f
  for f in "$@"; do cp -L "$f" "$ctx/"; done
  log "building $tag from $dir (context $(du -sh "$ctx" | cut -f1))"
  if ! docker build --force-rm -t "$tag" "$ctx" >&2; then
    rm -rf "$ctx"
    die "docker build of $tag failed"
  fi
  rm -rf "$ctx"
  log "built $tag"
}

ensure_busybox() {
  if ! image_exists busybox:latest; then
    if ! [[ -x /bin/busybox ]] || ! file_is_static /bin/busybox; then
      apt_install busybox-static
    fi
    local bin=/bin/busybox
    [[ -x "$bin" ]] || die "/bin/busybox missing after installing busybox-static"
    build_image busybox:latest "$IMAGES_DIR/busybox" "$bin"
  else
    log "image busybox:latest present"
  fi
  if ! image_exists docker-stack-test/busybox:latest; then
    docker tag busybox:latest docker-stack-test/busybox:latest
    log "tagged docker-stack-test/busybox:latest"
  fi
}

file_is_static() { # the dynamic busybox (package busybox) will not run FROM scratch
  dpkg -S "$(readlink -f "$1")" 2>/dev/null | grep -q '^busybox-static:' \
    || dpkg -S "$1" 2>/dev/null | grep -q '^busybox-static:'
}

apt_mirror() { # SUITE_REGEX: the URI apt uses for Debian (or debian-security)
  local want="$1" uri
  uri="$(
    {
      grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        | sed -E 's/\[[^]]*\]//' | awk '{print $2, $3}'
      for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] || continue
        awk '/^URIs:/{u=$2} /^Suites:/{for(i=2;i<=NF;i++) print u, $i} /^$/{u=""}' "$f"
      done
    } | awk -v w="$want" '$2 ~ w {print $1; exit}'
  )"
  echo "$uri"
}

ensure_debian() {
  local tag=debian:bookworm-slim
  if image_exists "$tag"; then log "image $tag present"; return; fi
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  local mirror security
  mirror="$(apt_mirror '^bookworm$')"; mirror="${mirror:-http://deb.debian.org/debian}"
  security="$(apt_mirror '^bookworm-security$')"; security="${security:-http://deb.debian.org/debian-security}"
  mirror="${mirror%/}" security="${security%/}"
  ROOTFS="$(mktemp -d /var/tmp/engine-rootfs.XXXXXX)"
  trap cleanup_rootfs EXIT
  log "debootstrap --variant=minbase bookworm from $mirror (about a minute)"
  debootstrap --variant=minbase bookworm "$ROOTFS" "$mirror" >>"$APT_LOG" 2>&1 \
    || { tail -n 20 "$APT_LOG" >&2; die "debootstrap failed (log: $APT_LOG)"; }
  # Like the official slim image: apt sources, no services started by
  # postinst scripts, no man pages or docs, no package lists in the image.
  cat >"$ROOTFS/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
  printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
  chmod 755 "$ROOTFS/usr/sbin/policy-rc.d"
  cat >"$ROOTFS/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
EOF
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    >"$ROOTFS/etc/apt/apt.conf.d/docker-no-recommends"
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/*.bin \
         "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/log/*.log \
         "$ROOTFS"/usr/share/doc/*/[!c]* "$ROOTFS"/usr/share/man/* 2>/dev/null || true
  : >"$ROOTFS/etc/hostname"
  log "importing $tag ($(du -sh "$ROOTFS" | cut -f1))"
  tar -C "$ROOTFS" --numeric-owner -c . \
    | docker import -c 'CMD ["bash"]' -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        - "$tag" >/dev/null \
    || die "docker import of $tag failed"
  cleanup_rootfs
  trap - EXIT
  log "built $tag"
}

ROOTFS=""
cleanup_rootfs() {
  [[ -n "$ROOTFS" && -d "$ROOTFS" ]] || return 0
  # debootstrap mounts proc/sys inside the target: unmount before deleting.
  awk -v r="$ROOTFS" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r \
    | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$ROOTFS"
  ROOTFS=""
}

# ---------------------------------------------------------------- compose
ensure_compose() {
  if command -v docker-compose >/dev/null 2>&1; then
    log "docker-compose present: $(docker-compose version --short 2>/dev/null || echo '?')"
  else
    apt_install docker-compose
    log "installed docker-compose $(docker-compose version --short 2>/dev/null || echo '?')"
  fi
}

# ---------------------------------------------------------------- registry tools
# The pull tests run their own registry on 127.0.0.1 (Debian's docker-registry) with htpasswd auth.
ensure_registry_tools() {
  local missing=()
  command -v docker-registry >/dev/null 2>&1 || [[ -x /usr/bin/docker-registry ]] || missing+=(docker-registry)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  if [[ ${#missing[@]} -gt 0 ]]; then
    apt_install "${missing[@]}"
  else
    log "registry tools present (docker-registry, htpasswd)"
  fi
}

# ---------------------------------------------------------------- smoke test
run_check() {
  id="enginecheck-$$"; local port out
  log "check: bridge network DNS and published ports ($id)"
  check_cleanup() {
    docker rm -f "$id-web" "$id-client" >/dev/null 2>&1 || true
    docker network rm "$id-net" >/dev/null 2>&1 || true
  }
  trap check_cleanup EXIT
  docker network create "$id-net" >/dev/null
  docker run -d --name "$id-web" --network "$id-net" -p 127.0.0.1::8080 -p 0:8080 busybox:latest \
    sh -c 'mkdir -p /www && echo engine-check-ok > /www/index.html && exec httpd -f -p 8080 -h /www' >/dev/null
  out="$(docker run --rm --name "$id-client" --network "$id-net" busybox:latest \
    sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://$id-web:8080/index.html && exit 0; sleep 0.5; done; exit 1")" \
    || die "check: container could not reach $id-web:8080 by name"
  [[ "$out" == engine-check-ok ]] || die "check: unexpected answer '$out' over the bridge network"
  log "check: container -> container by name: ok"
  local binding
  while read -r binding; do
    port="${binding##*:}"
    out="$(curl -fsS --retry 5 --retry-connrefused --retry-delay 1 "http://127.0.0.1:$port/index.html")" \
      || die "check: published port $binding not reachable from the host on 127.0.0.1:$port"
    [[ "$out" == engine-check-ok ]] || die "check: unexpected answer '$out' on 127.0.0.1:$port"
    log "check: host -> published $binding via 127.0.0.1:$port: ok"
  done < <(docker port "$id-web" 8080/tcp | grep -v '^\[')
  check_cleanup
  trap - EXIT
  log "check: passed, containers and network removed"
}

# ---------------------------------------------------------------- main
ensure_engine
ensure_busybox
ensure_debian
ensure_registry_tools
for name in ${EXTRA_IMAGES[@]+"${EXTRA_IMAGES[@]}"}; do
  build_image "docker-stack-test/$name:latest" "$SERVICE_IMAGES_DIR/$name"
done
[[ $WANT_COMPOSE == 1 ]] && ensure_compose
[[ $WANT_CHECK == 1 ]] && run_check
log "done"
