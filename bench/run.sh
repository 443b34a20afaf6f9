#!/usr/bin/env bash
# bench/run.sh: the whole benchmark of docs/PERFORMANCE.md, as `make bench` runs it.
#
#   1. checks the binaries (sige, sige-datagen, sige-bench-sqlite) and tools (wrk, nginx);
#   2. generates DOSSIERS dossiers with sige-datagen, or reuses the copy cached under
#      $BUILD/bench-data (keyed by the parameters and by the sige-datagen binary);
#   then RUNS times:
#   3. nginx serving a static 200-byte file: the read baseline (wrk, 64 connections);
#   4. sige serve on a fresh copy of the data: ready time (its own "listo en N ms" and the
#      wall time to the first 200 from /healthz), log in, then wrk with bench/wrk/*.lua:
#      GET dossier (ADMIN, any id; and a desk clerk, ids on its route), search (ADMIN and
#      clerk), GET with 8 connections while 64 register, register (64 and 8 connections),
#      transfer+receive (64 and 8), recording the server's CPU time per request and sampling
#      its RSS (VmRSS, VmHWM) throughout;
#   5. sige-bench-sqlite on other fresh copies: the write baseline, synchronous=FULL as the
#      server, run just before and just after sige's write phases (their mean is the
#      baseline), and NORMAL for comparison;
#   6. with BACKENDS including postgresql (the default): the same phases on a copy of the
#      data in a durable throwaway PostgreSQL 15 (scripts/pg-tmp, fsync on), bracketed by
#      pgbench's TPC-B-like load as that backend's write baseline; then registration through
#      nginx with one node and with two nodes on the same database;
#   7. bench/report.py prints the figures, the ratios against the baselines of the same run,
#      the medians over the runs and whether each target is met.
# Everything it starts is stopped on exit; everything temporary lives in one scratch dir.
# Results stay in $BUILD/bench-results/DATE/ (report.md, raw wrk output, logs).
#
# Environment (defaults in brackets): BUILD [build], DOSSIERS [100000], ORGANIZATIONS [3],
# SEED [20261121], RUNS [3], DURATION seconds per wrk run [10], CONNS [64], LOW_CONNS [8],
# WRK_THREADS [2], BASELINE_THREADS [4 × cores, as the server's threads], KEEP_SCRATCH [0],
# BACKENDS ["sqlite postgresql"], PGBENCH_SCALE [10], PGBENCH_CLIENTS [8].
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-build}
[[ "$BUILD" = /* ]] || BUILD="$ROOT/$BUILD"
DOSSIERS=${DOSSIERS:-100000}
ORGANIZATIONS=${ORGANIZATIONS:-3}
SEED=${SEED:-20261121}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
CONNS=${CONNS:-64}
LOW_CONNS=${LOW_CONNS:-8}
WRK_THREADS=${WRK_THREADS:-2}
BASELINE_THREADS=${BASELINE_THREADS:-$((4 * $(nproc)))}
KEEP_SCRATCH=${KEEP_SCRATCH:-0}
BACKENDS=${BACKENDS:-sqlite postgresql}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-8}
PY=/usr/bin/python3
PGBIN=/usr/lib/postgresql/15/bin

WITH_PG=0
[[ " $BACKENDS " == *" postgresql "* ]] && WITH_PG=1

# PostgreSQL runs beside the whole benchmark: start it first, durable, and come back here.
if [[ $WITH_PG == 1 && -z "${SIGE_TEST_PG_URL:-}" ]]; then
    PG_TMP_DURABLE=1 exec "$ROOT/scripts/pg-tmp" "$0" "$@"
fi

SIGE="$BUILD/sige"
DATAGEN="$BUILD/bench/sige-datagen"
BASELINE="$BUILD/bench/sige-bench-sqlite"
WRK=$(command -v wrk || true)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

say() { printf '%s\n' "$*" >&2; }
die() { say "bench/run.sh: $*"; exit 1; }

# ---- 1. build check ------------------------------------------------------------------------
for bin in "$SIGE" "$DATAGEN" "$BASELINE"; do
    [[ -x "$bin" ]] || die "falta $bin: cmake --build ${BUILD#"$ROOT"/} --target bench_all"
done
[[ -n "$WRK" ]] || die "falta wrk: scripts/bootstrap bench"
[[ -x "$NGINX" ]] || die "falta nginx: scripts/bootstrap bench"
command -v curl >/dev/null || die "falta curl"

STAMP=$(date +%Y%m%d-%H%M%S)
OUT="$BUILD/bench-results/$STAMP"
mkdir -p "$OUT"
SCRATCH=$(mktemp -d /tmp/sige-bench.XXXXXX)
chmod 755 "$SCRATCH"  # nginx workers may run as another user

NGINX_PID=""
SIGE_PID=""
SIGE_PID2=""
SAMPLER_PID=""
stop_pid() {  # stop_pid PID: SIGTERM, wait up to 5 s, then SIGKILL
    local pid=$1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
    stop_pid "$SAMPLER_PID"
    stop_pid "$SIGE_PID"
    stop_pid "$SIGE_PID2"
    stop_pid "$NGINX_PID"
    if [[ "$KEEP_SCRATCH" == 1 ]]; then
        say "bench/run.sh: se conserva $SCRATCH"
    else
        rm -rf "$SCRATCH"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
now_ms() { date +%s%3N; }

# ---- machine --------------------------------------------------------------------------------
{
    echo "date=$(date -Iseconds)"
    echo "command=BUILD=${BUILD#"$ROOT"/} DOSSIERS=$DOSSIERS ORGANIZATIONS=$ORGANIZATIONS SEED=$SEED RUNS=$RUNS DURATION=$DURATION CONNS=$CONNS LOW_CONNS=$LOW_CONNS WRK_THREADS=$WRK_THREADS BASELINE_THREADS=$BASELINE_THREADS bench/run.sh"
    echo "nproc=$(nproc)"
    echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "kernel=$(uname -sr)"
    echo "memory_mb=$(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo)"
    # shellcheck disable=SC1091
    echo "os=$(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "git=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo '+cambios')"
    echo "sige_built=$(date -r "$SIGE" -Iseconds)"
    echo "wrk=$("$WRK" -v 2>&1 | head -1 | awk '{print $2}')"
    echo "nginx=$("$NGINX" -v 2>&1 | sed 's/.*nginx\///')"
    echo "sqlite=$(sqlite3 --version 2>/dev/null | awk '{print $1}')"
    echo "backends=$BACKENDS"
    if [[ $WITH_PG == 1 ]]; then
        echo "postgresql=$("$PGBIN/postgres" --version | awk '{print $3}')"
        echo "pgbench_scale=$PGBENCH_SCALE"
        echo "pgbench_clients=$PGBENCH_CLIENTS"
    fi
    echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "dossiers=$DOSSIERS"
    echo "organizations=$ORGANIZATIONS"
    echo "duration=$DURATION"
    echo "conns=$CONNS"
    echo "low_conns=$LOW_CONNS"
    echo "wrk_threads=$WRK_THREADS"
    echo "baseline_threads=$BASELINE_THREADS"
} >"$OUT/machine.txt"
say "bench/run.sh: resultados en ${OUT#"$ROOT"/}"
sed 's/^/  /' "$OUT/machine.txt" >&2

# ---- 2. data --------------------------------------------------------------------------------
# The data is what this sige-datagen binary writes (use cases, schema and migrations are
# compiled into it), so the cache is keyed by the binary itself.
KEY=$(sha1sum "$DATAGEN" | cut -c1-10)
CACHE="$BUILD/bench-data/d$DOSSIERS-o$ORGANIZATIONS-s$SEED-$KEY"
if [[ ! -e "$CACHE/bench.env" ]]; then
    say "bench/run.sh: generando $DOSSIERS expedientes en ${CACHE#"$ROOT"/}"
    rm -rf "$CACHE.tmp"
    mkdir -p "$(dirname "$CACHE")"
    "$DATAGEN" --data "$CACHE.tmp" --organizations "$ORGANIZATIONS" --dossiers "$DOSSIERS" \
        --seed "$SEED" | tee "$OUT/datagen.txt" >&2
    "$SIGE" audit verify --data "$CACHE.tmp" | tee "$OUT/audit-verify.txt" >&2
    # Data generated by older sources for the same parameters is of no further use.
    for old in "${CACHE%-*}"-*; do
        [[ "$old" == "$CACHE.tmp" ]] || rm -rf "$old"
    done
    mv "$CACHE.tmp" "$CACHE"
else
    say "bench/run.sh: datos en caché: ${CACHE#"$ROOT"/}"
    echo "reused $CACHE" >"$OUT/datagen.txt"
fi
set -a
# shellcheck disable=SC1091
. "$CACHE/bench.env"
set +a
export BENCH_LUA_DIR="$ROOT/bench/wrk"
export BENCH_WRK_THREADS="$WRK_THREADS"

# ---- wrk ------------------------------------------------------------------------------------
RESULTS=""  # the current run's key=value file

# to_ms "2.91ms" -> 2.91
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
        printf "%.3f", n }'
}

CLK_TCK=$(getconf CLK_TCK)
MEASURED_PIDS=""  # the server's processes whose CPU time each wrk run records

cpu_ticks() {  # user + system time of MEASURED_PIDS (all threads), in clock ticks
    local total=0 pid t
    for pid in $MEASURED_PIDS; do
        t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$((total + t))
    done
    echo "$total"
}

# wrk_run NAME CONNECTIONS URL [SCRIPT]: runs wrk and records NAME.rps, .p50, .p99, the
# non-2xx answers and socket errors, and the server's CPU time per request (NAME.cpu_us):
# CPU per operation hardly depends on how busy the machine is, throughput does.
wrk_run() {
    local name=$1 conns=$2 url=$3 script=${4:-}
    local file="$RUN_DIR/wrk-$name.txt"
    # A 10 s timeout (wrk's default is 2 s) so that slow answers count with their latency.
    local args=(-t"${threads:-$WRK_THREADS}" -c"$conns" -d"${DURATION}s" --timeout 10s --latency)
    [[ -n "$script" ]] && args+=(-s "$ROOT/bench/wrk/$script")
    local ticks0 ticks1 requests
    ticks0=$(cpu_ticks)
    "$WRK" "${args[@]}" "$url" >"$file" 2>&1 || true
    ticks1=$(cpu_ticks)
    requests=$(awk '/requests in/ {print $1}' "$file")
    awk -v t=$((ticks1 - ticks0)) -v hz="$CLK_TCK" -v n="${requests:-0}" -v k="$name" \
        'BEGIN { if (n > 0) printf "%s.cpu_us=%.1f\n", k, t * 1e6 / hz / n }' >>"$RESULTS"
    local rps p50 p99 non2xx sockerr
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$file")
    sockerr=$(awk -F'[ ,]+' '/Socket errors/ {print $5 + $7 + $9 + $11}' "$file")
    {
        echo "$name.rps=${rps:-0}"
        echo "$name.p50=$p50"
        echo "$name.p99=$p99"
        echo "$name.non2xx=${non2xx:-0}"
        echo "$name.socket_errors=${sockerr:-0}"
        echo "$name.conns=$conns"
        sed -n 's/^BENCH [a-z]* //p' "$file" | tr ' ' '\n' | sed "s/^/$name./"
    } >>"$RESULTS"
    printf '  %-14s %4s conexiones: %10s req/s  p50 %8s ms  p99 %8s ms  no-2xx %s\n' \
        "$name" "$conns" "${rps:-0}" "$p50" "$p99" "${non2xx:-0}" >&2
}

# ---- 3. nginx -------------------------------------------------------------------------------
# nginx_start DIR PORT SERVER_BODY [HTTP_EXTRA]: nginx with the reference configuration of
# /work/shared/reference/deps-verified.md §5, listening on PORT; sets NGINX_PID.
nginx_start() {
    local dir=$1 port=$2 body=$3 extra=${4:-}
    mkdir -p "$dir/tmp"
    chmod -R 755 "$dir"
    cat >"$dir/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
$([[ $(id -u) -eq 0 ]] && echo "user root;")
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 100000;
    keepalive_timeout 65;
    open_file_cache max=100;
    default_type application/json;
    client_body_temp_path $dir/tmp/client_body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    $extra
    server {
        listen 127.0.0.1:$port;
        $body
    }
}
EOF
    "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
    NGINX_PID=$!
}

nginx_measure() {
    local dir="$SCRATCH/nginx" port
    port=$(free_port)
    rm -rf "$dir"
    mkdir -p "$dir/www"
    # 200 bytes, about the size of a small JSON answer.
    "$PY" -c 'import sys; body = "{\"status\":\"ok\",\"pad\":\"" + "x" * 170 + "\"}"; body += " " * (199 - len(body)) + "\n"; assert len(body) == 200; sys.stdout.write(body)' >"$dir/www/static.json"
    nginx_start "$dir" "$port" "root $dir/www; location / { }"
    local ok=0
    for _ in $(seq 100); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/static.json"; then
            ok=1
            break
        fi
        sleep 0.05
    done
    [[ $ok == 1 ]] || die "nginx no arrancó: $(cat "$dir/error.log" "$dir/stdout.log")"
    "$WRK" -t"$WRK_THREADS" -c"$CONNS" -d2s "http://127.0.0.1:$port/static.json" >/dev/null 2>&1 || true
    MEASURED_PIDS="$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
    wrk_run nginx "$CONNS" "http://127.0.0.1:$port/static.json"
    stop_pid "$NGINX_PID"
    NGINX_PID=""
}

# ---- 4. sige --------------------------------------------------------------------------------
# Keys of the PostgreSQL phases carry the prefix "pg." (P below); SQLite's have none.
P=""
rss_sample() {  # rss_sample LABEL: VmRSS and VmHWM of the server now, in kB
    local rss hwm
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$SIGE_PID/status" 2>/dev/null || echo 0)
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$SIGE_PID/status" 2>/dev/null || echo 0)
    echo "${P}rss.$1.kb=$rss" >>"$RESULTS"
    echo "${P}hwm.$1.kb=$hwm" >>"$RESULTS"
}

login() {  # login USER: prints a bearer token
    curl -sf -X POST -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$BENCH_PASSWORD\"}" "$SIGE_URL/api/v1/session" |
        "$PY" -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

# sige_start LOG DATA [ARGS...]: starts `sige serve` on a free port, its output in LOG.out and
# LOG.err; prints "PID PORT LISTO_MS" (LISTO_MS: its own report of the time to be ready).
sige_start() {
    local log=$1 data=$2 line pid
    shift 2
    "$SIGE" serve --data "$data" --listen 127.0.0.1:0 "$@" >"$log.out" 2>"$log.err" &
    pid=$!
    for _ in $(seq 2000); do
        line=$(grep -m1 'escuchando en' "$log.out" 2>/dev/null || true)
        [[ -n "$line" ]] && break
        kill -0 "$pid" 2>/dev/null || die "sige serve terminó: $(cat "$log.err")"
        sleep 0.002
    done
    [[ -n "$line" ]] || die "sige serve no informó su puerto"
    echo "$pid $(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' <<<"$line") $(sed -n 's/.*listo en \([0-9]*\) ms.*/\1/p' <<<"$line")"
}

wait_healthz() {  # wait_healthz URL: waits for the first 200 from /healthz
    for _ in $(seq 5000); do
        curl -sf -o /dev/null "$1/healthz" && return 0
        sleep 0.002
    done
    die "/healthz no respondió en $1"
}

# measure_server PID...: the processes whose CPU time counts as the server's: sige's, and on
# PostgreSQL every process of the database server (backends, WAL writer, checkpointer).
measure_server() {
    MEASURED_PIDS="$*"
    if [[ "$P" == pg. ]]; then
        local postmaster
        postmaster=$(head -1 "$SIGE_TEST_PG_DATA/postmaster.pid")
        MEASURED_PIDS+=" $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
    fi
}

# write_baseline before|after: the write baseline of the current backend, run just before and
# just after sige's write phases so that both see the same disk (their mean is the baseline).
write_baseline() {
    if [[ "$P" == pg. ]]; then
        pgbench_measure "$1"
    else
        baseline_measure FULL "full_$1"
    fi
}

# sige_measure [DB_URL]: every phase on one backend: SQLite on the fresh copy of the data, or
# (with P=pg.) PostgreSQL's database DB_URL.
sige_measure() {
    local data="$SCRATCH/data" t0 ready_ms started listo port
    local args=()
    if [[ -n "${1:-}" ]]; then
        data="$SCRATCH/pg-data"  # attachments only
        args=(--db "$1")
    fi
    t0=$(now_ms)
    started=$(sige_start "$RUN_DIR/${P}sige" "$data" "${args[@]}")
    read -r SIGE_PID port listo <<<"$started"
    SIGE_URL="http://127.0.0.1:$port"
    wait_healthz "$SIGE_URL"
    ready_ms=$(($(now_ms) - t0))
    {
        echo "${P}ready.listo_ms=$listo"
        echo "${P}ready.healthz_ms=$ready_ms"
    } >>"$RESULTS"
    say "  sige (${P:-sqlite.}) listo en $listo ms; primer /healthz 200 a los $ready_ms ms"
    rss_sample start

    # Sample RSS all along (a peak between two phases is in VmHWM anyway).
    (
        while kill -0 "$SIGE_PID" 2>/dev/null; do
            echo "$(now_ms) $(awk '/^VmRSS|^VmHWM/ {printf "%s ", $2}' "/proc/$SIGE_PID/status" 2>/dev/null)"
            sleep 0.5
        done
    ) >"$RUN_DIR/${P}rss.log" 2>/dev/null &
    SAMPLER_PID=$!

    local admin desk token_a token_b
    admin=$(login "$BENCH_ADMIN_USER")
    desk=$(login "$BENCH_DESK_USER")
    token_a=$(login "$BENCH_XFER_A_USER")
    token_b=$(login "$BENCH_XFER_B_USER")

    # Reads first, on the data as generated. A short warm-up fills the caches (and opens the
    # pool's connections, whose PostgreSQL backends then count in the CPU time).
    BENCH_TOKEN=$admin "$WRK" -t"$WRK_THREADS" -c"$CONNS" -d3s -s "$ROOT/bench/wrk/get.lua" \
        "$SIGE_URL" >/dev/null 2>&1 || true
    measure_server "$SIGE_PID"
    BENCH_TOKEN=$admin wrk_run "${P}get_admin" "$CONNS" "$SIGE_URL" get.lua
    rss_sample get_admin
    BENCH_TOKEN=$desk BENCH_IDS_FILE="$CACHE/bench-desk-ids.txt" \
        wrk_run "${P}get_desk" "$CONNS" "$SIGE_URL" get.lua
    rss_sample get_desk
    BENCH_TOKEN=$admin wrk_run "${P}search_admin" "$CONNS" "$SIGE_URL" search.lua
    rss_sample search_admin
    BENCH_TOKEN=$desk wrk_run "${P}search_desk" "$CONNS" "$SIGE_URL" search.lua
    rss_sample search_desk
    # Reads while others write: GET (8 connections, one wrk thread) during a register load
    # of CONNS connections.
    BENCH_TOKEN=$desk "$WRK" -t1 -c"$CONNS" -d"$((DURATION + 2))s" -s "$ROOT/bench/wrk/register.lua" \
        "$SIGE_URL" >"$RUN_DIR/wrk-${P}mixed-writers.txt" 2>&1 &
    local writers=$!
    sleep 1
    BENCH_TOKEN=$admin threads=1 wrk_run "${P}get_while_writing" "$LOW_CONNS" "$SIGE_URL" get.lua
    wait "$writers" || true
    measure_server "$SIGE_PID"
    # Writes, bracketed by the backend's bare baseline.
    write_baseline before
    BENCH_TOKEN=$desk wrk_run "${P}register" "$CONNS" "$SIGE_URL" register.lua
    rss_sample register
    BENCH_TOKEN=$desk wrk_run "${P}register_low" "$LOW_CONNS" "$SIGE_URL" register.lua
    rss_sample register_low
    export BENCH_TOKEN_A=$token_a BENCH_TOKEN_B=$token_b
    export BENCH_XFER_POOL_FILE="$CACHE/bench-transfer-pool.txt"
    BENCH_XFER_POOL_PART=1/2 wrk_run "${P}transfer" "$CONNS" "$SIGE_URL" transfer.lua
    rss_sample transfer
    BENCH_XFER_POOL_PART=2/2 wrk_run "${P}transfer_low" "$LOW_CONNS" "$SIGE_URL" transfer.lua
    rss_sample transfer_low
    write_baseline after

    stop_pid "$SAMPLER_PID"
    SAMPLER_PID=""
    stop_pid "$SIGE_PID"
    SIGE_PID=""
    awk -v p="$P" '{ if ($2 > m) m = $2 } END { print p "rss.sampled_peak.kb=" m + 0 }' \
        "$RUN_DIR/${P}rss.log" >>"$RESULTS"
    cp "$RUN_DIR/${P}sige.err" "$RUN_DIR/${P}sige-log.txt" 2>/dev/null || true
}

# ---- 4b. PostgreSQL -------------------------------------------------------------------------
PG_ADMIN_URL=""
[[ $WITH_PG == 1 ]] && PG_ADMIN_URL=$SIGE_TEST_PG_URL
pg_url() { echo "${PG_ADMIN_URL%/*}/$1"; }
psql_admin() {
    PGOPTIONS="-c client_min_messages=warning" \
        "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$PG_ADMIN_URL" "$@" >/dev/null
}

# Once per benchmark: the generated data copied into a template database with `sige migrate`
# (which checks the counts and the audit chain), and pgbench's tables.
pg_prepare() {
    say "bench/run.sh: copiando los datos a PostgreSQL (sige migrate) y preparando pgbench"
    psql_admin -c "CREATE DATABASE sige_template"
    local t0
    t0=$(now_ms)
    "$SIGE" migrate --from "sqlite:$CACHE" --to "$(pg_url sige_template)" \
        --to-data "$SCRATCH/pg-data" >"$OUT/pg-migrate.txt" 2>&1 ||
        die "sige migrate falló: $(tail -5 "$OUT/pg-migrate.txt")"
    echo "pg_migrate_s=$((($(now_ms) - t0) / 1000))" >>"$OUT/machine.txt"
    "$PGBIN/psql" -X -q "$(pg_url sige_template)" -c "VACUUM ANALYZE" >/dev/null
    psql_admin -c "CREATE DATABASE pgbench"
    "$PGBIN/pgbench" -i -q -s "$PGBENCH_SCALE" "$(pg_url pgbench)" >"$OUT/pgbench-init.txt" 2>&1 ||
        die "pgbench -i falló: $(tail -5 "$OUT/pgbench-init.txt")"
}

# pgbench_measure LABEL: pgbench's built-in TPC-B-like script with PGBENCH_CLIENTS clients for
# as long as a wrk run: PostgreSQL's own write rate on this machine and disk.
pgbench_measure() {
    local file="$RUN_DIR/pgbench-$1.txt"
    "$PGBIN/pgbench" -n -c "$PGBENCH_CLIENTS" -j "$WRK_THREADS" -T "$DURATION" "$(pg_url pgbench)" \
        >"$file" 2>&1 || die "pgbench falló: $(tail -5 "$file")"
    {
        echo "pgbench_$1.tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$file" | head -1)"
        echo "pgbench_$1.latency_ms=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$file")"
    } >>"$RESULTS"
    say "  pgbench ($1): $(grep '^tps' "$file" | head -1)"
}

