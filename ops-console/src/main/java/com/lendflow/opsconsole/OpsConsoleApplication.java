package com.lendflow.opsconsole;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves the ops console (the single-page app built by Vite) at {@code /console/} and signs staff
 * in: the browser sends a username and password, this server exchanges them at the auth server
 * under the {@code ops-console} client's secret, which never leaves the server.
 */
@SpringBootApplication
public class OpsConsoleApplication {

    public static final String NAME = "ops-console";

    public static void main(String[] args) {
        ServiceApplication.run(OpsConsoleApplication.class, NAME, args);
    }
}
