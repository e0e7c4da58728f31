#!/usr/bin/env bash
# Starts (or stops) the container engines the engine tests run against: dockerd and the podman REST
# service on private sockets under /tmp/p4n4-it, plus local busybox-based images (nothing can be pulled
# from the internet on the project's machines), and two local registries (Debian's docker-registry, the
# CNCF distribution) on 127.0.0.1 that hold those images, so pulls are real: an open one and one behind
# htpasswd basic auth. See ../shared/ENGINES.md for why each flag is there.
#
#   scripts/engines.sh start    install if missing, start, build images, write /tmp/p4n4-it/engines.env
#   scripts/engines.sh status   say what answers
#   scripts/engines.sh stop     stop what this script started (by PID) and remove what it created
#
# Idempotent: start returns at once when both engines and both registries answer and the images exist.
set -euo pipefail

IT=${P4N4_IT_DIR:-/tmp/p4n4-it}   # overridable only to test this script itself
DOCKER_SOCK=$IT/docker.sock
PODMAN_SOCK=$IT/podman.sock
ENV_FILE=$IT/engines.env
CONF=$IT/containers.conf
STATE=$IT/engines-state      # what this script started or created, so stop removes only that
IMAGES_STAMP_VERSION=5       # bump when the images below change, so start rebuilds them
REGISTRIES_CONF=$IT/registries.conf   # podman's: the local registries are plain HTTP (insecure)
REGISTRY_DIR=$IT/registry             # both registries' config, storage and the htpasswd file
REGISTRY_USER=p4n4-test
PUSH_STAMP_VERSION=3          # bump when the pushed images change, so start pushes them again

# The stand-in images: name -> role. Names are those of the upstream p4n4-iot compose file and of the
# bundled iot, ai and edge stacks (so `p4n4 quickstart` brings the whole demo up here).
GENERIC_IMAGE=localhost/p4n4-test-busybox:1
STANDINS=(
  "eclipse-mosquitto:2=mqtt"
  "influxdb:2=influxdb"
  "nodered/node-red:latest=node-red"
  "grafana/grafana-oss:latest=grafana"
  "grafana/grafana:latest=grafana"
  "ollama/ollama:latest=ollama"
  "letta/letta:latest=letta"
  "n8nio/n8n:latest=n8n"
  "edgeimpulse/linux-runner:latest=ei-runner"
)

log() { printf 'engines: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 3; }

ping_sock() { # socket -> 0 when the engine answers /_ping
  curl -fsS --max-time 2 --unix-socket "$1" http://localhost/_ping >/dev/null 2>&1
}

wait_sock() { # socket name logfile
  local i
  for i in $(seq 1 150); do
    ping_sock "$1" && return 0
    sleep 0.1
  done
  log "$2 did not answer on $1 within 15 s; last lines of $3:"
  tail -n 20 "$3" >&2 || true
  return 1
}

static_busybox() { # 0 when /bin/busybox is a static build with httpd
  local linkage applets
  [ -x /bin/busybox ] || return 1
  linkage=$(ldd /bin/busybox 2>&1 || true)   # ldd exits 1 on static binaries
  applets=$(/bin/busybox --list 2>/dev/null || true)
  case "$linkage" in *"not a dynamic"*) ;; *) return 1 ;; esac
  printf '%s\n' "$applets" | grep -x httpd >/dev/null
}

