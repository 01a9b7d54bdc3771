package com.lendflow.payment.customer;

/** loan-order-service could not tell who the customer is; nothing was decided. */
public class CustomerDirectoryUnavailable extends RuntimeException {

    public CustomerDirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
