package com.lendflow.creditdecision;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CreditDecisionServiceApplication {

    public static final String NAME = "credit-decision-service";

    public static void main(String[] args) {
        ServiceApplication.run(CreditDecisionServiceApplication.class, NAME, args);
    }
}