# Registration through nginx with one node, then with two nodes on the same database: what an
# operator gains by adding a `sige serve`.
pg_nodes_measure() {
    local url=$1 dir="$SCRATCH/nginx-lb" port n p1 p2 started desk servers
    local data="$SCRATCH/pg-data"
    started=$(sige_start "$RUN_DIR/pg.node1" "$data" --db "$url" --trusted-proxy 127.0.0.1)
    read -r SIGE_PID p1 _ <<<"$started"
    started=$(sige_start "$RUN_DIR/pg.node2" "$data" --db "$url" --trusted-proxy 127.0.0.1)
    read -r SIGE_PID2 p2 _ <<<"$started"
    wait_healthz "http://127.0.0.1:$p1"
    wait_healthz "http://127.0.0.1:$p2"
    for n in 1 2; do
        rm -rf "$dir"
        port=$(free_port)
        servers="server 127.0.0.1:$p1;"
        [[ $n == 2 ]] && servers+=" server 127.0.0.1:$p2;"
        nginx_start "$dir" "$port" \
            "location / { proxy_pass http://sige; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header X-Forwarded-For \$remote_addr; }" \
            "upstream sige { $servers keepalive 64; }"
        SIGE_URL="http://127.0.0.1:$port"
        wait_healthz "$SIGE_URL"
        desk=$(login "$BENCH_DESK_USER")
        BENCH_TOKEN=$desk "$WRK" -t"$WRK_THREADS" -c"$CONNS" -d2s -s "$ROOT/bench/wrk/register.lua" \
            "$SIGE_URL" >/dev/null 2>&1 || true
        measure_server "$SIGE_PID $SIGE_PID2 $NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
        BENCH_TOKEN=$desk wrk_run "pg.nodes${n}_register" "$CONNS" "$SIGE_URL" register.lua
        stop_pid "$NGINX_PID"
        NGINX_PID=""
    done
    stop_pid "$SIGE_PID2"
    SIGE_PID2=""
    stop_pid "$SIGE_PID"
    SIGE_PID=""
}

