package com.lendflow.reconciliation;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReconciliationServiceApplication {

    public static final String NAME = "reconciliation-service";

    public static void main(String[] args) {
        ServiceApplication.run(ReconciliationServiceApplication.class, NAME, args);
    }
}
