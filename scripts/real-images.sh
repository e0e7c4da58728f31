# Sourced by engines.sh: real eclipse-mosquitto:2 and nodered/node-red:latest images, built from this
# machine's package sources (Debian's mosquitto and nodejs, Node-RED from the npm registry) in place of
# their busybox stand-ins. The other stack images (InfluxDB 2, Grafana, Ollama, Letta, n8n, the Edge
# Impulse runner) stay stand-ins: none of them is packaged for Debian or installable offline.
#
# Each image is a busybox root (make_root generic) plus the real program, its shared libraries (read off
# ldd) and the layout of the upstream image (paths, user, entrypoint), so the bundled iot stack runs
# unchanged. The root file systems are cached as tarballs under $REAL_CACHE, so later starts only import.
# When a build fails (no network for npm, a package missing), the stand-in keeps the tag and
# engines.env's P4N4_TEST_REAL_IMAGES does not list it: the end-to-end tests skip with that reason.

REAL_CACHE=${P4N4_IMAGE_CACHE:-/var/cache/p4n4-it/images}
REAL_CACHE_VERSION=1           # bump when a root below changes, so start rebuilds the tarballs
NODE_RED_VERSION=4.1.8         # pinned: the newest 4.x that runs on Debian 12's Node.js 18
REAL_MOSQUITTO=eclipse-mosquitto:2
REAL_NODE_RED=nodered/node-red:latest

# copy_with_libs root file...: copies each file and the shared libraries it loads (and theirs) into root
copy_with_libs() {
  local root=$1 f lib
  shift
  for f in "$@"; do
    mkdir -p "$root$(dirname "$f")"
    cp -L "$f" "$root$f"
    for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*' || true); do
      [ -e "$root$lib" ] && continue
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
  done
}

# glibc reads users and hosts through NSS: give the roots its configuration and the files module
nss_files() {
  local root=$1 lib
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
  for lib in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2; do
    [ -e "$lib" ] && copy_with_libs "$root" "$lib"
  done
  return 0
}

