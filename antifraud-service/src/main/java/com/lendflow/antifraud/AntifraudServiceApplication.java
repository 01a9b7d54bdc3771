package com.lendflow.antifraud;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AntifraudServiceApplication {

    public static final String NAME = "antifraud-service";

    public static void main(String[] args) {
        ServiceApplication.run(AntifraudServiceApplication.class, NAME, args);
    }
}
