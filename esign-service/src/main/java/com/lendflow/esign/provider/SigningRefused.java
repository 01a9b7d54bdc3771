package com.lendflow.esign.provider;

/** The provider answered and refused to sign (a business refusal, 4xx); no retry changes that. */
public class SigningRefused extends RuntimeException {

    public SigningRefused(String message) {
        super(message);
    }
}
