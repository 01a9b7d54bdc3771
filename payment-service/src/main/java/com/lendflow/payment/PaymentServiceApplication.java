package com.lendflow.payment;

import com.lendflow.payment.disbursement.DisbursementProperties;
import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(DisbursementProperties.class)
public class PaymentServiceApplication {

    public static final String NAME = "payment-service";

    public static void main(String[] args) {
        ServiceApplication.run(PaymentServiceApplication.class, NAME, args);
    }
}
