package com.lendflow.reconciliation;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class ReconciliationServiceApplication {

    public static final String NAME = "reconciliation-service";

    public static void main(String[] args) {
        ServiceApplication.run(ReconciliationServiceApplication.class, NAME, args);
    }
}
