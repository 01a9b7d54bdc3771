package com.lendflow.loanorder.creditapplication;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CreditApplicationSettings.class)
class CreditApplicationConfiguration {
}
