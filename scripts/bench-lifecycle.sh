#!/usr/bin/env bash
# Times `up` to ready and `down` of three stacks with docker-stack-maven-plugin and with Debian's
# docker-compose (1.29.2) on the same compose files, and prints the ratios.
#   (a) six services: an init service, a healthy chain db -> cache -> api, a worker and a proxy
#   (b) 20 independent services
#   (c) a chain of 5 services, each waiting for the previous one's health (1 s interval)
# Usage: bash scripts/bench-lifecycle.sh [ROUNDS]   (from the repository root; default 3 rounds)
# Needs: the plugin installed in ~/.m2 (./mvnw install -DskipTests). Prepares engine and images.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
bash scripts/engine.sh --compose >/dev/null
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
PLUGIN="io.github.dockerstack:docker-stack-maven-plugin:$VERSION"
WORK=$(mktemp -d /tmp/docker-stack-bench.XXXXXX)
trap 'for d in "$WORK"/*/; do (cd "$d" && docker-compose -p "bench-$(basename "$d")" down -v >/dev/null 2>&1 || true); done; rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

healthy_service() { # name, depends-on (or empty)
  printf '  %s:\n    image: busybox:latest\n    command: ["sh", "-c", "sleep 1; touch /tmp/ready; exec sleep 600"]\n' "$1"
  printf '    stop_signal: SIGKILL\n'
  printf '    healthcheck:\n      test: ["CMD", "test", "-f", "/tmp/ready"]\n      interval: 1s\n      retries: 60\n'
  [ -n "$2" ] && printf '    depends_on:\n      %s:\n        condition: service_healthy\n' "$2"
  return 0
}
plain_service() { printf '  %s:\n    image: busybox:latest\n    command: ["sleep", "600"]\n    stop_signal: SIGKILL\n' "$1"; }

mkdir -p "$WORK/a" "$WORK/b" "$WORK/c"
{ echo 'version: "2.4"'; echo 'services:'
  printf '  init:\n    image: busybox:latest\n    command: ["sh", "-c", "exit 0"]\n'
  healthy_service db ""
  healthy_service cache db
  healthy_service api cache
  printf '    volumes: []\n'
  plain_service worker; printf '    depends_on:\n      api:\n        condition: service_healthy\n      init:\n        condition: service_completed_successfully\n'
  plain_service proxy; printf '    ports: ["80"]\n    depends_on: [api]\n'
} > "$WORK/a/docker-compose.yml"
{ echo 'version: "2.4"'; echo 'services:'; for i in $(seq 1 20); do plain_service "s$i"; done; } > "$WORK/b/docker-compose.yml"
{ echo 'version: "2.4"'; echo 'services:'; prev=""; for i in 1 2 3 4 5; do healthy_service "c$i" "$prev"; prev="c$i"; done; } > "$WORK/c/docker-compose.yml"
for d in a b c; do
  cat > "$WORK/$d/pom.xml" <<POM
<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>$d</artifactId><version>1</version></project>
POM
done

# docker-compose 1.29 has no --wait: poll until every container with a healthcheck is healthy
wait_healthy() {
  local p=$1
  while docker ps -q --filter "label=com.docker.compose.project=$p" | xargs -r docker inspect \
      --format '{{if .State.Health}}{{.State.Health.Status}}{{end}}' | grep -qv -e '^healthy$' -e '^$'; do sleep 0.05; done
}
goal_ms() { sed -n 's/.* is \(up\|down\) in \([0-9]*\) ms.*/\2/p' "$1" | tail -1; }

# Maven's own start and end around any goal, which a lifecycle build pays once and docker-compose does not
t0=$(now); (cd "$WORK/a" && mvn -B -o -q validate >/dev/null 2>&1); t1=$(now)
echo "maven start and end (validate of an empty pom): $(secs "$t0" "$t1") s"
printf '%-4s %-22s %10s %10s %10s\n' stack measure plugin compose ratio
for d in a b c; do
  p="bench-$d"
  for r in $(seq 1 "$ROUNDS"); do
    t0=$(now); (cd "$WORK/$d" && docker-compose -p "$p" up -d >/dev/null 2>&1); wait_healthy "$p"; t1=$(now)
    (cd "$WORK/$d" && docker-compose -p "$p" down >/dev/null 2>&1); t2=$(now)
    c_up=$(secs "$t0" "$t1"); c_down=$(secs "$t1" "$t2")

    t0=$(now); (cd "$WORK/$d" && mvn -B -o -Dstyle.color=never "$PLUGIN:up" -Ddocker-stack.projectName="$p" -Ddocker-stack.parallelism=8 \
      -Ddocker-stack.files=docker-compose.yml >"$WORK/up.log" 2>&1) || { cat "$WORK/up.log"; exit 1; }; t1=$(now)
    (cd "$WORK/$d" && mvn -B -o -Dstyle.color=never "$PLUGIN:up" -Ddocker-stack.projectName="$p" -Ddocker-stack.files=docker-compose.yml >"$WORK/up2.log" 2>&1); 
    t2=$(now); (cd "$WORK/$d" && mvn -B -o -Dstyle.color=never "$PLUGIN:down" -Ddocker-stack.projectName="$p" -Ddocker-stack.files=docker-compose.yml >"$WORK/down.log" 2>&1); t3=$(now)
    p_up=$(secs "$t0" "$t1"); p_down=$(secs "$t2" "$t3")
    printf '%-4s %-22s %10s %10s %10s\n' "$d" "up to ready (s)" "$p_up" "$c_up" "$(awk -v a="$p_up" -v b="$c_up" 'BEGIN{printf "%.2f", a/b}')"
    printf '%-4s %-22s %10s %10s %10s\n' "$d" "down (s)" "$p_down" "$c_down" "$(awk -v a="$p_down" -v b="$c_down" 'BEGIN{printf "%.2f", a/b}')"
    printf '%-4s %-22s %10s %10s %10s\n' "$d" "up, goal (ms)" "$(goal_ms "$WORK/up.log")" "$(awk -v b="$c_up" 'BEGIN{printf "%d", b*1000}')" \
      "$(awk -v a="$(goal_ms "$WORK/up.log")" -v b="$c_up" 'BEGIN{printf "%.2f", a/1000/b}')"
    printf '%-4s %-22s %10s\n' "$d" "unchanged up, goal (ms)" "$(goal_ms "$WORK/up2.log")"
    printf '%-4s %-22s %10s\n' "$d" "down, goal (ms)" "$(goal_ms "$WORK/down.log")"
  done
done
