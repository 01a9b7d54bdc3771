package com.lendflow.loanorder.drawdown;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DrawdownSettings.class)
class DrawdownConfiguration {
}
