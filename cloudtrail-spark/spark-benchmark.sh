#!/bin/sh
# Builds cloudtrail-spark and its modules (no tests) and runs SparkReaderBenchmark: Spark's json reader with the
# rules as SQL (two schemas) against the cloudtrail data source with findings, in local[2], on JDK 17.
# Arguments: files, records per file, rounds (default 8 10000 5). Run from anywhere; prints records/s, ratios and
# the load average of every measurement.
set -e
cd "$(dirname "$0")/.."
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"
mvn -B -q -pl cloudtrail-spark -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test
cd cloudtrail-spark
opens=$(sed -n 's/.*<spark.jvm.opens>\(.*\)<\/spark.jvm.opens>.*/\1/p' pom.xml)
exec java -Xmx2g $opens \
    -cp "target/test-classes:target/classes:../cloudtrail-model/target/classes:../cloudtrail-model/target/test-classes:../cloudtrail-rules/target/classes:$(cat target/benchmark-classpath.txt)" \
    io.github.trailkit.spark.SparkReaderBenchmark "$@"
