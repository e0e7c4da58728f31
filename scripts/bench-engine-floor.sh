#!/bin/bash
# The engine's own time for the @P4n4Compose benchmark stack (p4n4-lib-benchmarks junit/two-services.yml) on
# dockerd, by raw Engine API calls in the order any depends_on-honouring tool must make them: create the
# network, create and start web, create and start worker. No image check, no healthcheck wait. Prints ms.
S=/tmp/p4n4-it/docker.sock; A=http://x/v1.41
c() { curl -s -o /dev/null -w '%{http_code}' --unix-socket $S -H 'Content-Type: application/json' "$@"; }
n=floor$RANDOM
t0=$(date +%s%N)
c -X POST $A/networks/create -d "{\"Name\":\"$n\"}" >/dev/null
c -X POST "$A/containers/create?name=$n-web" -d "{\"Image\":\"localhost/p4n4-test-busybox:1\",\"Cmd\":[\"sh\",\"-c\",\"mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www\"],\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"NetworkMode\":\"$n\",\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"\"}]}}}" >/dev/null
c -X POST $A/containers/$n-web/start >/dev/null
c -X POST "$A/containers/create?name=$n-worker" -d "{\"Image\":\"localhost/p4n4-test-busybox:1\",\"Cmd\":[\"sh\",\"-c\",\"trap 'exit 0' TERM; while true; do sleep 1; done\"],\"HostConfig\":{\"NetworkMode\":\"$n\"}}" >/dev/null
c -X POST $A/containers/$n-worker/start >/dev/null
t1=$(date +%s%N)
echo "engine floor $(( (t1-t0)/1000000 )) ms"
c -X DELETE "$A/containers/$n-web?force=1" >/dev/null; c -X DELETE "$A/containers/$n-worker?force=1" >/dev/null; c -X DELETE $A/networks/$n >/dev/null
