package com.lendflow.limit;

import com.lendflow.limit.creditline.CreditLineSettings;
import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(CreditLineSettings.class)
public class LimitServiceApplication {

    public static final String NAME = "limit-service";

    public static void main(String[] args) {
        ServiceApplication.run(LimitServiceApplication.class, NAME, args);
    }
}
