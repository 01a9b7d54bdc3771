package com.lendflow.loanorder.drawdown;

import com.lendflow.loanorder.creditapplication.Rates;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import com.lendflow.platform.web.privacy.Mask;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drawdowns as ops staff see them: searchable by state, submission time and customer, personal
 * data masked, each with its whole history so anyone can explain where the money went and why.
 */
@RestController
@RequestMapping("/ops/v1/drawdowns")
@PreAuthorize("hasAnyRole('OPS_AGENT', 'OPS_SUPERVISOR', 'RISK_ANALYST', 'FINANCE', 'ADMIN')")
class DrawdownOpsController {

    private static final int MAX_PAGE_SIZE = 100;

    private final EntityManager entityManager;
    private final Drawdowns drawdowns;
    private final DrawdownTimelines timelines;

    DrawdownOpsController(EntityManager entityManager, Drawdowns drawdowns, DrawdownTimelines timelines) {
        this.entityManager = entityManager;
        this.drawdowns = drawdowns;
        this.timelines = timelines;
    }

    /** {@code from} inclusive and {@code to} exclusive, on the submission time; newest first. */
    @GetMapping
    @Transactional(readOnly = true)
    Page list(@RequestParam(required = false) DrawdownState state,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
              @RequestParam(required = false) UUID customerId,
              @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "20") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new FieldViolation("page", "Min", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "Range", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new FieldViolation("to", "after-from", "must be after from"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (state != null) {
            where.append(" and d.state = :state");
            parameters.put("state", state);
        }
        if (from != null) {
            where.append(" and d.submittedAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" and d.submittedAt < :to");
            parameters.put("to", to);
        }
        if (customerId != null) {
            where.append(" and d.customerId = :customerId");
            parameters.put("customerId", customerId);
        }
        TypedQuery<Long> count = entityManager.createQuery("select count(d) from Drawdown d" + where, Long.class);
        TypedQuery<Drawdown> found = entityManager.createQuery(
                "select d from Drawdown d" + where + " order by d.submittedAt desc, d.id", Drawdown.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            found.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<Summary> items = found.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(Summary::of).toList();
        return new Page(items, page, size, total, (int) ((total + size - 1) / size));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    Detail drawdown(@PathVariable UUID id) {
        Drawdown d = drawdowns.findById(id).orElseThrow(() -> ApiProblem.notFound("Drawdown", id));
        return Detail.of(d, timelines.of(id));
    }

    record Page(List<Summary> items, int page, int size, long totalItems, int totalPages) {
    }

    record Summary(UUID id, UUID customerId, String borrowerName, String borrowerMobile, DrawdownState state,
                   DrawdownStep step, int attempts, String reasonCode, String amount, int termMonths, String method,
                   UUID loanId, Instant submittedAt, Instant updatedAt, Instant concludedAt) {

        static Summary of(Drawdown d) {
            return new Summary(d.id(), d.customerId(), Mask.name(d.fullName()), Mask.mobile(d.mobile()), d.state(),
                    d.step(), d.attempts(), d.reasonCode(), Amounts.text(d.amount()), d.termMonths(), d.method(),
                    d.loanId(), d.submittedAt(), d.updatedAt(), d.concludedAt());
        }
    }

    /**
     * @param reason for staff; never shown to the customer
     */
    record Detail(Summary drawdown, Instant stepStartedAt, Instant stepDeadline, String reason, UUID cardId,
                  String cardLast4, UUID couponId, String couponKind, String lineRate, String annualRate, String grade,
                  Integer interestFreeDays, String partnerId, String partnerName, LocalDate startDate,
                  String totalInterest, String firstInstallment, LocalDate firstDueDate, LocalDate lastDueDate,
                  UUID contractDocumentId, String fraudResult, Integer fraudScore, String decision, String requestNo,
                  String channel, Instant disbursedAt, List<String> installments, List<TimelineLine> timeline) {

        static Detail of(Drawdown d, List<DrawdownTimelineEntry> timeline) {
            return new Detail(Summary.of(d), d.stepStartedAt(), d.stepDeadline(), d.reason(), d.cardId(), d.cardLast4(),
                    d.couponId(), d.couponKind(), Rates.text(d.lineRate()), Rates.text(d.annualRate()), d.grade(),
                    d.interestFreeDays(), d.partnerId(), d.partnerName(), d.startDate(), text(d.totalInterest()),
                    text(d.firstInstallment()), d.firstDueDate(), d.lastDueDate(), d.contractDocumentId(),
                    d.fraudResult(), d.fraudScore(), d.decisionOutcome(), d.requestNo(), d.channel(), d.disbursedAt(),
                    d.installments(), timeline.stream().map(TimelineLine::of).toList());
        }
    }

    record TimelineLine(Instant at, DrawdownTimelineEntry.Kind kind, DrawdownState state, DrawdownStep step,
                        String messageType, UUID messageId, Integer attempt, String note, Map<String, Object> details) {

        static TimelineLine of(DrawdownTimelineEntry e) {
            return new TimelineLine(e.at(), e.kind(), e.state(), e.step(), e.messageType(), e.messageId(), e.attempt(),
                    e.note(), e.details());
        }
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : Amounts.text(amount);
    }
}
