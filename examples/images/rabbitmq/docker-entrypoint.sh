#!/bin/sh
# Entrypoint of docker-stack-test/rabbitmq: writes the default user from the
# environment into /etc/rabbitmq/conf.d, then execs the server (Erlang VM as
# PID 1: SIGTERM stops the node cleanly) as the rabbitmq user.
set -eu

if [ "${1:-}" = rabbitmq-server ]; then
  shift
  if [ "$(id -u)" = 0 ]; then
    conf=/etc/rabbitmq/conf.d/20-docker-env.conf
    if [ -n "${RABBITMQ_DEFAULT_USER:-}${RABBITMQ_DEFAULT_PASS:-}${RABBITMQ_DEFAULT_VHOST:-}" ] \
       && [ -w /etc/rabbitmq/conf.d ]; then
      {
        echo "## written by docker-entrypoint.sh from the environment"
        [ -n "${RABBITMQ_DEFAULT_USER:-}" ] && echo "default_user = $RABBITMQ_DEFAULT_USER"
        [ -n "${RABBITMQ_DEFAULT_PASS:-}" ] && echo "default_pass = $RABBITMQ_DEFAULT_PASS"
        [ -n "${RABBITMQ_DEFAULT_VHOST:-}" ] && echo "default_vhost = $RABBITMQ_DEFAULT_VHOST"
        if [ -n "${RABBITMQ_DEFAULT_USER:-}" ]; then
          echo "default_permissions.configure = .*"
          echo "default_permissions.read = .*"
          echo "default_permissions.write = .*"
        fi
      } >"$conf"
      chmod 640 "$conf"; chown root:rabbitmq "$conf"
    fi
    mkdir -p /var/lib/rabbitmq /var/log/rabbitmq
    chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq
    cd /var/lib/rabbitmq
    exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups \
      /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
  fi
  cd /var/lib/rabbitmq
  exec /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
fi
exec "$@"
