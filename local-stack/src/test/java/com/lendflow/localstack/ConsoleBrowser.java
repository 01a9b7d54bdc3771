package com.lendflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the console's browser scripts ({@code ops-console/e2e/*.e2e.mjs}: a real headless
 * Chromium from Debian's package, driven by playwright-core) against the shared stack's gateway,
 * and fails with the script's whole output unless it says it passed.
 */
final class ConsoleBrowser {

    static final Path CONSOLE = Path.of("..", "ops-console").toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of(System.getProperty("lendflow.test.chromium", "/usr/bin/chromium"));

    private ConsoleBrowser() {
    }

    /** Fails at once, before any data is prepared, when the browser or playwright-core is missing. */
    static void required() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the console's end-to-end tests need Chromium at %s; install Debian's package with "
                        + "`apt-get update -qq && apt-get install -y -qq chromium` (.ci/run does this)", CHROMIUM)
                .isTrue();
        assertThat(CONSOLE.resolve("node_modules/playwright-core"))
                .as("playwright-core is missing: build the ops-console module first (it runs npm ci)").isDirectory();
    }

    /**
     * Runs {@code script} with the given settings, its screenshots going to {@code screenshots}
     * (under {@code ops-console/}, where an earlier run's failure screenshot is removed first), and
     * returns its output once it has passed within {@code limit}.
     */
    static String run(String script, String screenshots, Duration limit, Map<String, String> env) throws Exception {
        Path shots = CONSOLE.resolve(screenshots);
        if (Files.isDirectory(shots)) {
            // A failure screenshot of an earlier run must not sit next to this run's pages.
            try (var old = Files.list(shots)) {
                for (Path file : old.filter(f -> f.getFileName().toString().endsWith("failure.png")).toList()) {
                    Files.delete(file);
                }
            }
        }
        Path log = Files.createTempFile("ops-console-e2e", ".log");
        ProcessBuilder node = new ProcessBuilder("node", script)
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().putAll(env);
        node.environment().put("LENDFLOW_GATEWAY", SharedStack.gateway());
        node.environment().put("E2E_SCREENSHOTS", shots.toString());
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        Process browser = node.start();
        boolean finished = browser.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println(output);
        assertThat(finished).as("%s did not finish in %d s:%n%s", script, limit.toSeconds(), output).isTrue();
        assertThat(browser.exitValue()).as("%s failed:%n%s", script, output).isZero();
        assertThat(output).contains("E2E PASSED");
        return output;
    }
}
