package com.lendflow.antifraud.graph;

import com.lendflow.antifraud.rules.Facts.FraudsterLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Breadth-first search from an applicant to the nearest known fraudster: two customers are one
 * hop apart when they share a device, mobile, Wi-Fi access point or bank card. Bounded three
 * ways, so a dense graph cannot make one assessment slow: at most {@code maxHops} levels (one
 * indexed query each, plus one fraudster lookup), nodes shared by more than {@code maxNodeDegree}
 * customers are not followed (a cafe's Wi-Fi links strangers), and at most {@link #MAX_FRONTIER}
 * new customers are taken per level.
 */
@Component
public class FraudsterSearch {

    static final int MAX_FRONTIER = 1000;

    private final JdbcClient jdbc;

    FraudsterSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FraudsterLink> nearest(UUID applicant, int maxHops, int maxNodeDegree) {
        if (!knownFraudsters(List.of(applicant)).isEmpty()) {
            return Optional.of(new FraudsterLink(0, "SELF"));
        }
        Set<UUID> visited = new HashSet<>(List.of(applicant));
        Map<UUID, String> firstHopVia = new HashMap<>();
        List<UUID> frontier = List.of(applicant);
        for (int hops = 1; hops <= maxHops && !frontier.isEmpty(); hops++) {
            List<UUID> next = new ArrayList<>();
            for (Edge edge : neighbours(frontier, maxNodeDegree)) {
                if (next.size() < MAX_FRONTIER && visited.add(edge.to())) {
                    firstHopVia.put(edge.to(), hops == 1 ? edge.via() : firstHopVia.get(edge.from()));
                    next.add(edge.to());
                }
            }
            List<UUID> fraudsters = knownFraudsters(next);
            if (!fraudsters.isEmpty()) {
                return Optional.of(new FraudsterLink(hops, firstHopVia.get(fraudsters.getFirst())));
            }
            frontier = next;
        }
        return Optional.empty();
    }

    private List<Edge> neighbours(List<UUID> frontier, int maxNodeDegree) {
        // The degree count stops at maxNodeDegree + 1 rows: a hub of a million customers costs no more than a small one.
        return jdbc.sql("""
                select l1.customer_id as from_customer, l2.customer_id as to_customer, l1.kind
                from identity_link l1
                join identity_link l2 on l2.kind = l1.kind and l2.value_index = l1.value_index
                                     and l2.customer_id <> l1.customer_id
                where l1.customer_id in (:frontier)
                  and (select count(*) from (select 1 from identity_link d
                                             where d.kind = l1.kind and d.value_index = l1.value_index
                                             limit :degreeLimit) as degree) <= :maxDegree
                limit :maxRows
                """)
                .param("frontier", frontier)
                .param("degreeLimit", maxNodeDegree + 1)
                .param("maxDegree", maxNodeDegree)
                .param("maxRows", MAX_FRONTIER * 4)
                .query((rs, row) -> new Edge(rs.getObject("from_customer", UUID.class),
                        rs.getObject("to_customer", UUID.class), rs.getString("kind")))
                .list();
    }

    private List<UUID> knownFraudsters(List<UUID> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select customer_id from known_fraudster where customer_id in (:customers) limit 1")
                .param("customers", customers)
                .query(UUID.class)
                .list();
    }

    private record Edge(UUID from, UUID to, String via) {
    }
}
