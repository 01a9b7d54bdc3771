package com.lendflow.loanorder;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LoanOrderServiceApplication {

    public static final String NAME = "loan-order-service";

    public static void main(String[] args) {
        ServiceApplication.run(LoanOrderServiceApplication.class, NAME, args);
    }
}
