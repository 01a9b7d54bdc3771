package com.lendflow.antifraud.assessment;

import com.lendflow.antifraud.identity.IpAddresses;
import com.lendflow.antifraud.review.ReviewQueue;
import com.lendflow.antifraud.rulebook.RuleBookSource;
import com.lendflow.antifraud.rules.Facts;
import com.lendflow.antifraud.rules.Result;
import com.lendflow.antifraud.rules.RuleBook;
import com.lendflow.antifraud.rules.RuleEngine;
import com.lendflow.antifraud.rules.Verdict;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessFraudRisk;
import com.lendflow.contracts.antifraud.FraudRiskAssessed;
import com.lendflow.platform.messaging.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assesses an application once. A second command for an application already assessed (the
 * saga retrying after a lost reply) assesses nothing and answers again with the same assessment,
 * and with the review's conclusion if staff have concluded it.
 */
@Component
class AssessFraudRiskHandler {

    private static final Logger log = LoggerFactory.getLogger(AssessFraudRiskHandler.class);

    private final Assessments assessments;
    private final ApplicationSignals signals;
    private final RuleBookSource ruleBooks;
    private final ReviewQueue reviews;
    private final Outbox outbox;
    private final Clock clock;

    AssessFraudRiskHandler(Assessments assessments, ApplicationSignals signals, RuleBookSource ruleBooks,
                           ReviewQueue reviews, Outbox outbox, Clock clock) {
        this.assessments = assessments;
        this.signals = signals;
        this.ruleBooks = ruleBooks;
        this.reviews = reviews;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public FraudRiskAssessed handle(AssessFraudRisk command) {
        Optional<Assessment> earlier = assessments.findByApplication(command.applicationId());
        if (earlier.isPresent()) {
            log.info("application {} was assessed before as {}; answering again", command.applicationId(),
                    earlier.get().result());
            FraudRiskAssessed reply = publish(earlier.get());
            reviews.concludedFor(earlier.get().id()).ifPresent(concluded ->
                    outbox.publish(Topics.ANTIFRAUD_ASSESSMENT, command.applicationId().toString(),
                            com.lendflow.contracts.antifraud.FraudReviewConcluded.TYPE, concluded));
            return reply;
        }
        Instant appliedAt = command.appliedAt() != null ? command.appliedAt() : clock.instant();
        RuleBook book = ruleBooks.current();
        Facts facts = signals.record(command, appliedAt, book);
        Verdict verdict = RuleEngine.evaluate(facts, book);
        Assessment assessment = new Assessment(UUID.randomUUID(), command.applicationId(), command.customerId(),
                verdict.result(), verdict.score(), verdict.firedRules().stream().map(FiredRuleView::of).toList(),
                inputs(command.device(), facts), book.versions(), clock.instant());
        assessments.add(assessment);
        if (assessment.result() == Result.REVIEW) {
            reviews.enqueue(assessment.id(), assessment.applicationId(), assessment.customerId(), assessment.assessedAt());
        }
        log.info("assessed application {} of customer {}: {} with score {}, fired {}", assessment.applicationId(),
                assessment.customerId(), assessment.result(), assessment.score(), verdict.firedCodes());
        return publish(assessment);
    }

    private FraudRiskAssessed publish(Assessment assessment) {
        FraudRiskAssessed assessed = assessment.assessed();
        outbox.publish(Topics.ANTIFRAUD_ASSESSMENT, assessment.applicationId().toString(), FraudRiskAssessed.TYPE, assessed);
        return assessed;
    }

    /** What the rules saw, for explaining the decision later: signals and counts, never the identity itself. */
    private static Map<String, Object> inputs(ApplicantDevice device, Facts facts) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("applicationDate", facts.applicationDate().toString());
        if (device != null) {
            inputs.put("os", device.os());
            inputs.put("osVersion", device.osVersion());
            inputs.put("appVersion", device.appVersion());
            inputs.put("ip", IpAddresses.mask(device.ip()));
            inputs.put("locationShared", device.latitude() != null && device.longitude() != null);
        }
        inputs.put("emulator", facts.emulator());
        inputs.put("rooted", facts.rooted());
        inputs.put("blacklisted", facts.blacklisted().stream().map(Enum::name).sorted().toList());
        inputs.put("deviceApplications", facts.deviceApplications());
        inputs.put("ipApplications", facts.ipApplications());
        inputs.put("identitiesOnDevice", facts.identitiesOnDevice());
        inputs.put("wifiMacSharedWithFraud", facts.wifiMacSharedWithFraud());
        facts.fraudsterLink().ifPresent(link -> inputs.put("fraudsterLink", Map.of("hops", link.hops(), "via", link.via())));
        return inputs;
    }
}