pg_round() {
    P=pg.
    psql_admin -c "DROP DATABASE IF EXISTS sige_run" -c "CREATE DATABASE sige_run TEMPLATE sige_template"
    sige_measure "$(pg_url sige_run)"
    pg_nodes_measure "$(pg_url sige_run)"
    P=""
}

# ---- 5. bare SQLite -------------------------------------------------------------------------
# baseline_measure SYNC LABEL: sige-bench-sqlite on its own copy of the generated database
# (prepared by prepare_copies), recorded as sqlite_LABEL.register.tps etc.
baseline_measure() {
    local sync=$1 label=$2
    local db="$SCRATCH/baseline-$label/sige.db"
    "$BASELINE" --db "$db" --synchronous "$sync" --threads "$BASELINE_THREADS" \
        --seconds "$DURATION" >"$RUN_DIR/sqlite-$label.txt" 2>&1 ||
        die "sige-bench-sqlite falló: $(cat "$RUN_DIR/sqlite-$label.txt")"
    awk -v p="sqlite_$label" '/^RESULT/ { for (i = 3; i <= NF; i++) print p "." $2 "." $i }' \
        "$RUN_DIR/sqlite-$label.txt" >>"$RESULTS"
    grep -v '^RESULT' "$RUN_DIR/sqlite-$label.txt" | sed 's/^/  /' >&2
    rm -rf "$(dirname "$db")"
}