real_packages() {
  local want=()
  [ -x /usr/sbin/mosquitto ] || want+=(mosquitto)
  command -v mosquitto_sub >/dev/null || want+=(mosquitto-clients)
  command -v node >/dev/null || want+=(nodejs)
  command -v npm >/dev/null || want+=(npm)
  if [ ${#want[@]} -gt 0 ]; then
    log "installing ${want[*]} (for the real Mosquitto and Node-RED images)"
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${want[@]}" >/dev/null \
      || { apt-get -o DPkg::Lock::Timeout=300 update -qq \
           && apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${want[@]}" >/dev/null; }
  fi
}

# The eclipse-mosquitto:2 layout: /usr/sbin/mosquitto, the clients, user mosquitto (1883), /mosquitto/...
mosquitto_root() {
  local root=$1 tool
  make_root "$root" generic
  copy_with_libs "$root" /usr/sbin/mosquitto
  mv "$root/usr/sbin/mosquitto" "$root/usr/sbin/mosquitto.real"
  for tool in mosquitto_passwd mosquitto_sub mosquitto_pub mosquitto_rr; do
    copy_with_libs "$root" "$(command -v "$tool")"
    [ "$(command -v "$tool")" = "/usr/bin/$tool" ] || ln -sf "$(command -v "$tool")" "$root/usr/bin/$tool"
  done
  # Debian builds mosquitto 2.0 without WebSockets: a 'protocol websockets' listener makes it exit. The
  # wrapper runs the broker on a copy of its configuration without those listeners and says so. It also
  # turns 'log_dest stdout' into stderr: 2.0.11 does not flush stdout, so a container's log stayed empty
  # until the broker stopped (the upstream image's build flushes it).
  cat >"$root/usr/sbin/mosquitto" <<'EOF'
#!/bin/sh
# mosquitto [-c FILE] [args]: drops WebSockets listeners (this build has no WebSockets), then runs the broker
conf=""
prev=""
for a in "$@"; do [ "$prev" = -c ] && conf=$a; prev=$a; done
[ -n "$conf" ] && [ -f "$conf" ] || exec /usr/sbin/mosquitto.real "$@"
awk '
  function flush() { if (block != "" && !ws) printf "%s", block; block = ""; ws = 0 }
  /^[ \t]*listener[ \t]/ { flush(); inl = 1 }
  inl && /^[ \t]*protocol[ \t]+websockets/ { ws = 1 }
  inl && !/^[ \t]*(listener|protocol|bind_address|bind_interface|socket_domain|max_connections|mount_point|use_username_as_clientid|http_dir|certfile|keyfile|cafile|capath|require_certificate|tls_version|ciphers|crlfile|psk_hint|use_identity_as_username|use_subject_as_username)([ \t]|$)/ && !/^[ \t]*(#|$)/ { flush(); inl = 0 }
  { if (inl) block = block $0 "\n"; else print }
  END { flush() }
' "$conf" >/tmp/mosquitto.ws
sed 's/^\([[:space:]]*log_dest[[:space:]][[:space:]]*\)stdout/\1stderr/' /tmp/mosquitto.ws >/tmp/mosquitto.conf
if ! cmp -s "$conf" /tmp/mosquitto.ws; then
  echo "p4n4 test image: this mosquitto is built without WebSockets; its WebSockets listeners are left out" >&2
fi
args=""
for a in "$@"; do
  [ "$a" = "$conf" ] && a=/tmp/mosquitto.conf
  args="$args \"$a\""
done
eval exec /usr/sbin/mosquitto.real $args
EOF
  chmod 755 "$root/usr/sbin/mosquitto"
  nss_files "$root"
  printf 'mosquitto:x:1883:1883:mosquitto:/var/empty:/sbin/nologin\n' >>"$root/etc/passwd"
  printf 'mosquitto:x:1883:\n' >>"$root/etc/group"
  mkdir -p "$root"/mosquitto/{config,data,log} "$root/var/empty"
  # the upstream image's default: a broker reachable only from inside the container
  printf 'persistence true\npersistence_location /mosquitto/data/\nlog_dest stdout\n' \
    >"$root/mosquitto/config/mosquitto.conf"
  chown -R 1883:1883 "$root/mosquitto"
  mkdir -p "$root/usr/share/doc/mosquitto"
  cp /usr/share/doc/mosquitto/copyright "$root/usr/share/doc/mosquitto/" 2>/dev/null || true
}

# The nodered/node-red layout: /usr/src/node-red with node_modules, user node-red (1000), /data
node_red_root() {
  local root=$1 npm_cache=$REAL_CACHE/npm-node-red-$NODE_RED_VERSION
  make_root "$root" generic
  copy_with_libs "$root" "$(readlink -f "$(command -v node)")"
  [ "$(readlink -f "$(command -v node)")" = /usr/bin/node ] \
    || ln -sf "$(readlink -f "$(command -v node)")" "$root/usr/bin/node"
  mkdir -p "$root/usr/local/bin"
  ln -sf /usr/bin/node "$root/usr/local/bin/node"
  if [ ! -f "$npm_cache/.complete" ]; then
    rm -rf "$npm_cache"
    mkdir -p "$npm_cache"
    printf '{"name":"node-red-docker","version":"%s","private":true,"dependencies":{"node-red":"%s"}}\n' \
      "$NODE_RED_VERSION" "$NODE_RED_VERSION" >"$npm_cache/package.json"
    # bounded: where the npm registry is out of reach npm retries for minutes; the stand-in then stays
    (cd "$npm_cache" && timeout 600 npm install --omit=dev --no-audit --no-fund --fetch-retries=1 \
      --loglevel=error >/dev/null 2>&1) \
      || { rm -rf "$npm_cache"; return 1; }
    touch "$npm_cache/.complete"
  fi
  mkdir -p "$root/usr/src/node-red"
  cp -a "$npm_cache/node_modules" "$npm_cache/package.json" "$root/usr/src/node-red/"
  cat >"$root/usr/src/node-red/entrypoint.sh" <<'EOF'
#!/bin/sh
# as the upstream image's: Node-RED on /data, stopping on TERM and INT
trap 'kill -TERM $pid; wait $pid' TERM INT
/usr/local/bin/node $NODE_OPTIONS node_modules/node-red/red.js --userDir /data $FLOWS "$@" &
pid=$!
wait $pid
EOF
  chmod 755 "$root/usr/src/node-red/entrypoint.sh"
  nss_files "$root"
  printf 'node-red:x:1000:1000:node-red:/usr/src/node-red:/bin/sh\n' >>"$root/etc/passwd"
  printf 'node-red:x:1000:\n' >>"$root/etc/group"
  mkdir -p "$root/data"
  chown -R 1000:1000 "$root/data" "$root/usr/src/node-red"
}

# real_tarball name -> the cached root tarball of that image (built when missing); 1 when it can't be built
real_tarball() {
  local name=$1 tar=$REAL_CACHE/$1.v$REAL_CACHE_VERSION.tar root=$IT/real-root-$1
  [ -s "$tar" ] && { echo "$tar"; return 0; }
  mkdir -p "$REAL_CACHE"
  case "$name" in
    mosquitto) mosquitto_root "$root" || return 1 ;;
    node-red) node_red_root "$root" || { rm -rf "$root"; return 1; } ;;
  esac
  tar -C "$root" -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
  rm -rf "$root"
  echo "$tar"
}

