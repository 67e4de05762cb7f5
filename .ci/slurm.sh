#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, and flatgov's cluster recipes run on it.
#
# Installs nothing: it needs Debian's slurm-wlm and munge (.ci/run installs them), and runs as
# root (CI does). It writes a slurm.conf for this host in a temporary folder, starts munged,
# slurmctld and slurmd by hand (no systemd), submits a sharded experiment and a sharded
# sensitivity analysis as `sbatch --array` jobs with dependent merge jobs, using the scripts
# the README shows (examples/cluster/*-shard.sh), checks that the merged results equal a
# one-machine run byte for byte, stops the daemons by PID and prints how long it all took.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
t0=$(date +%s)

for cmd in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$cmd" > /dev/null || {
    echo "slurm.sh: $cmd not found: install Debian's slurm-wlm and munge first (as .ci/run does)" >&2
    exit 2
  }
done

work=$(mktemp -d /tmp/flatgov-slurm.XXXXXX)
chmod 700 "$work"
pids=()
jobs_submitted=()
stop() {
  local status=$?
  if [ ${#jobs_submitted[@]} -gt 0 ]; then scancel --quiet "${jobs_submitted[@]}" 2> /dev/null || true; fi
  # The daemons, by the PIDs this script started them with, newest first.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  if [ "$status" -ne 0 ]; then
    echo "slurm.sh: failed; the daemons' logs:" >&2
    tail -n 20 "$work"/*.log >&2 2> /dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap stop EXIT

# munge: its own key, socket and files in the work folder.
head -c 1024 /dev/urandom > "$work/munge.key"
chmod 600 "$work/munge.key"
munged --foreground --force --key-file="$work/munge.key" --socket="$work/munge.socket" \
  --pid-file="$work/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munged.seed" 2> "$work/munged.err" &
pids+=($!)
for _ in $(seq 50); do [ -S "$work/munge.socket" ] && break; sleep 0.1; done

# slurm.conf for this host: one node with this machine's CPUs, ports of its own.
host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
mkdir -p "$work/state" "$work/spool" "$work/out"
cat > "$work/slurm.conf" << EOF
ClusterName=flatgov-ci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$work/slurm.conf
slurmctld -D -f "$SLURM_CONF" 2> "$work/slurmctld.err" &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$host" 2> "$work/slurmd.err" &
pids+=($!)
for _ in $(seq 100); do sinfo -h -o %t 2> /dev/null | grep -q idle && break; sleep 0.2; done
sinfo -h -o %t | grep -q idle || {
  echo "slurm.sh: the node did not come up" >&2
  exit 1
}
echo "slurm.sh: one-node cluster up on $host ($(nproc) CPUs) in $(($(date +%s) - t0)) s"

# flatgov from this checkout (the jobs start in it, so that tsx resolves), the cache off so
# that every run is made where it is meant to be, and a fixed manifest date.
export FLATGOV="node --import tsx $root/cli/flatgov.ts"
export FLATGOV_CACHE=off SOURCE_DATE_EPOCH=1767225600
cat > "$work/exp.json" << 'EOF'
{
  "name": "slurm check",
  "structures": [{ "preset": "traditional-county" }, { "preset": "longgang-2021" }],
  "replications": 6,
  "days": 10,
  "sweep": [{ "param": "demand.casesPerResidentYear", "values": [0.4, 0.6] }],
  "metrics": ["hoursToClose.mean", "localResolutionShare", "sla.close24h", "cost.perCaseYuan"],
  "series": { "every": "weekly", "metrics": ["open", "closedInInterval"] }
}
EOF
cat > "$work/sens.json" << 'EOF'
{
  "name": "slurm sensitivity check",
  "structures": [{ "preset": "traditional-county" }, { "preset": "longgang-2021" }],
  "replications": 2,
  "days": 3,
  "metrics": ["hoursToClose.mean", "localResolutionShare"],
  "sensitivity": {
    "assumptions": ["demand.casesPerResidentYear", "population.residents", "population.areaKm2"],
    "morris": { "trajectories": 2 },
    "sobol": { "top": 2, "n": 4 },
    "bootstrap": 50
  }
}
EOF
shards=4
out=$work/out
submit() { sbatch --parsable --cpus-per-task=1 --output="$work/%x-%A_%a.log" "$@"; }
t1=$(date +%s)
e=$(submit --array=0-$((shards - 1)) examples/cluster/experiment-shard.sh "$work/exp.json" $shards "$out/exp")
em=$(submit --dependency=afterok:"$e" --kill-on-invalid-dep=yes --job-name=merge-experiment \
  --wrap "$FLATGOV experiment merge $out/exp/shard-*.json --out $out/experiment.csv --quiet")
s1=$(submit --array=0-$((shards - 1)) examples/cluster/sensitivity-shard.sh "$work/sens.json" $shards "$out/sens")
sm1=$(submit --dependency=afterok:"$s1" --kill-on-invalid-dep=yes --job-name=merge-screening \
  --wrap "$FLATGOV experiment merge $out/sens/screening-*.json --out $out/sens/screening.json --quiet")
s2=$(submit --dependency=afterok:"$sm1" --kill-on-invalid-dep=yes --array=0-$((shards - 1)) examples/cluster/sensitivity-shard.sh "$work/sens.json" $shards "$out/sens" "$out/sens/screening.json")
sm2=$(submit --dependency=afterok:"$s2" --kill-on-invalid-dep=yes --job-name=merge-sensitivity \
  --wrap "$FLATGOV experiment merge $out/sens/sobol-*.json --out $out/sensitivity.json --quiet")
jobs_submitted=("$e" "$em" "$s1" "$sm1" "$s2" "$sm2")
echo "slurm.sh: submitted experiment $e (array of $shards) → merge $em; sensitivity $s1 → $sm1 → $s2 → $sm2"

# Meanwhile, the same on one machine, outside Slurm.
mkdir -p "$work/one"
$FLATGOV experiment "$work/exp.json" --workers 1 --out "$work/one/experiment.csv" --quiet
$FLATGOV experiment sensitivity "$work/sens.json" --workers 1 --out "$work/one/sensitivity.json" --quiet

deadline=$((t1 + 150))
while squeue -h -j "$(
  IFS=,
  echo "${jobs_submitted[*]}"
)" 2> /dev/null | grep -q .; do
  if [ "$(date +%s)" -gt "$deadline" ]; then
    echo "slurm.sh: the jobs did not finish in 150 s" >&2
    squeue >&2
    exit 1
  fi
  sleep 1
done
wall=$(($(date +%s) - t1))
for id in "${jobs_submitted[@]}"; do
  states=$(scontrol show job "$id" 2> /dev/null | grep -o 'JobState=[A-Z_]*' | sort | uniq -c | tr -s ' ' | tr '\n' ';')
  case "$states" in
    *COMPLETED*) [[ "$states" != *FAILED* && "$states" != *CANCELLED* && "$states" != *TIMEOUT* ]] || {
      echo "slurm.sh: job $id: $states" >&2
      cat "$work"/*"$id"*.log >&2 2> /dev/null || true
      exit 1
    } ;;
    *)
      echo "slurm.sh: job $id did not complete: $states" >&2
      cat "$work"/*"$id"*.log >&2 2> /dev/null || true
      exit 1
      ;;
  esac
done
for f in experiment.csv experiment.series.csv experiment.summary.csv experiment.differences.csv experiment.manifest.json sensitivity.json; do
  cmp "$work/one/$f" "$out/$f" || {
    echo "slurm.sh: $f from the Slurm shards differs from the one-machine run" >&2
    exit 1
  }
done
echo "slurm.sh: $shards experiment shards + merge and 2 × $shards sensitivity shards + 2 merges ran as Slurm jobs in ${wall} s;" \
  "the merged files equal the one-machine run byte for byte (experiment: 5 files, sensitivity: 1)"
echo "slurm.sh: done in $(($(date +%s) - t0)) s"