install_missing() {
  local want=()
  command -v dockerd >/dev/null || want+=(docker.io)
  command -v podman >/dev/null || want+=(podman)
  command -v runc >/dev/null || want+=(runc)
  command -v newuidmap >/dev/null || want+=(uidmap)
  command -v slirp4netns >/dev/null || want+=(slirp4netns)
  command -v fuse-overlayfs >/dev/null || want+=(fuse-overlayfs)
  # the images copy /bin/busybox in as their only binary: it must be the static build, with httpd
  static_busybox || want+=(busybox-static)
  command -v curl >/dev/null || want+=(curl)
  command -v docker-registry >/dev/null || want+=(docker-registry)
  command -v htpasswd >/dev/null || want+=(apache2-utils)
  if [ ${#want[@]} -gt 0 ]; then
    log "installing ${want[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # another apt may hold the lock for a while (other scripts install their packages too)
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${want[@]}" >/dev/null
  fi
}

write_conf() {
  # crun rejects the hybrid cgroup layout here and the default rlimits exceed what root may set
  if [ ! -f "$CONF" ]; then
    cat >"$CONF" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
    echo "file $CONF" >>"$STATE"
  fi
}

start_dockerd() {
  ping_sock "$DOCKER_SOCK" && return 0
  rm -f "$DOCKER_SOCK"
  log "starting dockerd on $DOCKER_SOCK"
  setsid dockerd --host "unix://$DOCKER_SOCK" --data-root "$IT/docker-data" --exec-root "$IT/docker-exec" \
    --pidfile "$IT/dockerd.pid" >"$IT/dockerd.log" 2>&1 </dev/null &
  echo "pid $! dockerd" >>"$STATE"
  echo "dir $IT/docker-data" >>"$STATE"
  echo "dir $IT/docker-exec" >>"$STATE"
  wait_sock "$DOCKER_SOCK" dockerd "$IT/dockerd.log" || die "dockerd did not start"
}

# podman_reads_registries: 0 when the running podman service was started with our registries.conf
podman_reads_registries() {
  local pid
  for pid in $(pgrep -f "podman system service --time=0 unix://$PODMAN_SOCK" || true); do
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "CONTAINERS_REGISTRIES_CONF=$REGISTRIES_CONF" \
      && return 0
  done
  return 1
}

start_podman() {
  if ping_sock "$PODMAN_SOCK"; then
    podman_reads_registries && return 0
    # it reads registries.conf only when it starts: restart it (quickly) with ours
    log "restarting podman system service so it reads $REGISTRIES_CONF"
    local pid
    for pid in $(pgrep -f "podman system service --time=0 unix://$PODMAN_SOCK" || true); do
      stop_pid "$pid" "podman"
    done
  fi
  rm -f "$PODMAN_SOCK"
  log "starting podman system service on $PODMAN_SOCK"
  CONTAINERS_CONF=$CONF CONTAINERS_REGISTRIES_CONF=$REGISTRIES_CONF \
    setsid podman system service --time=0 "unix://$PODMAN_SOCK" \
    >"$IT/podman.log" 2>&1 </dev/null &
  echo "pid $! podman" >>"$STATE"
  wait_sock "$PODMAN_SOCK" podman "$IT/podman.log" || die "podman system service did not start"
}

# --- images ---------------------------------------------------------------------------------

# shellcheck source=scripts/real-images.sh
. "$(dirname "${BASH_SOURCE[0]}")/real-images.sh"

# http_standin root port: the role's server is busybox httpd on port serving /www; it stops on TERM
# (a server that is PID 1 ignores TERM, and every down would wait the whole stop timeout)
http_standin() {
  printf '#!/bin/sh\ntrap "exit 0" TERM\nhttpd -f -p %s -h /www &\nwait\n' "$2" >"$1/bin/p4n4-standin"
}

# Writes a busybox root file system for a role into $1.
make_root() {
  local root=$1 role=$2 applet
  rm -rf "$root"
  mkdir -p "$root"/{bin,etc,tmp,www,data,var/run}
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf '127.0.0.1 localhost\n' >"$root/etc/hosts"
  chmod 1777 "$root/tmp"
  case "$role" in
    generic) ;;
    mqtt)
      # Answers the upstream check 'mosquitto_sub -h localhost -t $SYS/broker/uptime -C 1 -W 3' when
      # the broker ports listen.
      cat >"$root/bin/p4n4-standin" <<'EOF'
#!/bin/sh
trap 'exit 0' TERM
echo "stand-in broker listening on ports 1883 and 9001"
nc -ll -p 9001 -e /bin/cat &
nc -ll -p 1883 -e /bin/cat &
wait
EOF
      cat >"$root/bin/mosquitto_sub" <<'EOF'
#!/bin/sh
netstat -ltn | grep -q ':1883 ' && echo 1
EOF
      # The bundled stack writes a password file, then execs the broker from its real path.
      mkdir -p "$root/usr/sbin"
      ln -sf /bin/p4n4-standin "$root/usr/sbin/mosquitto"
      cat >"$root/bin/mosquitto_passwd" <<'EOF'
#!/bin/sh
# mosquitto_passwd -c -b FILE USER PASSWORD: records the user, never the password
[ "$1" = -c ] && [ "$2" = -b ] && [ $# -eq 5 ] || { echo "stand-in mosquitto_passwd knows only -c -b" >&2; exit 2; }
echo "$4:standin" >"$3"
EOF
      printf 'mosquitto:x:1883:1883:mosquitto:/:/bin/false\n' >>"$root/etc/passwd"
      printf 'mosquitto:x:1883:\n' >>"$root/etc/group"
      ;;
    influxdb)
      # Serves /health like InfluxDB 2 and answers the upstream check 'influx ping'.
      printf '{"name":"influxdb","message":"ready for queries and writes","status":"pass","checks":[],"version":"v2.7.0","commit":"standin"}' \
        >"$root/www/health"
      printf '' >"$root/www/ping"
      http_standin "$root" 8086
      cat >"$root/bin/influx" <<'EOF'
#!/bin/sh
[ "$1" = ping ] || { echo "stand-in influx only knows 'ping'" >&2; exit 2; }
wget -qO /dev/null http://localhost:8086/health && echo OK
EOF
      ;;
    node-red)
      # Serves / on 1880; the upstream check runs 'node -e ...' which this 'node' turns into an HTTP GET.
      printf '<html><body>Node-RED stand-in</body></html>' >"$root/www/index.html"
      http_standin "$root" 1880
      cat >"$root/bin/node" <<'EOF'
