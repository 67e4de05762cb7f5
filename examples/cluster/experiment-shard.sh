#!/bin/bash
# One shard of a flatgov experiment per task of a Slurm job array:
#
#   jid=$(sbatch --parsable --array=0-15 experiment-shard.sh exp.json 16 out)
#   sbatch --dependency=afterok:$jid --wrap 'npx flatgov experiment merge out/shard-*.json --out results.csv'
#
# The shard count (16) is written out rather than read from Slurm, so that a task that
# failed resubmits alone (sbatch --array=3 experiment-shard.sh exp.json 16 out) and resumes
# from its out/shard-3.json.partial. Worker threads: the task's --cpus-per-task, else the
# cores less one. FLATGOV names the command (default: npx --no-install flatgov).
#SBATCH --job-name=flatgov-experiment
#SBATCH --cpus-per-task=2
#SBATCH --output=%x-%A_%a.log
set -euo pipefail
exp=${1:?usage: sbatch --array=0-<N-1> experiment-shard.sh <experiment.json> <N> [out folder]}
shards=${2:?the shard count N}
out=${3:-out}
: "${SLURM_ARRAY_TASK_ID:?submit it as a job array: sbatch --array=0-$((shards - 1)) …}"
mkdir -p "$out"
exec ${FLATGOV:-npx --no-install flatgov} experiment "$exp" --shard "$SLURM_ARRAY_TASK_ID/$shards" --out "$out/shard-$SLURM_ARRAY_TASK_ID.json"
