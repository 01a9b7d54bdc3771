package com.lendflow.platform.security.testapp;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An app-facing endpoint behind the kit's token check, for tests of the check itself. */
@RestController
class PingController {

    @GetMapping("/api/v1/ping")
    Map<String, String> ping() {
        return Map.of("answer", "pong");
    }
}
