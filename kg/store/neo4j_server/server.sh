#!/usr/bin/env bash
# The local Neo4j 5 server behind `make neo4j` and `make neo4j-stop`:
#   server.sh start   build the launcher if needed, start it in the background, wait for Bolt, print the exports
#   server.sh stop    SIGTERM, wait, SIGKILL after NEO4J_STOP_TIMEOUT seconds; fine when none is running
#   server.sh run CMD...  run CMD with NEO4J_URI/USER/PASSWORD set (`make test`): starts the server when
#                     none runs and stops it afterwards; CMD runs alone when NEO4J_URI is already set
#                     (your own server) or when java or mvn is missing (the Neo4j tests then skip, saying why)
# Settings from the environment: NEO4J_PORT (7687), NEO4J_PASSWORD (shopgraph-dev), NEO4J_HEAP (1g, the
# maximum heap), NEO4J_HEAP_INITIAL (256m), NEO4J_PAGECACHE (256m), NEO4J_START_TIMEOUT (120), NEO4J_STOP_TIMEOUT (60).
# State lives in .neo4j/ at the repository root: data/, logs/ (Neo4j's debug.log), neo4j.log (the
# server's output), neo4j.pid, neo4j.env (the exports, so a second start can print them again).
# The export lines go to stdout and everything else to stderr, so `eval "$(make -s neo4j)"` works.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
state=${NEO4J_STATE:-$root/.neo4j}  # NEO4J_STATE: another folder for a second server
jar=$here/target/neo4j-server.jar
pidfile=$state/neo4j.pid
envfile=$state/neo4j.env
log=$state/neo4j.log
ready='shopgraph-neo4j: Bolt ready on'

port=${NEO4J_PORT:-7687}
password=${NEO4J_PASSWORD:-shopgraph-dev}
heap=${NEO4J_HEAP:-1g}
# idle RSS measured on 5.26.31: about 490 MB with -Xms256m, about 790 MB with -Xms1g (= -Xmx)
heap_initial=${NEO4J_HEAP_INITIAL:-256m}
pagecache=${NEO4J_PAGECACHE:-256m}
start_timeout=${NEO4J_START_TIMEOUT:-120}
stop_timeout=${NEO4J_STOP_TIMEOUT:-60}

say() { echo "neo4j: $*" >&2; }

# a JVM size such as 512m or 2g in bytes; empty when it is not one
bytes() {
    local size=${1,,} shift=0
    case $size in *k) shift=10 ;; *m) shift=20 ;; *g) shift=30 ;; esac
    size=${size%[kmg]}
    [[ $size =~ ^[0-9]+$ ]] && echo $((size << shift)) || true
}