#!/bin/sh
exec wget -qO /dev/null http://localhost:1880/
EOF
      ;;
    grafana)
      mkdir -p "$root/www/api"
      printf '{"commit":"standin","database":"ok","version":"11.0.0"}' >"$root/www/api/health"
      http_standin "$root" 3000
      ;;
    ollama)
      # Serves /api/version and /api/tags like Ollama and answers the bundled check 'ollama list'.
      mkdir -p "$root/www/api"
      printf '{"version":"0.5.7"}' >"$root/www/api/version"
      printf '{"models":[]}' >"$root/www/api/tags"
      http_standin "$root" 11434
      cat >"$root/bin/ollama" <<'EOF'
#!/bin/sh
[ "$1" = list ] || { echo "stand-in ollama only knows 'list'" >&2; exit 2; }
wget -qO /dev/null http://localhost:11434/api/tags && echo "NAME    ID    SIZE    MODIFIED"
EOF
      ;;
    letta)
      # Serves /v1/health/ like Letta.
      mkdir -p "$root/www/v1/health"
      printf '{"version":"0.6.0","status":"ok"}' >"$root/www/v1/health/index.html"
      http_standin "$root" 8283
      ;;
    n8n)
      printf '{"status":"ok"}' >"$root/www/healthz"
      http_standin "$root" 5678
      ;;
    ei-runner)
      printf '{"status":"ok"}' >"$root/www/health"
      http_standin "$root" 8080
      ;;
  esac
  [ -f "$root/bin/p4n4-standin" ] && chmod 755 "$root"/bin/p4n4-standin
  for f in mosquitto_sub mosquitto_passwd influx node ollama; do
    [ -f "$root/bin/$f" ] && chmod 755 "$root/bin/$f"
  done
  return 0
}

role_cmd() {
  case "$1" in
    generic|variant|layers) echo 'CMD ["/bin/sh"]' ;;
    *) echo 'CMD ["/bin/p4n4-standin"]' ;;
  esac
}

images_stamp() { echo "$IT/images-$1.v$IMAGES_STAMP_VERSION"; }

# import_image engine role tag: tar the role's root into the engine under tag
import_image() {
  local engine=$1 role=$2 tag=$3 root="$IT/images/$2"
  [ -d "$root" ] || make_root "$root" "$role"
  local cmd
  cmd=$(role_cmd "$role")
  if [ "$engine" = docker ]; then
    tar -C "$root" -c . | DOCKER_HOST="unix://$DOCKER_SOCK" docker import \
      --change "$cmd" --change 'ENV PATH=/bin' --change 'LABEL io.p4n4.test=standin' - "$tag" >/dev/null
  else
    tar -C "$root" -c . | CONTAINERS_CONF=$CONF podman --url "unix://$PODMAN_SOCK" import \
      --change "$cmd" --change 'ENV PATH=/bin' --change 'LABEL io.p4n4.test=standin' - "$tag" >/dev/null
  fi
}

