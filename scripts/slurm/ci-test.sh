#!/usr/bin/env bash
# End-to-end test with a real Slurm (issue 17), run by .ci/run: installs Debian's slurm-wlm and
# munge when missing, starts a private single-node cluster (munged, slurmctld, slurmd) in a
# temporary directory, runs `simulate baltic` as a 4-task array through shards.sbatch and
# merge.sbatch (dependency afterok), and checks the merged output has the bytes of an
# unsharded run (the explore JSON with its provenance) and every shard its manifest. The
# daemons are stopped by their process ids whatever the outcome.
#
#   scripts/slurm/ci-test.sh [path/to/bulwark]     # default target/debug/bulwark
#
# Exit 0 on success or on a printed SKIP (no root, Slurm cannot be installed); 1 on failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bulwark=$(realpath "${1:-$here/../../target/debug/bulwark}")
runs=400
timeout_s=120

skip() {
    echo "slurm ci-test: SKIP: $*"
    exit 0
}
fail() {
    echo "slurm ci-test: FAIL: $*" >&2
    exit 1
}

[ -x "$bulwark" ] || fail "no bulwark binary at $bulwark"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    [ "$(id -u)" = 0 ] || skip "slurm-wlm and munge are not installed and installing them needs root"
    echo "slurm ci-test: installing slurm-wlm and munge"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge; } >/tmp/bulwark-slurm-apt.log 2>&1; then
        skip "apt-get install slurm-wlm munge failed (log: /tmp/bulwark-slurm-apt.log)"
    fi
fi
# slurmd starts jobs as their owner and must run as root.
[ "$(id -u)" = 0 ] || skip "slurmd must run as root to start jobs"

tmp=$(mktemp -d /tmp/bulwark-slurm.XXXXXX)
pids=()
cleanup() {
    # Running jobs first (their steps belong to slurmd), then the daemons, each by its pid.
    if [ -n "${SLURM_CONF:-}" ]; then
        scancel --quiet --user=root >/dev/null 2>&1 || true
    fi
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

host=$(hostname -s)
cpus=$(nproc)
# A little under the total: slurmd drains a node whose memory is below its RealMemory.
memory_mb=$(free -m | awk '/^Mem:/ { print int($2 * 0.9) }')
# Ports away from the defaults (6817/6818), so a real Slurm on the host is left alone.
ctld_port=$((20000 + RANDOM % 20000))
slurmd_port=$((ctld_port + 1))
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/munge" "$tmp/work"
chmod 711 "$tmp"
chmod 755 "$tmp/munge"
head -c 1024 /dev/urandom >"$tmp/munge/munge.key"
chmod 400 "$tmp/munge/munge.key"
cat >"$tmp/slurm.conf" <<CONF
ClusterName=bulwarkci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
SchedulerParameters=kill_invalid_depend
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf

munged --foreground --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.socket" \
    --pid-file="$tmp/munge/munged.pid" --seed-file="$tmp/munge/seed" --log-file="$tmp/munge/munged.log" >"$tmp/munged.out" 2>&1 &
pids+=($!)
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$tmp/slurmd.out" 2>&1 &
pids+=($!)

show_logs() {
    for log in "$tmp"/slurmctld.log "$tmp"/slurmd.log "$tmp"/*.out "$tmp"/munge/munged.log "$tmp"/work/*.log; do
        [ -f "$log" ] && { echo "--- $log"; tail -n 20 "$log"; }
    done
    return 0
}

start=$SECONDS
deadline=$((SECONDS + timeout_s))
until sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; do
    if [ $SECONDS -ge $deadline ]; then
        show_logs
        fail "the node did not come up within ${timeout_s} s"
    fi
    sleep 1
done
echo "slurm ci-test: single-node cluster up in $((SECONDS - start)) s ($host, $cpus CPUs, ${memory_mb} MB)"

cd "$tmp/work"
export BULWARK=$bulwark
# Submits COMMAND as a 4-task array and its merge step; prints the merge job's id.
submit() {
    local name=$1
    shift
    local array merge
    array=$(sbatch --parsable --array=1-4 --time=00:05:00 --output="$tmp/work/$name-%A_%a.log" \
        "$here/shards.sbatch" "$tmp/work/$name" "$@")
    merge=$(sbatch --parsable --dependency="afterok:${array%%;*}" --time=00:05:00 \
        --output="$tmp/work/$name-merge-%j.log" "$here/merge.sbatch" "$tmp/work/$name" "$@")
    echo "${merge%%;*}"
}
simulate=(simulate baltic --runs "$runs" --seed 11)
explore=(explore sobol --outcome baltic.hours_to_objective --runs 8 --seed 11 --format json)
jobs=("$(submit simulate "${simulate[@]}")" "$(submit explore "${explore[@]}")")
for i in 0 1; do
    name=$([ "$i" = 0 ] && echo simulate || echo explore)
    until [ -f "$tmp/work/$name/merged.txt" ]; do
        # A failed shard cancels the merge (kill_invalid_depend), so an empty queue means done.
        if [ $SECONDS -ge $deadline ] || ! squeue -h -j "${jobs[$i]}" 2>/dev/null | grep -q .; then
            sleep 1
            [ -f "$tmp/work/$name/merged.txt" ] && break
            squeue -o '%i %j %T %r' || true
            show_logs
            fail "the $name array and its merge (job ${jobs[$i]}) ended without merged.txt or took over ${timeout_s} s"
        fi
        sleep 1
    done
done

# The unsharded runs, outside Slurm.
"$bulwark" "${simulate[@]}" --quiet --summary "$tmp/work/whole.txt" >/dev/null
"$bulwark" merge "$tmp/work/whole.txt" >"$tmp/work/simulate-whole.txt"
"$bulwark" "${explore[@]}" --quiet >"$tmp/work/explore-whole.txt"
if ! cmp "$tmp/work/simulate/merged-summary.txt" "$tmp/work/whole.txt"; then
    fail "the merged summary of the simulate array differs from the unsharded run's --summary"
fi
for name in simulate explore; do
    if ! cmp "$tmp/work/$name/merged.txt" "$tmp/work/$name-whole.txt"; then
        diff "$tmp/work/$name/merged.txt" "$tmp/work/$name-whole.txt" | head -20
        fail "the merged Slurm array of $name differs from the unsharded run"
    fi
done
# Every shard summary has its provenance manifest, naming its shard of the array.
for task in 1 2 3 4; do
    manifest="$tmp/work/simulate/shard-$task.txt.manifest.json"
    grep -q "\"shard\": \"$task/4\"" "$manifest" 2>/dev/null || fail "$manifest is missing or does not name shard $task/4"
done
echo "slurm ci-test: ok: 4-task arrays of simulate baltic ($runs runs) and explore sobol (baltic) merged to the bytes of the unsharded runs in $((SECONDS - start)) s"