# import_real engine tarball tag version change...: imports a real root under tag, labelled real
import_real() {
  local engine=$1 tar=$2 tag=$3 version=$4 changes=() c
  shift 4
  for c in "$@" 'LABEL io.p4n4.test=real' "LABEL org.opencontainers.image.version=$version"; do
    changes+=(--change "$c")
  done
  if [ "$engine" = docker ]; then
    DOCKER_HOST="unix://$DOCKER_SOCK" docker import "${changes[@]}" "$tar" "$tag" >/dev/null
  else
    CONTAINERS_CONF=$CONF podman --url "unix://$PODMAN_SOCK" import "${changes[@]}" "$tar" "$tag" >/dev/null
  fi
}

# real_tags engine name -> the tags the engine gives that image name (podman: docker.io/ and localhost/)
real_tags() {
  if [ "$1" = podman ]; then echo "docker.io/$(qualify "$2") localhost/$2"; else echo "$2"; fi
}

# build_real_images engine: replaces the stand-ins of Mosquitto and Node-RED by real images, where it can
build_real_images() {
  local engine=$1 tar tag mosquitto_version
  real_packages || { log "could not install mosquitto/nodejs/npm: Mosquitto and Node-RED stay stand-ins"; return 0; }
  if tar=$(real_tarball mosquitto); then
    mosquitto_version=$( (/usr/sbin/mosquitto -h 2>/dev/null || true) | sed -n "s/^mosquitto version \([0-9.]*\).*/\1/p")
    for tag in $(real_tags "$engine" "$REAL_MOSQUITTO"); do
      import_real "$engine" "$tar" "$tag" "$mosquitto_version" \
        'ENTRYPOINT []' 'CMD ["/usr/sbin/mosquitto","-c","/mosquitto/config/mosquitto.conf"]' \
        'ENV PATH=/usr/sbin:/usr/bin:/bin' 'EXPOSE 1883' 'WORKDIR /'
    done
    log "real Mosquitto $mosquitto_version in $engine as $REAL_MOSQUITTO"
  else
    log "could not build the Mosquitto image: it stays a stand-in"
  fi
  if tar=$(real_tarball node-red); then
    for tag in $(real_tags "$engine" "$REAL_NODE_RED"); do
      import_real "$engine" "$tar" "$tag" "$NODE_RED_VERSION" \
        'ENTRYPOINT ["./entrypoint.sh"]' 'CMD []' 'USER node-red' 'WORKDIR /usr/src/node-red' \
        'ENV PATH=/usr/local/bin:/usr/bin:/bin' 'ENV NODE_RED_VERSION='"$NODE_RED_VERSION" 'EXPOSE 1880'
    done
    log "real Node-RED $NODE_RED_VERSION in $engine as $REAL_NODE_RED"
  else
    log "could not build the Node-RED image (npm install node-red@$NODE_RED_VERSION failed): it stays a stand-in"
  fi
}

# real_images -> the image names that are real on both engines (for engines.env)
real_images() {
  local name tag engine found=()
  for name in "$REAL_MOSQUITTO" "$REAL_NODE_RED"; do
    local ok=1
    for engine in docker podman; do
      tag=$(real_tags "$engine" "$name" | cut -d' ' -f1)
      image_labelled_real "$engine" "$tag" || ok=0
    done
    [ "$ok" = 1 ] && found+=("$name")
  done
  echo "${found[*]}"
}

image_labelled_real() { # engine tag
  local sock=$DOCKER_SOCK path="/images/$2/json"
  [ "$1" = podman ] && { sock=$PODMAN_SOCK; path="/v4.0.0/libpod/images/$2/json"; }
  curl -fsS --unix-socket "$sock" "http://localhost$path" 2>/dev/null | grep -q '"io.p4n4.test": *"real"'
}
