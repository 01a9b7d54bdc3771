package com.lendflow.coreledger;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class CoreLedgerServiceApplication {

    public static final String NAME = "core-ledger-service";

    public static void main(String[] args) {
        ServiceApplication.run(CoreLedgerServiceApplication.class, NAME, args);
    }
}
