package com.lendflow.esign.provider;

/** The e-signature provider, as esign-service needs it. One adapter per provider. */
public interface ESignatureProvider {

    /**
     * Signs the document, retrying what may be retried. When {@code mayAlreadyBeSigned} (an
     * earlier attempt's outcome is unknown), the provider is asked for the outcome first.
     *
     * @throws SigningRefused      the provider refused to sign; trying again changes nothing
     * @throws ProviderUnavailable the provider failed, timed out or its circuit is open, after the retries
     */
    ProviderSignature sign(SigningRequest request, boolean mayAlreadyBeSigned);
}
