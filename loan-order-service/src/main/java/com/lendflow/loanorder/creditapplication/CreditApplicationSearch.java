package com.lendflow.loanorder.creditapplication;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applications as ops staff look for them: by state, submission time and customer, newest first. */
@Component
class CreditApplicationSearch {

    private final EntityManager entityManager;

    CreditApplicationSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param from inclusive, on the submission time
     * @param to   exclusive, on the submission time
     */
    record Criteria(ApplicationState state, Instant from, Instant to, UUID customerId, int page, int size) {
    }

    record Found(List<CreditApplication> applications, long total) {
    }

    @Transactional(readOnly = true)
    Found search(Criteria criteria) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (criteria.state() != null) {
            where.append(" and a.state = :state");
            parameters.put("state", criteria.state());
        }
        if (criteria.from() != null) {
            where.append(" and a.submittedAt >= :from");
            parameters.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.append(" and a.submittedAt < :to");
            parameters.put("to", criteria.to());
        }
        if (criteria.customerId() != null) {
            where.append(" and a.customerId = :customerId");
            parameters.put("customerId", criteria.customerId());
        }
        TypedQuery<Long> count = entityManager.createQuery("select count(a) from CreditApplication a" + where, Long.class);
        TypedQuery<CreditApplication> page = entityManager.createQuery(
                "select a from CreditApplication a" + where + " order by a.submittedAt desc, a.id", CreditApplication.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        List<CreditApplication> found = page.setFirstResult(criteria.page() * criteria.size())
                .setMaxResults(criteria.size())
                .getResultList();
        return new Found(found, count.getSingleResult());
    }
}
