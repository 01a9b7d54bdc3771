package com.lendflow.marketing;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(MarketingSettings.class)
public class MarketingServiceApplication {

    public static final String NAME = "marketing-service";

    public static void main(String[] args) {
        ServiceApplication.run(MarketingServiceApplication.class, NAME, args);
    }
}
