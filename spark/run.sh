#!/usr/bin/env bash
# Runs the Spark examples from a source checkout: compiles what they need, then starts a JVM with
# the options Spark's own launcher adds (org.apache.spark.launcher.JavaModuleOptions).
#   spark/run.sh train --master 'local[*]'
#   spark/run.sh greeks --trades 1000000
#   spark/run.sh scaling
# JAVA (default: $JAVA_HOME/bin/java or java) and HEAP (default -Xmx4g) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl spark -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile >&2
cp="spark/target/classes:$(cat spark/target/classpath.txt)"
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
# shellcheck disable=SC2046
exec "$java" ${HEAP:--Xmx4g} $("$java" -cp "$cp" dev.adjoint.spark.examples.JvmOptions) \
    -cp "$cp" dev.adjoint.spark.examples.Examples "$@"
