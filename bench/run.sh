#!/usr/bin/env bash
# Builds the processor and the benchmarks, then runs the suite and prints a Markdown report.
#
#   bench/run.sh                 default (short) suite, a few minutes on 2 cores, + compile cost
#   bench/run.sh --full          full suite (3 forks, more iterations), + compile cost
#   bench/run.sh --no-compile-cost [--include REGEX] [--out FILE]   other Report options pass through
#   bench/run.sh --same-jvm-only  only the same-JVM rotated-rounds comparison (about 2 minutes)
#
# Two parts: JMH (dev.adjoint.bench.Report, one fork per benchmark) and the same-JVM comparison
# (dev.adjoint.bench.SameJvm: primal, API, entry and hand-written in rotated rounds in one JVM per
# workload, ratios per round as min / median / max; --one-jvm puts all workloads in one JVM), whose
# ratios are the ones to quote on a shared machine.
# SameJvm then prints the second-order table (issue 14: tangent/primal, HVP/gradient, HVP against a
# hand-written one and Hipparchus' order 2); `SameJvm --include second-order` prints only that.
#
# The raw JMH jar works too: java -jar bench/target/benchmarks.jar -prof gc RosenbrockBench
# DJL (PyTorch, CPU, one thread) as a peer on Rosenbrock and the MLP: bench/djl/run.sh (fetches
# DJL's jars, about 110 MB, into bench/djl/target the first time; outside this build).
set -euo pipefail
cd "$(dirname "$0")/.."

compile_cost=1
jmh=1
args=()
for a in "$@"; do
  case "$a" in
    --no-compile-cost) compile_cost=0 ;;
    --same-jvm-only) jmh=0; compile_cost=0 ;;
    *) args+=("$a") ;;
  esac
done

mvn -q -B -pl bench -am package -DskipTests
if [[ $jmh == 1 ]]; then
  java -cp bench/target/benchmarks.jar dev.adjoint.bench.Report "${args[@]+"${args[@]}"}"
  echo
fi
java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar dev.adjoint.bench.SameJvm

if [[ $compile_cost == 1 ]]; then
  # The processor path a user's javac gets: processor jar + its runtime dependencies.
  cpfile=bench/target/processor-classpath.txt
  mvn -q -B -pl processor -am package dependency:build-classpath -DskipTests \
      -DincludeScope=runtime -Dmdep.outputFile="$PWD/$cpfile"
  processor_path="$(ls processor/target/adjoint-processor-*.jar | grep -v sources | head -1):$(cat $cpfile)"
  runtime_cp="$(ls runtime/target/adjoint-runtime-*.jar | grep -v sources | head -1)"
  echo
  java -cp bench/target/benchmarks.jar dev.adjoint.bench.CompileCost \
      --classpath "$runtime_cp" --processorpath "$processor_path"
fi
