#!/usr/bin/env bash
# A local three-node cluster on one machine (docs/cluster.md), over corpus/:
#   bash scripts/cluster.sh start   builds the API (Release), starts PostgreSQL (scripts/postgres.sh) and three nodes,
#                                   prints their URLs and the admin key
#   bash scripts/cluster.sh stop    stops the three nodes and PostgreSQL (the data stays; delete the folder to start afresh)
# Everything lives in SEARCHSERVICE_CLUSTER_DIR (default /tmp/searchservice-cluster: PostgreSQL's folder must be one
# its user can reach): the database, each node's shard copies and log, their process ids. Nodes listen on 127.0.0.1:
# HTTP 5301-5303, silos 11311-11313, gateways 30311-30313; PostgreSQL on 55435.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=$(realpath -m "${SEARCHSERVICE_CLUSTER_DIR:-/tmp/searchservice-cluster}")
postgres_port=55435
nodes=3

usage() {
  echo "usage: bash scripts/cluster.sh start|stop" >&2
  exit 2
}
[ $# -eq 1 ] || usage

# Each node leaves the cluster (its membership row) before PostgreSQL stops; one still running after 30 s is killed.
stop_nodes() {
  for n in $(seq 1 "$nodes"); do
    pid_file="${dir}/node-${n}/pid"
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  for n in $(seq 1 "$nodes"); do
    pid_file="${dir}/node-${n}/pid"
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  done
}

case "$1" in
  start)
    mkdir -p "$dir"
    dotnet build src/SearchService.Api -c Release -v quiet -nologo >/dev/null
    bash scripts/postgres.sh start "${dir}/postgres" "$postgres_port"
    postgres=$(bash scripts/postgres.sh url "${dir}/postgres" "$postgres_port")
    key_file="${dir}/admin-key"
    [ -f "$key_file" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$key_file"
    stop_nodes
    for n in $(seq 1 "$nodes"); do
      node="${dir}/node-${n}"
      mkdir -p "$node"
      Search__AdminApiKey=$(cat "$key_file") nohup dotnet src/SearchService.Api/bin/Release/net10.0/SearchService.Api.dll \
        --urls "http://127.0.0.1:530${n}" \
        --Search:CorpusPath=corpus \
        --Search:Cluster:Enabled=true \
        "--Search:Cluster:Postgres=${postgres}" \
        --Search:Cluster:SiloPort="1131${n}" \
        --Search:Cluster:GatewayPort="3031${n}" \
        --Search:Cluster:ShardsPath="${node}/shards" \
        >"${node}/log" 2>&1 &
      echo $! >"${node}/pid"
    done
    for n in $(seq 1 "$nodes"); do
      until curl -sf "http://127.0.0.1:530${n}/health/ready" >/dev/null; do
        if ! kill -0 "$(cat "${dir}/node-${n}/pid")" 2>/dev/null; then
          echo "node ${n} stopped; its log:" >&2
          tail -n 20 "${dir}/node-${n}/log" >&2
          exit 1
        fi
        sleep 1
      done
      echo "node ${n}: http://127.0.0.1:530${n} (log ${dir}/node-${n}/log)"
    done
    echo "admin key: $(cat "$key_file")"
    ;;
  stop)
    stop_nodes
    bash scripts/postgres.sh stop "${dir}/postgres" "$postgres_port"
    ;;
  *)
    usage
    ;;
esac
