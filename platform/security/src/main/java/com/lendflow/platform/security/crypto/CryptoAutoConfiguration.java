package com.lendflow.platform.security.crypto;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The personal-data cipher and blind index of every service that stores data. "At rest" means
 * a database, so a context without a DataSource (the gateway) needs no keys and gets neither.
 * The keys are checked when the context starts, not when the first customer registers.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoAutoConfiguration {

    /** Checked once, so a missing or weak key stops the start and the dev-key warning shows once. */
    @Bean
    CryptoKeys lendflowCryptoKeys(CryptoProperties properties) {
        return CryptoKeys.from(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataCipher personalDataCipher(CryptoKeys keys) {
        return keys.cipher();
    }

    @Bean
    @ConditionalOnMissingBean
    BlindIndex blindIndex(CryptoKeys keys) {
        return keys.blindIndex();
    }
}
