#!/usr/bin/env bash
# Runs the Spark examples (the demo's dev.adjoint.demo.spark.Examples) from a source checkout:
# compiles what they need, then starts a JVM with the options Spark's own launcher adds
# (org.apache.spark.launcher.JavaModuleOptions). The demo runs the same examples in Maven's JVM:
#   mvn -q -pl demo -am compile exec:java -Dexec.args="train --spark local[*]"
#   spark/run.sh train --master 'local[*]'
#   spark/run.sh greeks --trades 1000000
#   spark/run.sh scaling
# JAVA (default: $JAVA_HOME/bin/java or java) and HEAP (default -Xmx4g) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl demo -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile >&2
cp="demo/target/classes:$(cat demo/target/classpath.txt)"
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
# shellcheck disable=SC2046
exec "$java" ${HEAP:--Xmx4g} $("$java" -cp "$cp" dev.adjoint.demo.spark.JvmOptions) \
    -cp "$cp" dev.adjoint.demo.spark.Examples "$@"
