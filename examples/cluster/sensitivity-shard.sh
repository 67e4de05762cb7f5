#!/bin/bash
# One shard of a flatgov sensitivity analysis per task of a Slurm job array, in its two
# stages: the screening (Morris), then the Sobol runs, which need the merged screening:
#
#   s1=$(sbatch --parsable --array=0-15 sensitivity-shard.sh exp.json 16 out)
#   m1=$(sbatch --parsable --dependency=afterok:$s1 --wrap 'npx flatgov experiment merge out/screening-*.json --out out/screening.json')
#   s2=$(sbatch --parsable --dependency=afterok:$m1 --array=0-15 sensitivity-shard.sh exp.json 16 out out/screening.json)
#   sbatch --dependency=afterok:$s2 --wrap 'npx flatgov experiment merge out/sobol-*.json --out sensitivity.json'
#
# The shard count (16) is written out, so that a failed task resubmits alone and resumes
# from its .partial file. FLATGOV names the command (default: npx --no-install flatgov).
#SBATCH --job-name=flatgov-sensitivity
#SBATCH --cpus-per-task=2
#SBATCH --output=%x-%A_%a.log
set -euo pipefail
exp=${1:?usage: sbatch --array=0-<N-1> sensitivity-shard.sh <experiment.json> <N> [out folder] [screening.json]}
shards=${2:?the shard count N}
out=${3:-out}
screening=${4:-}
: "${SLURM_ARRAY_TASK_ID:?submit it as a job array: sbatch --array=0-$((shards - 1)) …}"
mkdir -p "$out"
i=$SLURM_ARRAY_TASK_ID
if [ -z "$screening" ]; then
  exec ${FLATGOV:-npx --no-install flatgov} experiment sensitivity "$exp" --shard "$i/$shards" --out "$out/screening-$i.json"
else
  exec ${FLATGOV:-npx --no-install flatgov} experiment sensitivity "$exp" --screening "$screening" --shard "$i/$shards" --out "$out/sobol-$i.json"
fi
