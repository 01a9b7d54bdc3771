package com.lendflow.esign;

import com.lendflow.platform.web.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EsignServiceApplication {

    public static final String NAME = "esign-service";

    public static void main(String[] args) {
        ServiceApplication.run(EsignServiceApplication.class, NAME, args);
    }
}
