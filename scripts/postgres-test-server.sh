#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A throw-away PostgreSQL server for the tests, from Debian's postgresql package.
#
#   postgres-test-server.sh start <dir>   initdb a cluster in <dir> (an empty directory), start
#                                         it on a free port of 127.0.0.1 and write its libpq
#                                         connection string to <dir>/dsn
#   postgres-test-server.sh stop <dir>    stop that server and delete <dir>
#
# The cluster is for tests only: fsync is off and it lives in <dir>. PostgreSQL refuses to run
# as root, so under root (CI) the server runs as the `postgres` user (runuser). Connections over
# TCP need the password in the DSN (scram-sha-256); the Unix socket sits in <dir> (mode 0700).
set -euo pipefail

usage() { echo "usage: $0 start|stop <dir>" >&2; exit 2; }
(($# == 2)) || usage
command="$1"
dir="$2"
marker="$dir/.theracore-test-server"

pg_bin="${THERACORE_PG_BIN:-}"
if [[ -z "$pg_bin" ]]; then
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi

as_server() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    [[ -x "$pg_bin/initdb" && -x "$pg_bin/pg_ctl" ]] ||
        { echo "postgres-test-server: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
    mkdir -p "$dir"
    [[ -z "$(ls -A "$dir")" ]] || { echo "postgres-test-server: $dir is not empty" >&2; exit 1; }
    touch "$marker"
    chmod 700 "$dir"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres:postgres "$dir" "$marker"
    fi
    local password
    password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    (umask 077 && printf '%s\n' "$password" >"$dir/pwfile")
    [[ $(id -u) -ne 0 ]] || chown postgres:postgres "$dir/pwfile"

    as_server "$pg_bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --pwfile="$dir/pwfile" -E UTF8 --no-locale --no-sync \
        >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }

    # Another process may take the port between our probe and the server's bind: try again.
    local port="" attempt
    for attempt in 1 2 3 4 5; do
        port="$(free_port)"
        if as_server "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
            start >/dev/null 2>&1; then
            break
        fi
        port=""
    done
    [[ -n "$port" ]] || { cat "$dir/server.log" >&2; echo "postgres-test-server: cannot start" >&2; exit 1; }

    "$pg_bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 \
        -v password="$password" >/dev/null <<'SQL'
CREATE ROLE theracore LOGIN PASSWORD :'password';
CREATE DATABASE theracore_test OWNER theracore;
SQL
    printf 'host=127.0.0.1 port=%s dbname=theracore_test user=theracore password=%s connect_timeout=10\n' \
        "$port" "$password" >"$dir/dsn"
    echo "postgres-test-server: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
}

stop() {
    # Only ever delete a directory this script set up.
    [[ -e "$marker" ]] || { [[ ! -e "$dir" ]] || echo "postgres-test-server: $dir is not ours; left alone" >&2; return 0; }
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        as_server "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "$command" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
