package com.lendflow.creditdecision.drawdown;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.creditdecision.BureauAuthorisation;
import com.lendflow.contracts.creditdecision.DecideDrawdown;
import com.lendflow.contracts.creditdecision.DrawdownDecided;
import com.lendflow.creditdecision.BureauBoundCommand;
import com.lendflow.creditdecision.bureau.BureauQuery;
import com.lendflow.creditdecision.bureau.BureauRefused;
import com.lendflow.creditdecision.bureau.BureauReport;
import com.lendflow.creditdecision.bureau.BureauUnavailable;
import com.lendflow.creditdecision.bureau.CreditBureau;
import com.lendflow.creditdecision.decision.CreditLineDecisions;
import com.lendflow.creditdecision.decision.Outcome;
import com.lendflow.creditdecision.report.CreditReports;
import com.lendflow.creditdecision.report.ReportSource;
import com.lendflow.creditdecision.report.StoredReport;
import com.lendflow.creditdecision.scorecard.Applicant;
import com.lendflow.creditdecision.scorecard.Scorecard;
import com.lendflow.creditdecision.scorecard.ScorecardSource;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.MalformedMessageException;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides a drawdown once, APPROVE or REJECT, in the same steps as a credit-line decision so that
 * no transaction stays open while the bureau is asked:
 * <ol>
 *   <li>{@link #begin} (in the inbox's transaction): answer again with the drawdown's decision if
 *       it has one; refuse an amount that is not one ({@code INVALID_DRAWDOWN}), a customer with no
 *       approved credit-line decision ({@code NO_CREDIT_LINE_DECISION}), an amount above that
 *       decision's limit ({@code AMOUNT_ABOVE_DECIDED_LIMIT}) or a command without the signed
 *       authorisation ({@code NO_AUTHORISATION}), none of which needs a credit report; decide on a
 *       kept report younger than {@code lendflow.credit-decision.drawdown.report-max-age}
 *       (default 7 days: money is about to leave, so the 30 days an application may reuse a report
 *       are too long). Only an older report, or none, needs the bureau;</li>
 *   <li>{@link #queryAndDecide}: refresh the report from the bureau outside any transaction, with
 *       the {@code credit-bureau} retries;</li>
 *   <li>in a second transaction: keep the report, log the read, and reject on a serious
 *       delinquency ({@code BUREAU_SERIOUS_DELINQUENCY}, the current scorecard's knock-outs of that
 *       code on the report's figures) or approve.</li>
 * </ol>
 * A bureau that stays unavailable after the retries (or whose circuit is open), or refuses the
 * query, ends in a recorded REJECT ({@code BUREAU_UNAVAILABLE}, {@code BUREAU_REFUSED}): there is no
 * failure reply for a drawdown, and an answer once given is the answer to every re-sent command,
 * so the customer starts a new drawdown once the bureau answers again.
 */
@Component
class DecideDrawdownHandler implements BureauBoundCommand<DecideDrawdown> {

    static final String INVALID_DRAWDOWN = "INVALID_DRAWDOWN";
    static final String NO_CREDIT_LINE_DECISION = "NO_CREDIT_LINE_DECISION";
    static final String AMOUNT_ABOVE_DECIDED_LIMIT = "AMOUNT_ABOVE_DECIDED_LIMIT";
    static final String NO_AUTHORISATION = "NO_AUTHORISATION";
    static final String BUREAU_SERIOUS_DELINQUENCY = "BUREAU_SERIOUS_DELINQUENCY";
    static final String BUREAU_UNAVAILABLE = "BUREAU_UNAVAILABLE";
    static final String BUREAU_REFUSED = "BUREAU_REFUSED";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Logger log = LoggerFactory.getLogger(DecideDrawdownHandler.class);

    private final DrawdownDecisions decisions;
    private final CreditLineDecisions creditLines;
    private final CreditReports reports;
    private final CreditBureau bureau;
    private final ScorecardSource scorecards;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration reportMaxAge;

    DecideDrawdownHandler(DrawdownDecisions decisions, CreditLineDecisions creditLines, CreditReports reports,
                          CreditBureau bureau, ScorecardSource scorecards, Outbox outbox, TransactionTemplate transactions,
                          Clock clock, @Value("${lendflow.credit-decision.drawdown.report-max-age:7d}") Duration reportMaxAge) {
        this.decisions = decisions;
        this.creditLines = creditLines;
        this.reports = reports;
        this.bureau = bureau;
        this.scorecards = scorecards;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.reportMaxAge = reportMaxAge;
    }

    @Override
    public MessageType<DecideDrawdown> type() {
        return DecideDrawdown.TYPE;
    }

    @Override
    public void refuseIfMalformed(Envelope envelope, DecideDrawdown command) {
        if (command.drawdownId() == null || command.customerId() == null) {
            // Nobody to answer, or no customer to decide about: straight to the dead-letter topic.
            throw new MalformedMessageException("DecideDrawdown " + envelope.id() + " lacks a drawdown or customer id");
        }
    }

    @Override
    public boolean begin(DecideDrawdown command) {
        Optional<DrawdownDecision> earlier = decisions.findByDrawdown(command.drawdownId());
        if (earlier.isPresent()) {
            log.info("drawdown {} was decided before as {}; answering again with decision {}", command.drawdownId(),
                    earlier.get().outcome(), earlier.get().id());
            announce(earlier.get());
            return false;
        }
        return switch (check(command)) {
            case Refused refused -> {
                reject(command, refused);
                yield false;
            }
            case Ready ready -> {
                Optional<StoredReport> kept = reports.fetchedWithin(command.idNumber(), reportMaxAge);
                if (kept.isPresent()) {
                    decide(command, ready, kept.get(), ReportSource.CACHE);
                    yield false;
                }
                yield true;
            }
        };
    }

    @Override
    public boolean unfinished(DecideDrawdown command) {
        return Boolean.TRUE.equals(transactions.execute(status ->
                decisions.findByDrawdown(command.drawdownId()).isEmpty() && begin(command)));
    }

    @Override
    public void queryAndDecide(DecideDrawdown command) {
        BureauAuthorisation authorisation = command.authorisation();
        BureauReport report;
        try {
            report = bureau.report(new BureauQuery(command.fullName(), command.idNumber(), command.mobile(),
                    authorisation.documentId(), authorisation.sha256(), BureauQuery.CREDIT_APPROVAL));
        } catch (BureauRefused e) {
            transactions.executeWithoutResult(status -> rejectUnlessDecided(command, BUREAU_REFUSED, e.getMessage()
                    + "; the bureau does not accept authorisation document " + authorisation.documentId()
                    + ", so the report could not be refreshed for the drawdown"));
            return;
        } catch (BureauUnavailable e) {
            transactions.executeWithoutResult(status -> rejectUnlessDecided(command, BUREAU_UNAVAILABLE, e.getMessage()
                    + "; the kept report was older than " + reportMaxAge.toDays() + " days and could not be refreshed,"
                    + " so the drawdown is refused rather than decided on stale credit data"));
            return;
        }
        transactions.executeWithoutResult(status -> {
            StoredReport kept = reports.keep(command.idNumber(), report, clock.instant());
            Optional<DrawdownDecision> earlier = decisions.findByDrawdown(command.drawdownId());
            if (earlier.isPresent()) {
                announce(earlier.get());
                return;
            }
            switch (check(command)) {
                case Refused refused -> reject(command, refused);
                case Ready ready -> decide(command, ready, kept, ReportSource.BUREAU);
            }
        });
    }

    /** What needs no credit report: the amount, the credit-line decision's limit and the authorisation. */
    private Checked check(DecideDrawdown command) {
        Optional<BigDecimal> amount = amount(command.amount());
        if (amount.isEmpty()) {
            return new Refused(INVALID_DRAWDOWN, "the amount '" + command.amount()
                    + "' is not a positive CNY amount in whole fen", null, null);
        }
        if (command.termMonths() < 1) {
            return new Refused(INVALID_DRAWDOWN, "the term of " + command.termMonths() + " months is not a term",
                    amount.get(), null);
        }
        Optional<CreditLineDecisions.Approval> approval = creditLines.latestApproval(command.customerId());
        if (approval.isEmpty()) {
            return new Refused(NO_CREDIT_LINE_DECISION, "customer " + command.customerId()
                    + " has no approved credit-line decision, so no limit allows a drawdown", amount.get(), null);
        }
        CreditLineDecisions.Approval line = approval.get();
        if (amount.get().compareTo(line.creditLimit()) > 0) {
            return new Refused(AMOUNT_ABOVE_DECIDED_LIMIT, "the amount " + Amounts.text(amount.get())
                    + " is above the limit " + Amounts.text(line.creditLimit()) + " decided on application "
                    + line.applicationId() + " (decision " + line.decisionId() + ")", amount.get(), line);
        }
        Optional<String> unauthorised = missingAuthorisation(command.authorisation());
        if (unauthorised.isPresent()) {
            return new Refused(NO_AUTHORISATION, unauthorised.get(), amount.get(), line);
        }
        return new Ready(amount.get(), line);
    }

    private void decide(DecideDrawdown command, Ready ready, StoredReport kept, ReportSource source) {
        reports.recordDrawdownRead(kept, command.drawdownId(), command.customerId(), command.authorisation().documentId(),
                command.authorisation().sha256(), source);
        BureauReport report = kept.report();
        Scorecard scorecard = scorecards.current();
        // Only the report's figures are judged: the fraud score and age are the application's, never read here.
        List<String> delinquencies = scorecard.bureauKnockouts(new Applicant(report.worstDaysPastDueLast24Months(),
                report.overdueAccounts(), report.inquiriesLast3Months(), report.inquiriesLast6Months(),
                report.totalOutstandingDebt(), 0, 0), BUREAU_SERIOUS_DELINQUENCY);
        Map<String, Object> inputs = inputs(command, ready.amount(), ready.line());
        inputs.put("bureau", bureauSummary(kept, source));
        List<String> reasons = new ArrayList<>();
        reasons.add(withinLimit(ready));
        reasons.add("Credit report read from the " + (source == ReportSource.CACHE
                ? "cache (fetched " + kept.fetchedAt() + ", within the drawdown's " + reportMaxAge.toDays() + " days)"
                : "bureau (no report younger than " + reportMaxAge.toDays() + " days was kept)")
                + " under authorisation document " + command.authorisation().documentId());
        reasons.addAll(delinquencies);
        Outcome outcome = delinquencies.isEmpty() ? Outcome.APPROVE : Outcome.REJECT;
        if (outcome == Outcome.APPROVE) {
            reasons.add("No serious delinquency in the report (scorecard version " + scorecard.version() + ")");
        }
        record(new DrawdownDecision(UUID.randomUUID(), command.drawdownId(), command.customerId(), outcome,
                outcome == Outcome.REJECT ? BUREAU_SERIOUS_DELINQUENCY : null, reasons, ready.amount(), command.termMonths(),
                ready.line().decisionId(), ready.line().creditLimit(), inputs, scorecard.version(), clock.instant()));
    }

    private void rejectUnlessDecided(DecideDrawdown command, String code, String reason) {
        Optional<DrawdownDecision> earlier = decisions.findByDrawdown(command.drawdownId());
        if (earlier.isPresent()) {
            announce(earlier.get());
            return;
        }
        switch (check(command)) {
            case Refused refused -> reject(command, refused);
            case Ready ready -> reject(command, new Refused(code, reason, ready.amount(), ready.line()));
        }
    }

    private void reject(DecideDrawdown command, Refused refused) {
        CreditLineDecisions.Approval line = refused.line();
        List<String> reasons = new ArrayList<>();
        reasons.add("Rejected (" + refused.code() + "): " + refused.reason());
        record(new DrawdownDecision(UUID.randomUUID(), command.drawdownId(), command.customerId(), Outcome.REJECT,
                refused.code(), reasons, refused.amount(), command.termMonths(), line == null ? null : line.decisionId(),
                line == null ? null : line.creditLimit(), inputs(command, refused.amount(), line), null, clock.instant()));
    }

    private void record(DrawdownDecision decision) {
        decisions.add(decision);
        log.info("decided drawdown {} of customer {} for {}: {} ({})", decision.drawdownId(), decision.customerId(),
                decision.amount(), decision.outcome(), decision.reasonCode() == null ? "-" : decision.reasonCode());
        announce(decision);
    }

    private void announce(DrawdownDecision decision) {
        outbox.publish(Topics.CREDIT_DECISION_DECISION, decision.drawdownId().toString(), DrawdownDecided.TYPE,
                decision.decided());
    }

    private static String withinLimit(Ready ready) {
        return "Amount " + Amounts.text(ready.amount()) + " is within the limit " + Amounts.text(ready.line().creditLimit())
                + " decided on application " + ready.line().applicationId() + " (decision " + ready.line().decisionId() + ")";
    }

    /** What was asked and what bounded it, for staff: never the name, ID number or mobile. */
    private Map<String, Object> inputs(DecideDrawdown command, BigDecimal amount, CreditLineDecisions.Approval line) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("amount", amount == null ? command.amount() : Amounts.text(amount));
        inputs.put("termMonths", command.termMonths());
        if (line != null) {
            Map<String, Object> decided = new LinkedHashMap<>();
            decided.put("decisionId", line.decisionId().toString());
            decided.put("applicationId", line.applicationId().toString());
            decided.put("grade", line.grade());
            decided.put("creditLimit", Amounts.text(line.creditLimit()));
            inputs.put("creditLineDecision", decided);
        }
        BureauAuthorisation authorisation = command.authorisation();
        if (authorisation != null && authorisation.documentId() != null) {
            inputs.put("authorisation", Map.of("documentId", authorisation.documentId().toString(),
                    "sha256", String.valueOf(authorisation.sha256())));
        }
        inputs.put("reportMaxAgeDays", reportMaxAge.toDays());
        return inputs;
    }

    private static Map<String, Object> bureauSummary(StoredReport kept, ReportSource source) {
        BureauReport report = kept.report();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("source", source.name());
        summary.put("reportId", kept.id().toString());
        summary.put("bureauReportId", report.bureauReportId());
        summary.put("fetchedAt", kept.fetchedAt().toString());
        summary.put("worstDaysPastDueLast24Months", report.worstDaysPastDueLast24Months());
        summary.put("overdueAccounts", report.overdueAccounts());
        summary.put("totalOutstandingDebt", Amounts.text(report.totalOutstandingDebt()));
        summary.put("inquiriesLast3Months", report.inquiriesLast3Months());
        summary.put("inquiriesLast6Months", report.inquiriesLast6Months());
        return summary;
    }

    /** A positive amount in whole fen, at scale 2; empty for anything else. */
    static Optional<BigDecimal> amount(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            return amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2
                    ? Optional.of(amount.setScale(2)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> missingAuthorisation(BureauAuthorisation authorisation) {
        if (authorisation == null || authorisation.documentId() == null) {
            return Optional.of("no signed credit-bureau authorisation came with the command; a report is read only "
                    + "under one: send the customer's archived authorisation from esign-service");
        }
        if (authorisation.sha256() == null || !SHA256.matcher(authorisation.sha256()).matches()) {
            return Optional.of("the authorisation's sha256 is missing or not a lower-case hex SHA-256");
        }
        return Optional.empty();
    }

    private sealed interface Checked permits Refused, Ready {
    }

    /** Refused without a report; {@code amount} and {@code line} as far as they were established. */
    private record Refused(String code, String reason, BigDecimal amount, CreditLineDecisions.Approval line)
            implements Checked {
    }

    private record Ready(BigDecimal amount, CreditLineDecisions.Approval line) implements Checked {
    }
}
