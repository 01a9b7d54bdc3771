package com.lendflow.benchmarks.load;

import java.net.URI;
import java.util.Set;

/**
 * Where the load goes: a stack started by {@code ./lendflow up} on this machine. Every address is
 * derived from {@code -Dlendflow.load.offset} (the stack's LENDFLOW_PORT_OFFSET, default 0: gateway
 * 8080, auth 9000, simulator 8099) unless given whole ({@code -Dlendflow.load.gateway=http://localhost:8080},
 * {@code lendflow.load.auth}, {@code lendflow.load.simulator}, {@code lendflow.load.core-ledger}). Load
 * generators here only ever target this machine: any other host is refused before a request is sent.
 */
final class LoadTarget {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    static final int OFFSET = Integer.getInteger("lendflow.load.offset", 0);
    static final String GATEWAY = local("lendflow.load.gateway", 8080);
    static final String AUTH = local("lendflow.load.auth", 9000);
    static final String SIMULATOR = local("lendflow.load.simulator", 8099);
    /** core-ledger-service, which owns the quote, called directly to measure what the gateway adds. */
    static final String CORE_LEDGER = local("lendflow.load.core-ledger", 8089);

    private LoadTarget() {
    }

    private static String local(String property, int port) {
        String url = System.getProperty(property, "http://localhost:" + (port + OFFSET));
        String host = URI.create(url).getHost();
        if (host == null || !LOCAL_HOSTS.contains(host.toLowerCase())) {
            throw new IllegalArgumentException(property + "=" + url + ": load is only ever generated against this "
                    + "machine (localhost, 127.0.0.1, [::1])");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static int intProperty(String name, int otherwise) {
        return Integer.getInteger("lendflow.load." + name, otherwise);
    }

    /** A rate that may be fractional (the soak runs at half the measured capacity, e.g. 1.5 a second). */
    static double doubleProperty(String name, double otherwise) {
        String value = System.getProperty("lendflow.load." + name);
        return value == null || value.isBlank() ? otherwise : Double.parseDouble(value);
    }

    static String describe() {
        return "gateway " + GATEWAY + ", auth " + AUTH + ", simulator " + SIMULATOR;
    }
}
