package com.lendflow.creditdecision.bureau;

/** The bureau answered and refused the query (4xx); no retry changes that. */
public class BureauRefused extends RuntimeException {

    public BureauRefused(String message) {
        super(message);
    }
}
