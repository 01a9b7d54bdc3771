package com.lendflow.platform.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A service whose keys could not protect personal data does not start, and says which setting is wrong. */
@ExtendWith(OutputCaptureExtension.class)
class CryptoConfigurationTest {

    static final String K1 = Base64.getEncoder().encodeToString(TestKeys.aes256());
    static final String K2 = Base64.getEncoder().encodeToString(TestKeys.aes256());
    static final String INDEX_KEY = Base64.getEncoder().encodeToString(TestKeys.hmac());

    final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class))
            .withBean(DataSource.class, SimpleDriverDataSource::new);

    @Test
    void startsWithRotatedKeysAndEncryptsUnderTheActiveOne() {
        service.withPropertyValues("lendflow.crypto.keys.k1=" + K1, "lendflow.crypto.keys.k2=" + K2,
                        "lendflow.crypto.active-key-id=k2", "lendflow.crypto.index-key=" + INDEX_KEY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
                    assertThat(cipher.keyIds()).containsExactlyInAnyOrder("k1", "k2");
                    assertThat(cipher.encrypt("张三")).startsWith("v1:k2:");
                    assertThat(context.getBean(BlindIndex.class).of("x")).hasSize(64);
                });
    }

    @Test
    void refusesToStartWithoutAnActiveKey() {
        service.withPropertyValues("lendflow.crypto.keys.k1=" + K1, "lendflow.crypto.index-key=" + INDEX_KEY)
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidCryptoConfigurationException.class)
                        .hasMessageContaining("lendflow.crypto.active-key-id is not set"));
    }

    @Test
    void refusesToStartWhenTheActiveKeyIsNotConfigured() {
        service.withPropertyValues("lendflow.crypto.keys.k1=" + K1, "lendflow.crypto.active-key-id=k2",
                        "lendflow.crypto.index-key=" + INDEX_KEY)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("'k2' is not one of lendflow.crypto.keys [k1]"));
    }

    @Test
    void refusesToStartWithAKeyThatIsNotAes256WithoutPrintingIt() {
        String aes128 = Base64.getEncoder().encodeToString(new byte[16]);
        service.withPropertyValues("lendflow.crypto.keys.k1=" + aes128, "lendflow.crypto.active-key-id=k1",
                        "lendflow.crypto.index-key=" + INDEX_KEY)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("lendflow.crypto.keys.k1 must be base64 of exactly 32 bytes")
                        .hasMessageContaining("decodes to 16 bytes")
                        .hasMessageNotContaining(aes128));
    }

    @Test
    void refusesToStartWithAShortIndexKey() {
        service.withPropertyValues("lendflow.crypto.keys.k1=" + K1, "lendflow.crypto.active-key-id=k1",
                        "lendflow.crypto.index-key=" + Base64.getEncoder().encodeToString(new byte[16]))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("lendflow.crypto.index-key must be base64 of at least 32 bytes"));
    }

    @Test
    void refusesToStartWithoutAnIndexKey() {
        service.withPropertyValues("lendflow.crypto.keys.k1=" + K1, "lendflow.crypto.active-key-id=k1")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("lendflow.crypto.index-key is not set"));
    }

    @Test
    void refusesToStartWithoutKeysUnlessDevelopmentKeysAreAllowed() {
        service.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("lendflow.crypto.keys is not set")
                .hasMessageContaining("lendflow.crypto.allow-dev-keys=true"));
    }

    @Test
    void aLocalRunOnDevelopmentKeysStartsAndWarnsThatItDoes(CapturedOutput output) {
        service.withPropertyValues("lendflow.crypto.allow-dev-keys=true").run(context -> {
            assertThat(context).hasNotFailed();
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
            assertThat(cipher.decrypt(cipher.encrypt("张三"))).isEqualTo("张三");
        });
        assertThat(output).contains("WARN").contains("DEVELOPMENT keys");
    }

    @Test
    void developmentKeysAreTheSameOnEveryStartSoALocalDatabaseStaysReadable() {
        String[] stored = new String[1];
        service.withPropertyValues("lendflow.crypto.allow-dev-keys=true")
                .run(context -> stored[0] = context.getBean(PersonalDataCipher.class).encrypt("13812345678"));
        service.withPropertyValues("lendflow.crypto.allow-dev-keys=true")
                .run(context -> assertThat(context.getBean(PersonalDataCipher.class).decrypt(stored[0]))
                        .isEqualTo("13812345678"));
    }

    @Test
    void configuredKeysWinOverDevelopmentKeys() {
        service.withPropertyValues("lendflow.crypto.allow-dev-keys=true", "lendflow.crypto.keys.k1=" + K1,
                        "lendflow.crypto.active-key-id=k1", "lendflow.crypto.index-key=" + INDEX_KEY)
                .run(context -> assertThat(context.getBean(PersonalDataCipher.class).activeKeyId()).isEqualTo("k1"));
    }

    @Test
    void aContextWithoutADatabaseNeedsNoKeys() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PersonalDataCipher.class));
    }

    @Test
    void theStartupReportSaysWhatToSet() {
        FailureAnalysis analysis = new CryptoConfigurationFailureAnalyzer()
                .analyze(new IllegalStateException(new InvalidCryptoConfigurationException("lendflow.crypto.keys is not set")));

        assertThat(analysis.getDescription()).isEqualTo("lendflow.crypto.keys is not set");
        assertThat(analysis.getAction()).contains("lendflow.crypto.allow-dev-keys=true");
    }
}