# the pid of the server that make neo4j started, if it is still running (a reused pid does not count)
server_pid() {
    local pid
    [[ -f $pidfile ]] || return 1
    pid=$(<"$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'neo4j-server\.jar' || return 1
    echo "$pid"
}

# alive, and not just a zombie waiting to be reaped (after SIGKILL the main thread is a zombie while
# the other threads, and the Bolt socket, are still going away: count them too)
alive() {
    kill -0 "$1" 2>/dev/null || return 1
    [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]] && return 0
    local tasks=("/proc/$1/task/"*)
    (( ${#tasks[@]} > 1 ))
}

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

exports() {
    printf 'export NEO4J_URI=bolt://127.0.0.1:%s\nexport NEO4J_USER=neo4j\nexport NEO4J_PASSWORD=%q\n' "$port" "$password"
}

# Maven on first use, and again when the pom or a source is newer than the jar
build() {
    if [[ -f $jar && -d $here/target/lib && -z $(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit) ]]; then
        return
    fi
    command -v java >/dev/null || { say "error: java not found: install a JDK 17 or 21 (apt-get install openjdk-17-jdk-headless)"; exit 1; }
    command -v mvn >/dev/null || { say "error: mvn not found: install Maven (apt-get install maven)"; exit 1; }
    say "building the launcher with Maven (the first build downloads Neo4j, about 125 MB) ..."
    # Maven 3.8 prints colour resets even in batch mode: strip them (pipefail keeps its status)
    mvn -q -B -f "$here/pom.xml" package 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2 ||
        { say "error: the Maven build failed (output above)"; exit 1; }
    touch "$jar"  # the jar plugin leaves an up-to-date jar untouched; this keeps the next start from rebuilding
}

start() {
    local pid
    if pid=$(server_pid); then
        say "already running (pid $pid, started by make neo4j; log $log)"
        if [[ -f $envfile ]]; then
            if [[ $(<"$envfile") != "$(exports)" ]]; then
                say "warning: it runs with the settings below, not NEO4J_PORT/NEO4J_PASSWORD as given now: make neo4j-stop first to change them"
            fi
            cat "$envfile"
        else
            exports
        fi
        return
    fi
    rm -f "$pidfile" "$envfile"
    if port_answers "$port"; then
        say "error: port $port is already in use by another process: stop it or choose another port (make neo4j NEO4J_PORT=7688)"
        exit 1
    fi
    build
    mkdir -p "$state/data" "$state/logs"
    local max initial
    max=$(bytes "$heap") initial=$(bytes "$heap_initial")
    if [[ -n $max && -n $initial ]] && (( initial > max )); then
        heap_initial=$heap  # the JVM refuses an initial heap above the maximum
    fi
    local started=$SECONDS
    # the Add-Opens that Neo4j needs are in the jar's manifest; the -D options are from Neo4j's own neo4j.conf
    NEO4J_PASSWORD=$password nohup java -Xms"$heap_initial" -Xmx"$heap" -XX:+ExitOnOutOfMemoryError \
        -XX:-OmitStackTraceInFastThrow -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
        -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
        -jar "$jar" --data "$state/data" --logs "$state/logs" --port "$port" --pagecache "$pagecache" \
        >"$log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$pidfile"
    say "starting (pid $pid, heap $heap_initial..$heap, page cache $pagecache, data $state/data) ..."
    while :; do
        if ! alive "$pid"; then
            wait "$pid" && status=0 || status=$?
            fail "the server exited (status $status) before Bolt answered"
        fi
        if grep -q "$ready" "$log" && port_answers "$port"; then
            break
        fi
        if (( SECONDS - started >= start_timeout )); then
            stop
            fail "Bolt did not answer on port $port within $start_timeout s (server stopped)"
        fi
        sleep 0.5
    done
    say "Bolt answers on 127.0.0.1:$port after $((SECONDS - started)) s; stop it with: make neo4j-stop"
    (umask 077 && exports >"$envfile")
    exports
}

fail() {
    say "error: $1; the last 50 lines of $log:"
    tail -n 50 "$log" >&2
    rm -f "$pidfile"
    exit 1
}

stop() {
    local pid
    if ! pid=$(server_pid); then
        say "not running"
        rm -f "$pidfile" "$envfile"
        return
    fi
    kill -TERM "$pid"
    local waited=0
    while alive "$pid" && (( waited < stop_timeout * 2 )); do
        sleep 0.5
        waited=$((waited + 1))
    done
    if alive "$pid"; then
        say "still running after $stop_timeout s: SIGKILL (the next start recovers from the transaction log)"
        kill -KILL "$pid" 2>/dev/null || true
        for _ in {1..50}; do alive "$pid" && sleep 0.1 || break; done
    fi
    rm -f "$pidfile" "$envfile"
    say "stopped (pid $pid)"
}

run() {
    if [[ -n ${NEO4J_URI:-} ]]; then
        say "NEO4J_URI is set: the tests use the server at $NEO4J_URI"
        exec "$@"
    fi
    if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
        say "java or mvn is missing: no local Neo4j, so the Neo4j tests will be skipped"
        exec "$@"
    fi
    local ours=1 lines status=0
    server_pid >/dev/null && ours=0
    lines=$(start) || exit 1
    eval "$lines"
    export NEO4J_URI NEO4J_USER NEO4J_PASSWORD
    if (( ours )); then
        trap stop EXIT
    fi
    "$@" || status=$?
    return "$status"
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    run) shift; run "$@" ;;
    *) echo "usage: $0 start|stop|run CMD..." >&2; exit 2 ;;
esac
