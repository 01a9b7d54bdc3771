package com.lendflow.collection;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class CollectionServiceApplication {

    public static final String NAME = "collection-service";

    public static void main(String[] args) {
        ServiceApplication.run(CollectionServiceApplication.class, NAME, args);
    }
}
