package com.lendflow.simulator;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnerSimulatorApplication {

    public static final String NAME = "partner-simulator";

    public static void main(String[] args) {
        ServiceApplication.run(PartnerSimulatorApplication.class, NAME, args);
    }
}
