package com.lendflow.funding;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(FundingSettings.class)
public class FundingServiceApplication {

    public static final String NAME = "funding-service";

    public static void main(String[] args) {
        ServiceApplication.run(FundingServiceApplication.class, NAME, args);
    }
}
