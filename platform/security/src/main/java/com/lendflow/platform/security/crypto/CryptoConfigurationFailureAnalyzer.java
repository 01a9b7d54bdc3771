package com.lendflow.platform.security.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused crypto configuration into a two-line startup report instead of a stack trace. */
public class CryptoConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCryptoConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCryptoConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set lendflow.crypto.keys.<keyId> (base64 of 32 random bytes, for example `openssl rand -base64 32`), "
                        + "lendflow.crypto.active-key-id and lendflow.crypto.index-key from the secret store; "
                        + "for a local run or a test only, set lendflow.crypto.allow-dev-keys=true instead.",
                cause);
    }
}
