package dev.adjoint.demo.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/** Prints the JVM options Spark's launcher adds (for {@code spark/run.sh}). */
public final class JvmOptions {

    private JvmOptions() {
    }

    /**
     * Prints {@link JavaModuleOptions#defaultModuleOptions()}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(JavaModuleOptions.defaultModuleOptions());
    }
}
