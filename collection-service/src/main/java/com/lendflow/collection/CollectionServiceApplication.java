package com.lendflow.collection;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CollectionServiceApplication {

    public static final String NAME = "collection-service";

    public static void main(String[] args) {
        ServiceApplication.run(CollectionServiceApplication.class, NAME, args);
    }
}
