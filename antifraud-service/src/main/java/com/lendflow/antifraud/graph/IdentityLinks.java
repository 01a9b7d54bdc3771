package com.lendflow.antifraud.graph;

import com.lendflow.antifraud.identity.IdentifierKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The edges of the relationship graph: which customer used which identifier (by blind index). */
@Repository
public class IdentityLinks {

    private final JdbcClient jdbc;

    IdentityLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code customerId} used the identifier; seeing it again only moves last-seen on. */
    public void link(UUID customerId, IdentifierKind kind, String valueIndex, Instant seenAt) {
        if (kind == IdentifierKind.ID_NUMBER) {
            throw new IllegalArgumentException("a customer is their ID number; it is not a shared node of the graph");
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(seenAt, ZoneOffset.UTC);
        jdbc.sql("""
                insert into identity_link (customer_id, kind, value_index, first_seen_at, last_seen_at)
                values (:customer, :kind, :index, :at, :at)
                on conflict (customer_id, kind, value_index) do update
                    set first_seen_at = least(identity_link.first_seen_at, excluded.first_seen_at),
                        last_seen_at = greatest(identity_link.last_seen_at, excluded.last_seen_at)
                """)
                .param("customer", customerId)
                .param("kind", kind.name())
                .param("index", valueIndex)
                .param("at", at)
                .update();
    }

    /** Whether {@code customerId} used the identifier before. */
    public boolean linked(UUID customerId, IdentifierKind kind, String valueIndex) {
        return jdbc.sql("select exists (select 1 from identity_link where customer_id = ? and kind = ? and value_index = ?)")
                .param(customerId).param(kind.name()).param(valueIndex).query(Boolean.class).single();
    }

    /** How many identifiers of the kind the customer used. */
    public int identifiersOf(UUID customerId, IdentifierKind kind) {
        return jdbc.sql("select count(*) from identity_link where customer_id = ? and kind = ?")
                .param(customerId).param(kind.name()).query(Integer.class).single();
    }

    /** How many distinct customers used the identifier. */
    public int customersOn(IdentifierKind kind, String valueIndex) {
        return jdbc.sql("select count(*) from identity_link where kind = ? and value_index = ?")
                .param(kind.name()).param(valueIndex).query(Integer.class).single();
    }

    /** Whether any known fraudster used the identifier. */
    public boolean usedByKnownFraudster(IdentifierKind kind, String valueIndex) {
        return jdbc.sql("""
                select exists (select 1 from identity_link l join known_fraudster f on f.customer_id = l.customer_id
                               where l.kind = ? and l.value_index = ?)
                """)
                .param(kind.name()).param(valueIndex).query(Boolean.class).single();
    }
}