# Fresh copies of the generated data for the server and for each baseline run, written to
# disk before measuring: fsync (one per commit at synchronous=FULL) is slow while the
# kernel is still flushing a 300 MB copy, and the write figures depend on it.
prepare_copies() {
    rm -rf "$SCRATCH/data" "$SCRATCH"/baseline-*
    cp -a "$CACHE" "$SCRATCH/data"
    local label
    for label in full_before full_after normal; do
        mkdir -p "$SCRATCH/baseline-$label"
        cp "$CACHE/sige.db" "$SCRATCH/baseline-$label/sige.db"
    done
    sync
}

# ---- the runs -------------------------------------------------------------------------------
if [[ -n "$PG_ADMIN_URL" ]]; then
    pg_prepare
fi
for run in $(seq "$RUNS"); do
    RUN_DIR="$OUT/run-$run"
    mkdir -p "$RUN_DIR"
    RESULTS="$RUN_DIR/results.txt"
    : >"$RESULTS"
    say "bench/run.sh: ronda $run de $RUNS ($(cut -d' ' -f1-3 /proc/loadavg))"
    echo "load.start=$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
    prepare_copies
    nginx_measure
    sige_measure
    baseline_measure NORMAL normal
    if [[ -n "$PG_ADMIN_URL" ]]; then
        pg_round
    fi
    echo "load.end=$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
done
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

"$PY" "$ROOT/bench/report.py" "$OUT" | tee "$OUT/report.md"
