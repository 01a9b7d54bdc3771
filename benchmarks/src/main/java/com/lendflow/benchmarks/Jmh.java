package com.lendflow.benchmarks;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Runs the JMH benchmarks of this module (org.openjdk.jmh.Main with the same arguments) from
 * {@code exec:java}. JMH forks its measurement JVMs with {@code java.class.path}, which under
 * {@code exec:java} is Maven's own launcher; this puts the module's real classpath there first.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am install -DskipTests && ./mvnw -q -pl benchmarks
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dbenchmark=com.lendflow.benchmarks.Jmh
 * -Dexec.args="ScheduleEngineBenchmark -wi 3 -w 2s -i 5 -r 2s -f 1 -t 1"}; add {@code -prof gc} or
 * {@code -prof stack} for where the time goes, {@code -h} for every option.
 */
public final class Jmh {

    private Jmh() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null;
             loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(file(url));
                }
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
        org.openjdk.jmh.Main.main(args);
    }

    private static String file(URL url) throws URISyntaxException {
        return Path.of(url.toURI()).toString();
    }
}
