package com.lendflow.coreledger.reconciliation;

import static com.lendflow.coreledger.books.ChartOfAccounts.CUSTOMER_REPAYMENT_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.FUNDING_PARTNER_CLEARING;
import static com.lendflow.coreledger.books.ChartOfAccounts.PAYMENT_CHANNEL_RECEIVABLE;
import static com.lendflow.coreledger.books.ChartOfAccounts.RECONCILIATION_DIFFERENCES;
import static com.lendflow.coreledger.books.ChartOfAccounts.RECONCILIATION_GAINS;
import static com.lendflow.coreledger.books.ChartOfAccounts.RECONCILIATION_LOSSES;

import com.lendflow.coreledger.books.Books;
import com.lendflow.coreledger.books.JournalEntry;
import com.lendflow.coreledger.books.PostEntry;
import com.lendflow.coreledger.books.Posting;
import com.lendflow.coreledger.businessday.BusinessDay;
import com.lendflow.platform.web.Amounts;
import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.FieldViolation;
import com.lendflow.platform.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a reconciliation break that ops staff resolved with money (#8): one balanced entry between
 * the reconciliation differences account (1998) and the account the difference is in, once per
 * break id, never editing an entry. The break id is stored with the entry it posted; the same
 * break sent again answers that entry, and the same break with other figures is refused.
 *
 * <p>GAIN: there is more money than the books said; LOSS: less. By kind:
 * <ul>
 *   <li>ADJUSTED_LEDGER: the funding partner's clearing account (2101) when a partner is named,
 *       else the payment channel receivable (1201): GAIN debits it and credits 1998, LOSS the reverse;</li>
 *   <li>REFUNDED: the customer repayment clearing account (2201), the same way round;</li>
 *   <li>WRITTEN_OFF: the difference leaves 1998 for profit and loss: LOSS debits reconciliation
 *       losses (5105), GAIN credits reconciliation gains (4105).</li>
 * </ul>
 */
@Component
class PostReconciliationAdjustment {

    static final String EVENT_TYPE = "ReconciliationAdjusted";
    private static final Logger log = LoggerFactory.getLogger(PostReconciliationAdjustment.class);
    private static final Set<String> KINDS = Set.of("ADJUSTED_LEDGER", "WRITTEN_OFF", "REFUNDED");
    private static final String AMOUNT = "^[0-9]{1,15}(\\.[0-9]{1,2})?$";

    private final Books books;
    private final BusinessDay businessDay;
    private final JdbcClient jdbc;
    private final Clock clock;

    PostReconciliationAdjustment(Books books, BusinessDay businessDay, JdbcClient jdbc, Clock clock) {
        this.books = books;
        this.businessDay = businessDay;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Posted(boolean created, AdjustmentView view) {
    }

    private record Valid(String breakId, String kind, String direction, BigDecimal amount, UUID loanId,
                         String fundingPartnerId, String reason, String resolvedBy) {
    }

    private record Stored(String kind, String direction, BigDecimal amount, UUID loanId, String fundingPartnerId,
                          UUID journalEntryId) {
    }

    @Transactional
    Posted handle(AdjustmentRequest request) {
        Valid valid = validate(request);
        var earlier = stored(valid.breakId());
        if (earlier != null) {
            return new Posted(false, view(valid.breakId(), sameOrRefuse(valid, earlier)));
        }
        if (valid.loanId() != null && jdbc.sql("select count(*) from loan_account where id = ?")
                .param(valid.loanId()).query(Integer.class).single() == 0) {
            throw new InvalidRequest(List.of(new FieldViolation("loanId", "exists", "no loan " + valid.loanId())));
        }
        JournalEntry entry = books.post(new PostEntry(businessDay.today(), EVENT_TYPE, "reconciliation:" + valid.breakId(),
                valid.loanId(), valid.kind() + " " + valid.direction() + " for break " + valid.breakId() + " by "
                        + valid.resolvedBy() + ": " + valid.reason(), lines(valid)));
        int inserted = jdbc.sql("""
                        insert into reconciliation_adjustment (break_id, kind, direction, amount, loan_id, funding_partner_id,
                                                               reason, resolved_by, journal_entry_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (break_id) do nothing
                        """)
                .params(valid.breakId(), valid.kind(), valid.direction(), valid.amount(), valid.loanId(),
                        valid.fundingPartnerId(), valid.reason(), valid.resolvedBy(), entry.id(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            // A concurrent call for the same break committed first; the books hold its entry, which is this one.
            return new Posted(false, view(valid.breakId(), sameOrRefuse(valid, stored(valid.breakId()))));
        }
        log.info("break {} resolved {} {} {} by {}: journal entry {}", valid.breakId(), valid.kind(), valid.direction(),
                Amounts.text(valid.amount()), valid.resolvedBy(), entry.id());
        return new Posted(true, view(valid.breakId(), entry.id()));
    }

    private Stored stored(String breakId) {
        return jdbc.sql("""
                        select kind, direction, amount, loan_id, funding_partner_id, journal_entry_id
                          from reconciliation_adjustment where break_id = ?
                        """)
                .param(breakId)
                .query((row, n) -> new Stored(row.getString("kind"), row.getString("direction"),
                        row.getBigDecimal("amount"), row.getObject("loan_id", UUID.class),
                        row.getString("funding_partner_id"), row.getObject("journal_entry_id", UUID.class)))
                .optional().orElse(null);
    }

    private static UUID sameOrRefuse(Valid valid, Stored earlier) {
        boolean same = earlier.kind().equals(valid.kind()) && earlier.direction().equals(valid.direction())
                && earlier.amount().compareTo(valid.amount()) == 0 && Objects.equals(earlier.loanId(), valid.loanId())
                && Objects.equals(earlier.fundingPartnerId(), valid.fundingPartnerId());
        if (!same) {
            throw ApiProblem.conflict("break-already-adjusted", "break " + valid.breakId() + " was already booked as "
                    + earlier.kind() + " " + earlier.direction() + " " + Amounts.text(earlier.amount())
                    + " (journal entry " + earlier.journalEntryId() + "); a correction is a new break");
        }
        return earlier.journalEntryId();
    }

    private static List<Posting> lines(Valid valid) {
        BigDecimal amount = valid.amount();
        boolean gain = valid.direction().equals("GAIN");
        List<Posting> lines = switch (valid.kind()) {
            case "WRITTEN_OFF" -> gain
                    ? List.of(Posting.debit(RECONCILIATION_DIFFERENCES, amount), Posting.credit(RECONCILIATION_GAINS, amount))
                    : List.of(Posting.debit(RECONCILIATION_LOSSES, amount), Posting.credit(RECONCILIATION_DIFFERENCES, amount));
            default -> {
                String affected = valid.kind().equals("REFUNDED") ? CUSTOMER_REPAYMENT_CLEARING
                        : valid.fundingPartnerId() != null ? FUNDING_PARTNER_CLEARING : PAYMENT_CHANNEL_RECEIVABLE;
                yield gain
                        ? List.of(Posting.debit(affected, amount), Posting.credit(RECONCILIATION_DIFFERENCES, amount))
                        : List.of(Posting.debit(RECONCILIATION_DIFFERENCES, amount), Posting.credit(affected, amount));
            }
        };
        return valid.fundingPartnerId() == null ? lines
                : lines.stream().map(line -> line.forFundingPartner(valid.fundingPartnerId())).toList();
    }

    private AdjustmentView view(String breakId, UUID entryId) {
        JournalEntry entry = books.entry(entryId).orElseThrow();
        Stored stored = stored(breakId);
        return new AdjustmentView(entry.id(), breakId, stored.kind(), stored.direction(), Amounts.text(stored.amount()),
                stored.loanId(), stored.fundingPartnerId(), entry.businessDate(), entry.postedAt(),
                entry.lines().stream().map(line -> new AdjustmentView.Line(line.account(), line.side().name(),
                        Amounts.text(line.amount()), line.fundingPartner())).toList());
    }

    private static Valid validate(AdjustmentRequest request) {
        if (request == null) {
            throw new InvalidRequest(List.of(new FieldViolation("body", "required", "a request body is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        String breakId = text(request.breakId(), "breakId", 100, true, violations);
        String kind = text(request.kind(), "kind", 20, true, violations);
        if (kind != null && !KINDS.contains(kind)) {
            violations.add(new FieldViolation("kind", "one-of", "must be ADJUSTED_LEDGER, WRITTEN_OFF or REFUNDED"));
        }
        String direction = text(request.direction(), "direction", 10, true, violations);
        if (direction != null && !direction.equals("GAIN") && !direction.equals("LOSS")) {
            violations.add(new FieldViolation("direction", "one-of", "must be GAIN or LOSS"));
        }
        BigDecimal amount = null;
        String amountText = text(request.amount(), "amount", 20, true, violations);
        if (amountText != null) {
            if (!amountText.matches(AMOUNT)) {
                violations.add(new FieldViolation("amount", "Pattern", "must be a positive amount in yuan with at most two decimals"));
            } else {
                amount = new BigDecimal(amountText).setScale(2);
                if (amount.signum() <= 0) {
                    violations.add(new FieldViolation("amount", "DecimalMin", "must be at least 0.01"));
                }
            }
        }
        UUID loanId = null;
        String loanText = text(request.loanId(), "loanId", 40, false, violations);
        if (loanText != null) {
            try {
                loanId = UUID.fromString(loanText);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("loanId", "type", "must be a loan id (UUID)"));
            }
        }
        String partner = text(request.fundingPartnerId(), "fundingPartnerId", 64, false, violations);
        String reason = text(request.reason(), "reason", 500, true, violations);
        String resolvedBy = text(request.resolvedBy(), "resolvedBy", 100, true, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new Valid(breakId, kind, direction, amount, loanId, partner, reason, resolvedBy);
    }

    private static String text(String value, String field, int max, boolean required, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "NotBlank", "is required"));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            violations.add(new FieldViolation(field, "Size", "must be at most " + max + " characters"));
            return null;
        }
        return stripped;
    }
}
