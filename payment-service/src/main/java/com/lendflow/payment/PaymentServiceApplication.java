package com.lendflow.payment;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PaymentServiceApplication {

    public static final String NAME = "payment-service";

    public static void main(String[] args) {
        ServiceApplication.run(PaymentServiceApplication.class, NAME, args);
    }
}
