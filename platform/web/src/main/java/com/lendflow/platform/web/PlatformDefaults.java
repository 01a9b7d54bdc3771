package com.lendflow.platform.web;

/**
 * The settings every Lendflow service shares (actuator exposure, probes, JSON logs, graceful
 * shutdown, body cap), from {@code lendflow/platform-defaults.properties}.
 */
public class PlatformDefaults extends ClasspathDefaults {

    public PlatformDefaults() {
        super("lendflowPlatformDefaults", "lendflow/platform-defaults.properties");
    }
}
