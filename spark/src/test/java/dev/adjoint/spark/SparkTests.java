package dev.adjoint.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark context of the test JVM: {@code local[2,2]}, two worker threads and up to two
 * attempts per task (so the failure tests see a retry). Started on first use, stopped when the
 * JVM exits (Spark's own shutdown hook).
 */
final class SparkTests {

    private static SparkSession session;

    private SparkTests() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            SparkConf conf = new SparkConf()
                    .setMaster("local[2,2]")
                    .setAppName("adjoint-spark-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.sql.shuffle.partitions", "2");
            session = SparkSession.builder().config(conf).getOrCreate();
        }
        return session;
    }

    static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }
}
