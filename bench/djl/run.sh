#!/usr/bin/env bash
# DJL (PyTorch engine, CPU, one thread) as a peer of Adjoint on the MLP and Rosenbrock, in one JVM
# with rotated rounds (as dev.adjoint.bench.SameJvm): Adjoint's entry point, the hand-written
# gradient and DJL autograd in float64 (and float32 for the MLP).
#
#   bench/djl/run.sh [--rounds N] [--slice-ms MS] [--warmup-ms MS]
#   bench/djl/run.sh --training [...]   mini-batch training of the 784-64-10 MLP in examples/s
#
# The first run resolves DJL's jars from Maven Central into bench/djl/target/m2 (about 110 MB,
# PyTorch's CPU library included), never into ~/.m2; set DJL_M2 to use another local repository.
# DJL then runs offline: -Doffline=true forbids its run-time download of native libraries.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -f bench/target/benchmarks.jar ]] || mvn -q -B -pl bench -am package -DskipTests
lib=bench/djl/target/lib
if [[ ! -f $lib/.complete ]]; then
  mvn -q -B -f bench/djl/pom.xml -Dmaven.repo.local="${DJL_M2:-$PWD/bench/djl/target/m2}" \
      dependency:copy-dependencies -DoutputDirectory="$PWD/$lib"
  touch "$lib/.complete"
fi
classes=bench/djl/target/classes
mkdir -p "$classes"
javac -d "$classes" -cp "bench/target/benchmarks.jar:$lib/*" bench/djl/src/dev/adjoint/bench/*.java
main=dev.adjoint.bench.DjlPeers
if [[ ${1:-} == --training ]]; then
  main=dev.adjoint.bench.DjlTraining
  shift
fi
java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -Doffline=true \
    -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -DDJL_CACHE_DIR="$PWD/bench/djl/target/djl-cache" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$classes:bench/target/benchmarks.jar:$lib/*" "$main" "$@"
