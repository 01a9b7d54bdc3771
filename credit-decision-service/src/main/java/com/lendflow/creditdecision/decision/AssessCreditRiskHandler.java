package com.lendflow.creditdecision.decision;

import com.lendflow.contracts.MessageType;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.creditdecision.AssessCreditRisk;
import com.lendflow.contracts.creditdecision.BureauAuthorisation;
import com.lendflow.contracts.creditdecision.CreditDecisionFailed;
import com.lendflow.contracts.creditdecision.CreditRiskDecided;
import com.lendflow.creditdecision.BureauBoundCommand;
import com.lendflow.creditdecision.bureau.BureauQuery;
import com.lendflow.creditdecision.bureau.BureauRefused;
import com.lendflow.creditdecision.bureau.BureauReport;
import com.lendflow.creditdecision.bureau.BureauUnavailable;
import com.lendflow.creditdecision.bureau.CreditBureau;
import com.lendflow.creditdecision.gradetable.GradeTable;
import com.lendflow.creditdecision.gradetable.GradeTableSource;
import com.lendflow.creditdecision.gradetable.GradeTerms;
import com.lendflow.creditdecision.gradetable.LimitPlacement;
import com.lendflow.creditdecision.report.CreditReports;
import com.lendflow.creditdecision.report.ReportSource;
import com.lendflow.creditdecision.report.StoredReport;
import com.lendflow.creditdecision.scorecard.Applicant;
import com.lendflow.creditdecision.scorecard.Scorecard;
import com.lendflow.creditdecision.scorecard.ScorecardSource;
import com.lendflow.creditdecision.scorecard.Scored;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.MalformedMessageException;
import com.lendflow.platform.messaging.Outbox;
import com.lendflow.platform.web.Amounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Decides a credit-line application once, in steps so that no database transaction stays open
 * while the bureau is asked:
 * <ol>
 *   <li>{@link #begin} (in the inbox's transaction): answer again with the decision if the
 *       application has one; refuse to query without a signed authorisation
 *       ({@code NO_AUTHORISATION}); reject an anti-fraud REJECT without reading any report; decide
 *       from a kept report younger than the cache's maximum age. Only when none of these applies
 *       does the bureau need asking;</li>
 *   <li>{@link #queryAndDecide}: ask the bureau, outside any transaction (with retries);</li>
 *   <li>in a second transaction: keep the report, log the read, score, grade, place the limit,
 *       record the decision and publish it; or, if the bureau stayed unavailable or refused,
 *       publish {@link CreditDecisionFailed} with a reason staff can act on. Nothing is decided
 *       then, so a later command decides afresh.</li>
 * </ol>
 */
@Component
class AssessCreditRiskHandler implements BureauBoundCommand<AssessCreditRisk> {

    static final String NO_AUTHORISATION = "NO_AUTHORISATION";
    static final String BUREAU_UNAVAILABLE = "BUREAU_UNAVAILABLE";
    static final String BUREAU_REFUSED = "BUREAU_REFUSED";
    static final String INVALID_APPLICATION = "INVALID_APPLICATION";
    static final String FRAUD_REJECTED = "FRAUD_REJECTED";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Logger log = LoggerFactory.getLogger(AssessCreditRiskHandler.class);

    private final Decisions decisions;
    private final CreditReports reports;
    private final CreditBureau bureau;
    private final ScorecardSource scorecards;
    private final GradeTableSource gradeTables;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    AssessCreditRiskHandler(Decisions decisions, CreditReports reports, CreditBureau bureau, ScorecardSource scorecards,
                            GradeTableSource gradeTables, Outbox outbox, TransactionTemplate transactions, Clock clock,
                            @Value("${lendflow.credit-decision.zone:Asia/Shanghai}") ZoneId zone) {
        this.decisions = decisions;
        this.reports = reports;
        this.bureau = bureau;
        this.scorecards = scorecards;
        this.gradeTables = gradeTables;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public MessageType<AssessCreditRisk> type() {
        return AssessCreditRisk.TYPE;
    }

    @Override
    public void refuseIfMalformed(Envelope envelope, AssessCreditRisk command) {
        if (command.applicationId() == null || command.customerId() == null) {
            // Retrying cannot add what is missing: straight to the dead-letter topic.
            throw new MalformedMessageException("AssessCreditRisk " + envelope.id() + " lacks an application or customer id");
        }
    }

    /** Step 1, inside the caller's transaction. True when the bureau must be asked ({@link #queryAndDecide}). */
    @Override
    public boolean begin(AssessCreditRisk command) {
        Optional<Decision> earlier = decisions.findByApplication(command.applicationId());
        if (earlier.isPresent()) {
            log.info("application {} was decided before as {}; answering again with decision {}",
                    command.applicationId(), earlier.get().outcome(), earlier.get().id());
            announce(earlier.get());
            return false;
        }
        Optional<String> unauthorised = missingAuthorisation(command.authorisation());
        if (unauthorised.isPresent()) {
            fail(command.applicationId(), NO_AUTHORISATION, unauthorised.get());
            return false;
        }
        if (!"PASS".equals(command.fraudResult()) && !"REVIEW".equals(command.fraudResult())) {
            if ("REJECT".equals(command.fraudResult())) {
                rejectForFraud(command);
            } else {
                fail(command.applicationId(), INVALID_APPLICATION, "the fraud result '" + command.fraudResult()
                        + "' is not one of PASS, REVIEW (approved by staff), REJECT; the saga must send anti-fraud's result");
            }
            return false;
        }
        if (age(command).isEmpty()) {
            fail(command.applicationId(), INVALID_APPLICATION, "the ID number carries no real birth date, so the "
                    + "applicant's age cannot be derived; anti-fraud should have refused it");
            return false;
        }
        Optional<StoredReport> kept = reports.fresh(command.idNumber());
        if (kept.isPresent()) {
            read(command, kept.get(), ReportSource.CACHE);
            decide(command, kept.get(), ReportSource.CACHE);
            return false;
        }
        return true;
    }

    /** For a redelivered command whose first handling did not finish (a crash while the bureau was asked). */
    @Override
    public boolean unfinished(AssessCreditRisk command) {
        return Boolean.TRUE.equals(transactions.execute(status ->
                decisions.findByApplication(command.applicationId()).isEmpty() && begin(command)));
    }

    /** Steps 2 and 3. Must not run inside a transaction. */
    @Override
    public void queryAndDecide(AssessCreditRisk command) {
        BureauAuthorisation authorisation = command.authorisation();
        BureauReport report;
        try {
            report = bureau.report(new BureauQuery(command.fullName(), command.idNumber(), command.mobile(),
                    authorisation.documentId(), authorisation.sha256(), BureauQuery.CREDIT_APPROVAL));
        } catch (BureauRefused e) {
            transactions.executeWithoutResult(status -> fail(command.applicationId(), BUREAU_REFUSED, e.getMessage()
                    + "; the bureau does not accept authorisation document " + authorisation.documentId()
                    + ": check it in esign-service before sending AssessCreditRisk again"));
            return;
        } catch (BureauUnavailable e) {
            transactions.executeWithoutResult(status -> fail(command.applicationId(), BUREAU_UNAVAILABLE, e.getMessage()
                    + "; nothing was read or decided: send AssessCreditRisk again once the bureau answers"));
            return;
        }
        transactions.executeWithoutResult(status -> {
            StoredReport kept = reports.keep(command.idNumber(), report, clock.instant());
            read(command, kept, ReportSource.BUREAU);
            Optional<Decision> earlier = decisions.findByApplication(command.applicationId());
            if (earlier.isPresent()) {
                announce(earlier.get());
                return;
            }
            decide(command, kept, ReportSource.BUREAU);
        });
    }

    private void read(AssessCreditRisk command, StoredReport report, ReportSource source) {
        reports.recordRead(report, command.applicationId(), command.customerId(), command.authorisation().documentId(),
                command.authorisation().sha256(), source);
    }

    private void decide(AssessCreditRisk command, StoredReport kept, ReportSource source) {
        BureauReport report = kept.report();
        int age = age(command).orElseThrow();
        Scorecard scorecard = scorecards.current();
        Scored scored = scorecard.score(new Applicant(report.worstDaysPastDueLast24Months(), report.overdueAccounts(),
                report.inquiriesLast3Months(), report.inquiriesLast6Months(), report.totalOutstandingDebt(),
                command.fraudScore(), age));
        Map<String, Object> inputs = inputs(command, age);
        Map<String, Object> bureauSummary = new LinkedHashMap<>();
        bureauSummary.put("source", source.name());
        bureauSummary.put("reportId", kept.id().toString());
        bureauSummary.put("bureauReportId", report.bureauReportId());
        bureauSummary.put("fetchedAt", kept.fetchedAt().toString());
        bureauSummary.put("worstDaysPastDueLast24Months", report.worstDaysPastDueLast24Months());
        bureauSummary.put("overdueAccounts", report.overdueAccounts());
        bureauSummary.put("totalOutstandingDebt", Amounts.text(report.totalOutstandingDebt()));
        bureauSummary.put("openAccounts", report.openAccounts());
        bureauSummary.put("inquiriesLast3Months", report.inquiriesLast3Months());
        bureauSummary.put("inquiriesLast6Months", report.inquiriesLast6Months());
        inputs.put("bureau", bureauSummary);
        Map<String, Integer> points = new LinkedHashMap<>();
        scored.points().forEach((characteristic, earned) -> points.put(characteristic.name(), earned));
        List<String> reasons = new ArrayList<>();
        reasons.add("Credit report read from the " + (source == ReportSource.CACHE ? "cache (fetched " + kept.fetchedAt() + ")"
                : "bureau") + " under authorisation document " + command.authorisation().documentId());
        reasons.addAll(scored.reasons());
        Decision decision;
        if (scored.approved()) {
            GradeTable table = gradeTables.current();
            GradeTerms terms = table.of(scored.grade()).orElseThrow(() -> new IllegalStateException(
                    "grade table version " + table.version() + " has no row for grade " + scored.grade()));
            LimitPlacement.Placed placed = LimitPlacement.place(terms, scored.score(), scored.bandMin(), scored.bandTop(),
                    report.totalOutstandingDebt());
            reasons.add(placed.explanation() + " (grade table version " + table.version() + ")");
            reasons.add("Annual rate " + Decision.rate(terms.annualRate()) + " for grade " + scored.grade()
                    + " (grade table version " + table.version() + ")");
            decision = new Decision(UUID.randomUUID(), command.applicationId(), command.customerId(), Outcome.APPROVE,
                    scored.score(), scored.grade(), placed.limit(), terms.annualRate(), null, reasons, inputs, points,
                    scorecard.version(), table.version(), clock.instant());
        } else {
            decision = new Decision(UUID.randomUUID(), command.applicationId(), command.customerId(), Outcome.REJECT,
                    scored.score(), null, null, null, scored.reasonCode(), reasons, inputs, points, scorecard.version(), 0,
                    clock.instant());
        }
        record(decision);
    }

    /** Anti-fraud should never pass a REJECT on; if it does, no credit report is read for an application that cannot be approved. */
    private void rejectForFraud(AssessCreditRisk command) {
        Map<String, Object> inputs = inputs(command, age(command).orElse(null));
        List<String> reasons = List.of("Anti-fraud result is REJECT (score " + command.fraudScore()
                + "): rejected without reading a credit report (" + FRAUD_REJECTED + ")");
        record(new Decision(UUID.randomUUID(), command.applicationId(), command.customerId(), Outcome.REJECT, null, null,
                null, null, FRAUD_REJECTED, reasons, inputs, Map.of(), scorecards.current().version(), 0, clock.instant()));
    }

    private void record(Decision decision) {
        decisions.add(decision);
        log.info("decided application {} of customer {}: {} {} score {} limit {} rate {} ({}), scorecard v{}, grade table v{}",
                decision.applicationId(), decision.customerId(), decision.outcome(),
                decision.grade() == null ? "" : decision.grade(), decision.score(), decision.creditLimit(),
                decision.annualRate(), decision.reasonCode() == null ? "-" : decision.reasonCode(),
                decision.scorecardVersion(), decision.gradeTableVersion());
        announce(decision);
    }

    private Map<String, Object> inputs(AssessCreditRisk command, Integer age) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("applicationDate", applicationDate(command).toString());
        inputs.put("applicantAge", age);
        inputs.put("fraud", Map.of("result", String.valueOf(command.fraudResult()), "score", command.fraudScore()));
        inputs.put("authorisation", Map.of("documentId", command.authorisation().documentId().toString(),
                "sha256", command.authorisation().sha256()));
        return inputs;
    }

    private void announce(Decision decision) {
        CreditRiskDecided decided = decision.decided();
        outbox.publish(Topics.CREDIT_DECISION_DECISION, decision.applicationId().toString(), CreditRiskDecided.TYPE, decided);
    }

    private void fail(UUID applicationId, String code, String reason) {
        log.warn("application {} could not be decided: {} {}", applicationId, code, reason);
        outbox.publish(Topics.CREDIT_DECISION_DECISION, applicationId.toString(), CreditDecisionFailed.TYPE,
                new CreditDecisionFailed(applicationId, code, reason));
    }

    private Optional<Integer> age(AssessCreditRisk command) {
        return ApplicantAge.on(command.idNumber(), applicationDate(command));
    }

    private LocalDate applicationDate(AssessCreditRisk command) {
        return (command.appliedAt() != null ? command.appliedAt() : clock.instant()).atZone(zone).toLocalDate();
    }

    private static Optional<String> missingAuthorisation(BureauAuthorisation authorisation) {
        if (authorisation == null) {
            return Optional.of("no signed credit-bureau authorisation came with the command; the bureau is queried only "
                    + "under one: sign it in esign-service first");
        }
        if (authorisation.documentId() == null) {
            return Optional.of("the authorisation names no document id; send the archived document's id from esign-service");
        }
        if (authorisation.sha256() == null || !SHA256.matcher(authorisation.sha256()).matches()) {
            return Optional.of("the authorisation's sha256 is missing or not a lower-case hex SHA-256; send the signed "
                    + "document's hash from esign-service");
        }
        return Optional.empty();
    }
}
