#!/usr/bin/env bash
# Before the tests: make sure the machine's local PostgreSQL answers on 127.0.0.1:5432, starting
# it if it is installed but stopped. Where there is none, the PostgreSQL tests skip and say so.
set -u
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
  done
  for _ in $(seq 1 20); do
    pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
    sleep 0.5
  done
fi
echo "PostgreSQL is not reachable on 127.0.0.1:5432: its tests will be skipped." >&2
exit 0
