package com.lendflow.contracts;

/**
 * Every Kafka topic in Lendflow. Events go to {@code lendflow.<producing service>.<aggregate>},
 * commands to {@code lendflow.<service>.commands}. The record key is always the aggregate id,
 * so one aggregate's messages stay in order.
 */
public final class Topics {

    /** Customers registered and changed in loan-order-service. */
    public static final String LOAN_ORDER_CUSTOMER = "lendflow.loan-order.customer";

    /** Suffix of the dead-letter topic that holds messages a consumer gave up on. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
