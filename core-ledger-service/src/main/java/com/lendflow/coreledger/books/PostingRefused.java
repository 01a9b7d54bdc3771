package com.lendflow.coreledger.books;

/** A posting or reversal the books will not take; the message says why. Nothing was written. */
public class PostingRefused extends RuntimeException {

    PostingRefused(String message) {
        super(message);
    }
}