build_images() {
  local engine=$1 stamp entry name role
  stamp=$(images_stamp "$engine")
  [ -f "$stamp" ] && return 0
  log "building busybox images in $engine"
  rm -rf "$IT/images"
  import_image "$engine" generic "$GENERIC_IMAGE"
  echo "image $engine $GENERIC_IMAGE" >>"$STATE"
  for entry in "${STANDINS[@]}"; do
    name=${entry%%=*}
    role=${entry#*=}
    if [ "$engine" = podman ]; then
      # Podman keeps local images under localhost/; a docker.io name too, so both spellings resolve
      import_image podman "$role" "docker.io/$(qualify "$name")"
      podman --url "unix://$PODMAN_SOCK" tag "docker.io/$(qualify "$name")" "localhost/$name" >/dev/null
      echo "image podman docker.io/$(qualify "$name")" >>"$STATE"
      echo "image podman localhost/$name" >>"$STATE"
    else
      import_image docker "$role" "$name"
      echo "image docker $name" >>"$STATE"
    fi
  done
  rm -rf "$IT/images"
  build_real_images "$engine"
  touch "$stamp"
  echo "file $stamp" >>"$STATE"
}

qualify() { # eclipse-mosquitto:2 -> library/eclipse-mosquitto:2 (Docker Hub's official-image namespace)
  case "$1" in
    */*) echo "$1" ;;
    *) echo "library/$1" ;;
  esac
}

image_present() { # engine tag
  if [ "$1" = docker ]; then
    curl -fsS --unix-socket "$DOCKER_SOCK" "http://localhost/images/$2/json" >/dev/null 2>&1
  else
    curl -fsS --unix-socket "$PODMAN_SOCK" "http://localhost/v4.0.0/libpod/images/$2/exists" >/dev/null 2>&1
  fi
}

check_images() { # drop a stale stamp when the images are gone (e.g. storage wiped)
  local engine=$1
  if [ -f "$(images_stamp "$engine")" ] && ! image_present "$engine" "${GENERIC_IMAGE}"; then
    rm -f "$(images_stamp "$engine")"
  fi
}

# --- local registries -----------------------------------------------------------------------------

answers() { # port -> 0 when something accepts TCP connections on 127.0.0.1:port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() { # first port from $1 up that nothing listens on
  local port=$1
  while answers "$port"; do port=$((port + 1)); done
  echo "$port"
}

# registry_port kind -> the port chosen for that registry (kept in a file so restarts reuse it)
registry_port() { cat "$REGISTRY_DIR/$1/port" 2>/dev/null || true; }

registry_answers() { # kind -> 0 when that registry answers /v2/ (401 counts: the auth one asks for a login)
  local port code
  port=$(registry_port "$1")
  [ -n "$port" ] || return 1
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/v2/" || true)
  [ "$code" = 200 ] || [ "$code" = 401 ]
}

write_registries_conf() {
  local open auth
  open=$(registry_port open)
  auth=$(registry_port auth)
  # short names are never resolved (as in the stock Debian file); the local registries speak plain HTTP
  cat >"$REGISTRIES_CONF.tmp" <<EOF
unqualified-search-registries = []
[[registry]]
location = "127.0.0.1:$open"
insecure = true
[[registry]]
location = "127.0.0.1:$auth"
insecure = true
EOF
  if ! cmp -s "$REGISTRIES_CONF.tmp" "$REGISTRIES_CONF"; then
    mv "$REGISTRIES_CONF.tmp" "$REGISTRIES_CONF"
    grep -q "^file $REGISTRIES_CONF\$" "$STATE" || echo "file $REGISTRIES_CONF" >>"$STATE"
    # a podman already running read the old file: make start_podman restart it
    if ping_sock "$PODMAN_SOCK"; then
      local pid
      for pid in $(pgrep -f "podman system service --time=0 unix://$PODMAN_SOCK" || true); do
        log "restarting podman system service: the registries changed"
        stop_pid "$pid" podman
      done
    fi
  else
    rm -f "$REGISTRIES_CONF.tmp"
  fi
}

# start_registry kind: the open one, or auth (htpasswd, bcrypt) with a password made on first start
start_registry() {
  local kind=$1 dir="$REGISTRY_DIR/$1" port
  registry_answers "$kind" && return 0
  mkdir -p "$dir/data"
  grep -q "^dir $REGISTRY_DIR\$" "$STATE" || echo "dir $REGISTRY_DIR" >>"$STATE"
  port=$(registry_port "$kind")
  if [ -z "$port" ] || answers "$port"; then
    if [ "$kind" = open ]; then port=$(free_port 5000); else port=$(free_port 5001); fi
    [ "$kind" = auth ] && [ "$port" = "$(registry_port open)" ] && port=$(free_port $((port + 1)))
    echo "$port" >"$dir/port"
  fi
  {
    printf 'version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n'
    printf 'storage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\n' "$dir/data"
    printf 'http:\n  addr: 127.0.0.1:%s\n' "$port"
  } >"$dir/config.yml"
  if [ "$kind" = auth ]; then
    [ -f "$dir/password" ] || { head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/password"; }
    htpasswd -B -i -c "$dir/htpasswd" "$REGISTRY_USER" <"$dir/password" 2>/dev/null
    printf 'auth:\n  htpasswd:\n    realm: p4n4-test\n    path: %s\n' "$dir/htpasswd" >>"$dir/config.yml"
  fi
  log "starting docker-registry ($kind) on 127.0.0.1:$port"
  setsid docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 </dev/null &
  echo "pid $! docker-registry" >>"$STATE"
  local i
  for i in $(seq 1 100); do
    registry_answers "$kind" && return 0
    sleep 0.1
  done
  tail -n 20 "$dir/registry.log" >&2 || true
  die "docker-registry ($kind) did not answer on 127.0.0.1:$port within 10 s"
}

registry_auth_header() { # kind -> the X-Registry-Auth value for a push to it (base64 of a JSON AuthConfig)
  if [ "$1" = auth ]; then
    printf '{"username":"%s","password":"%s","serveraddress":"127.0.0.1:%s"}' "$REGISTRY_USER" \
      "$(cat "$REGISTRY_DIR/auth/password")" "$(registry_port auth)" | base64 -w0
  else
    printf '{}' | base64 -w0
  fi
}

# push_image kind source repo tag: tags the local docker image source as 127.0.0.1:PORT/repo:tag and pushes it
# through the private dockerd (which treats 127.0.0.0/8 registries as insecure by default)
push_image() {
  local kind=$1 source=$2 repo=$3 tag=$4 target out
  target="127.0.0.1:$(registry_port "$kind")/$repo"
  curl -fsS --unix-socket "$DOCKER_SOCK" -X POST \
    "http://localhost/images/$source/tag?repo=$target&tag=$tag" >/dev/null || die "could not tag $source as $target:$tag"
  out=$(curl -fsS --unix-socket "$DOCKER_SOCK" -X POST -H "X-Registry-Auth: $(registry_auth_header "$kind")" \
    "http://localhost/images/$target/push?tag=$tag") || die "could not push $target:$tag"
  case "$out" in *'"error"'*) die "push of $target:$tag failed: $(printf '%s' "$out" | grep -o '"error":"[^"]*"' | head -n 1)" ;; esac
  # the registry keeps it; the extra local tag would only confuse tests that check what a pull brings
  curl -fsS --unix-socket "$DOCKER_SOCK" -X DELETE "http://localhost/images/$target:$tag?noprune=1" >/dev/null || true
}

pushed_stamp() { echo "$REGISTRY_DIR/pushed.v$PUSH_STAMP_VERSION"; }

# The registries hold: p4n4/busybox:1 (the generic image) and p4n4/busybox:2 (the same plus a file, so a
# different image id: tests re-point a tag from one to the other to prove upgrades), p4n4/layers:1 (with a
# 128 MB layer of random bytes: Podman reports a layer's bytes only about once a second, so a pull test needs a
# layer that takes that long), every stack image under p4n4/NAME (the real Mosquitto and Node-RED where they
# were built, else their stand-ins), and on the auth registry p4n4/private:1.
push_images() {
  local entry name stamp
  stamp=$(pushed_stamp)
  if [ -f "$stamp" ] && curl -fsS -o /dev/null --max-time 2 \
      -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
      "http://127.0.0.1:$(registry_port open)/v2/p4n4/busybox/manifests/1"; then
    return 0
  fi
  log "pushing the test images to the local registries"
  push_image open "$GENERIC_IMAGE" p4n4/busybox 1
  # content B: the generic root plus a marker file
  make_root "$IT/images/variant" generic
  echo 2 >"$IT/images/variant/etc/p4n4-variant"
  import_image docker variant localhost/p4n4-test-busybox-variant:2
  rm -rf "$IT/images/variant"
  push_image open localhost/p4n4-test-busybox-variant:2 p4n4/busybox 2
  curl -fsS --unix-socket "$DOCKER_SOCK" -X DELETE "http://localhost/images/localhost/p4n4-test-busybox-variant:2" \
    >/dev/null || true
  make_root "$IT/images/layers" generic
  head -c 134217728 /dev/urandom >"$IT/images/layers/layers.bin"
  import_image docker layers localhost/p4n4-test-layers:1
  rm -rf "$IT/images/layers"
  push_image open localhost/p4n4-test-layers:1 p4n4/layers 1
  curl -fsS --unix-socket "$DOCKER_SOCK" -X DELETE "http://localhost/images/localhost/p4n4-test-layers:1" \
    >/dev/null || true
  for entry in "${STANDINS[@]}"; do
    name=${entry%%=*}
    push_image open "$name" "p4n4/${name%%:*}" "${name#*:}"
  done
  push_image auth "$GENERIC_IMAGE" p4n4/private 1
  touch "$stamp"
}

write_env() {
  cat >"$ENV_FILE.tmp" <<EOF
DOCKER_HOST=unix://$DOCKER_SOCK
P4N4_TEST_DOCKER_HOST=unix://$DOCKER_SOCK
P4N4_TEST_PODMAN_HOST=unix://$PODMAN_SOCK
CONTAINERS_CONF=$CONF
P4N4_TEST_REGISTRY=127.0.0.1:$(registry_port open)
P4N4_TEST_AUTH_REGISTRY=127.0.0.1:$(registry_port auth)
P4N4_TEST_AUTH_REGISTRY_USER=$REGISTRY_USER
P4N4_TEST_AUTH_REGISTRY_PASSWORD=$(cat "$REGISTRY_DIR/auth/password")
P4N4_TEST_REAL_IMAGES="$(real_images)"
EOF
  chmod 600 "$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
}

cmd_start() {
  [ "$(id -u)" = 0 ] || die "run as root: dockerd and rootful podman need it"
  mkdir -p "$IT"
  touch "$STATE"
  install_missing
  write_conf
  start_registry open
  start_registry auth
  write_registries_conf
  start_dockerd
  start_podman
  check_images docker
  check_images podman
  build_images docker
  build_images podman
  push_images
  write_env
  grep -q "^file $ENV_FILE\$" "$STATE" || echo "file $ENV_FILE" >>"$STATE"
  cmd_status
  log "ready; variables in $ENV_FILE (set -a; . $ENV_FILE; set +a)"
}

cmd_status() {
  local rc=0
  if ping_sock "$DOCKER_SOCK"; then log "docker answers on unix://$DOCKER_SOCK"; else log "docker does not answer on unix://$DOCKER_SOCK"; rc=1; fi
  if ping_sock "$PODMAN_SOCK"; then log "podman answers on unix://$PODMAN_SOCK"; else log "podman does not answer on unix://$PODMAN_SOCK"; rc=1; fi
  local kind
  for kind in open auth; do
    if registry_answers "$kind"; then log "registry ($kind) answers on 127.0.0.1:$(registry_port "$kind")"
    else log "registry ($kind) does not answer"; rc=1; fi
  done
  return $rc
}

# Removes test objects left behind (labelled io.p4n4.test) so the engines stop cleanly.
remove_test_objects() {
  local sock=$1 prefix=$2 id
  for id in $(curl -fsS --unix-socket "$sock" "http://localhost$prefix/containers/json?all=1&filters=%7B%22label%22%3A%5B%22io.p4n4.test%22%5D%7D" 2>/dev/null \
      | grep -o '"Id":"[0-9a-f]*"' | cut -d'"' -f4); do
    curl -fsS --unix-socket "$sock" -X DELETE "http://localhost$prefix/containers/$id?force=1&v=1" >/dev/null 2>&1 || true
  done
}

stop_pid() { # pid name
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  # the PID may have been reused since: only stop it if it is still the program this script started
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$2" || return 0
  log "stopping $2 (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  [ -f "$STATE" ] || { log "nothing to stop (no $STATE)"; return 0; }
  local kind a b
  ping_sock "$DOCKER_SOCK" && remove_test_objects "$DOCKER_SOCK" ""
  ping_sock "$PODMAN_SOCK" && remove_test_objects "$PODMAN_SOCK" ""
  # images this script imported into podman's shared storage
  while read -r kind a b; do
    if [ "$kind" = image ] && [ "$a" = podman ] && ping_sock "$PODMAN_SOCK"; then
      curl -fsS --unix-socket "$PODMAN_SOCK" -X DELETE "http://localhost/v4.0.0/libpod/images/$b?force=true" >/dev/null 2>&1 || true
    fi
  done <"$STATE"
  while read -r kind a b; do
    [ "$kind" = pid ] && stop_pid "$a" "$b"
  done <"$STATE"
  while read -r kind a b; do
    case "$kind" in
      dir) rm -rf "$a" 2>/dev/null || { umount -R "$a" 2>/dev/null; rm -rf "$a" 2>/dev/null; } || log "could not remove $a" ;;
      file) rm -f "$a" ;;
    esac
  done <"$STATE"
  rm -f "$STATE" "$DOCKER_SOCK" "$IT/dockerd.pid"
  log "stopped"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
