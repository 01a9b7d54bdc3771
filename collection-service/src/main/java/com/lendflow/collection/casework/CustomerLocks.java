package com.lendflow.collection.casework;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises every change to one customer's collection: facts about two of their loans arriving on
 * two partitions, an agent's contact and the daily run all lock the customer's row first, so a
 * case is never opened twice and a contact cap is never overrun.
 */
@Component
public class CustomerLocks {

    private final JdbcClient jdbc;

    CustomerLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether collection was stopped for the customer (debt relief), and by what. */
    public record Customer(UUID id, String stopKind) {

        public boolean stopped() {
            return stopKind != null;
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Customer lock(UUID customerId) {
        jdbc.sql("insert into collection_customer (customer_id) values (?) on conflict do nothing")
                .param(customerId).update();
        return jdbc.sql("select customer_id, stop_kind from collection_customer where customer_id = ? for update")
                .param(customerId)
                .query((rs, row) -> new Customer(rs.getObject(1, UUID.class), rs.getString(2)))
                .single();
    }
}
