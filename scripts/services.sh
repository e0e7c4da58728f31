#!/usr/bin/env bash
# Starts (or stops) the real services the service tests talk to, as plain loopback processes:
# nats-server with JetStream and mosquitto (Debian packages). See ../shared/ENGINES.md.
#
#   scripts/services.sh start    install if missing, start, write /tmp/p4n4-it/services.env
#   scripts/services.sh status   say what answers
#   scripts/services.sh stop     stop what this script started (by PID)
#
# Idempotent: start returns at once when both already answer. Ports can be moved with
# P4N4_TEST_NATS_PORT (default 14222) and P4N4_TEST_MQTT_PORT (default 11883).
set -euo pipefail

IT=/tmp/p4n4-it
NATS_PORT=${P4N4_TEST_NATS_PORT:-14222}
MQTT_PORT=${P4N4_TEST_MQTT_PORT:-11883}
NATS_DIR=$IT/nats
NATS_PID=$IT/nats-server.pid
MQTT_PID=$IT/mosquitto.pid
MQTT_CONF=$IT/mosquitto.conf
ENV_FILE=$IT/services.env

log() { printf 'services: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 4; }

nats_bin() { command -v nats-server || { [ -x /usr/sbin/nats-server ] && echo /usr/sbin/nats-server; } || true; }
mqtt_bin() { command -v mosquitto || { [ -x /usr/sbin/mosquitto ] && echo /usr/sbin/mosquitto; } || true; }

answers() { # port -> 0 when something accepts TCP connections on 127.0.0.1:port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

alive() { # pidfile -> 0 when the process it names runs
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

wait_port() { # port name logfile
  local i
  for i in $(seq 1 150); do
    answers "$1" && return 0
    sleep 0.1
  done
  log "$2 did not listen on 127.0.0.1:$1 within 15 s; last lines of $3:"
  tail -n 20 "$3" >&2 || true
  return 1
}

install_missing() {
  local want=()
  [ -n "$(nats_bin)" ] || want+=(nats-server)
  [ -n "$(mqtt_bin)" ] || want+=(mosquitto)
  if [ ${#want[@]} -gt 0 ]; then
    log "installing ${want[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >/dev/null; } \
      || die "cannot install ${want[*]}"
  fi
}

start_nats() {
  if alive "$NATS_PID" && answers "$NATS_PORT"; then return 0; fi
  answers "$NATS_PORT" && die "port $NATS_PORT is taken by another process; set P4N4_TEST_NATS_PORT"
  mkdir -p "$NATS_DIR"
  "$(nats_bin)" -js -a 127.0.0.1 -p "$NATS_PORT" -sd "$NATS_DIR" >"$IT/nats-server.log" 2>&1 &
  echo $! >"$NATS_PID"
  wait_port "$NATS_PORT" nats-server "$IT/nats-server.log"
  log "nats-server (JetStream) on nats://127.0.0.1:$NATS_PORT, store $NATS_DIR"
}

start_mosquitto() {
  if alive "$MQTT_PID" && answers "$MQTT_PORT"; then return 0; fi
  answers "$MQTT_PORT" && die "port $MQTT_PORT is taken by another process; set P4N4_TEST_MQTT_PORT"
  printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$MQTT_PORT" >"$MQTT_CONF"
  "$(mqtt_bin)" -c "$MQTT_CONF" >"$IT/mosquitto.log" 2>&1 &
  echo $! >"$MQTT_PID"
  wait_port "$MQTT_PORT" mosquitto "$IT/mosquitto.log"
  log "mosquitto on mqtt://127.0.0.1:$MQTT_PORT"
}

stop_pid() { # pidfile name
  if alive "$1"; then
    local pid; pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    log "stopped $2 (pid $pid)"
  fi
  rm -f "$1"
}

case "${1:-}" in
  start)
    mkdir -p "$IT"
    install_missing
    start_nats
    start_mosquitto
    printf 'P4N4_TEST_NATS_URL=nats://127.0.0.1:%s\nP4N4_TEST_MQTT_URL=mqtt://127.0.0.1:%s\n' \
      "$NATS_PORT" "$MQTT_PORT" >"$ENV_FILE"
    cat "$ENV_FILE"
    ;;
  stop)
    stop_pid "$NATS_PID" nats-server
    stop_pid "$MQTT_PID" mosquitto
    rm -f "$ENV_FILE"
    ;;
  status)
    rc=0
    if answers "$NATS_PORT"; then echo "nats-server: nats://127.0.0.1:$NATS_PORT"; else echo "nats-server: down"; rc=4; fi
    if answers "$MQTT_PORT"; then echo "mosquitto: mqtt://127.0.0.1:$MQTT_PORT"; else echo "mosquitto: down"; rc=4; fi
    exit $rc
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
