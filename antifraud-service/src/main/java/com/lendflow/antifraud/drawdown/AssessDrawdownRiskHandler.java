package com.lendflow.antifraud.drawdown;

import com.lendflow.antifraud.assessment.FiredRuleView;
import com.lendflow.antifraud.graph.IdentityLinks;
import com.lendflow.antifraud.identity.IdentifierKind;
import com.lendflow.antifraud.identity.Identifiers;
import com.lendflow.antifraud.identity.IpAddresses;
import com.lendflow.antifraud.rulebook.RuleBookSource;
import com.lendflow.antifraud.rules.DrawdownFacts;
import com.lendflow.antifraud.rules.Result;
import com.lendflow.antifraud.rules.RuleBook;
import com.lendflow.antifraud.rules.RuleCode;
import com.lendflow.antifraud.rules.RuleEngine;
import com.lendflow.antifraud.rules.Verdict;
import com.lendflow.contracts.Topics;
import com.lendflow.contracts.antifraud.ApplicantDevice;
import com.lendflow.contracts.antifraud.AssessDrawdownRisk;
import com.lendflow.contracts.antifraud.DrawdownRiskAssessed;
import com.lendflow.platform.messaging.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assesses a drawdown once: PASS or REJECT, never a review. The saga re-sends the command when the
 * reply is late; every copy after the first is answered with the first one's assessment, whatever
 * the rules or the customer's history say since.
 *
 * <p>Only a drawdown that passes teaches the graph its device, and only a passed drawdown's card
 * becomes the customer's "last drawdown card": a rejected attempt retried at once from the same
 * new phone to the same new card must meet the same rules, not a history it wrote itself.
 */
@Component
class AssessDrawdownRiskHandler {

    private static final Logger log = LoggerFactory.getLogger(AssessDrawdownRiskHandler.class);

    private final DrawdownAssessments assessments;
    private final DrawdownSignals signals;
    private final Identifiers identifiers;
    private final IdentityLinks links;
    private final RuleBookSource ruleBooks;
    private final Outbox outbox;
    private final Clock clock;

    AssessDrawdownRiskHandler(DrawdownAssessments assessments, DrawdownSignals signals, Identifiers identifiers,
                              IdentityLinks links, RuleBookSource ruleBooks, Outbox outbox, Clock clock) {
        this.assessments = assessments;
        this.signals = signals;
        this.identifiers = identifiers;
        this.links = links;
        this.ruleBooks = ruleBooks;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public DrawdownRiskAssessed handle(AssessDrawdownRisk command, BigDecimal amount) {
        Optional<DrawdownAssessment> earlier = assessments.findByDrawdown(command.drawdownId());
        if (earlier.isPresent()) {
            log.info("drawdown {} was assessed before as {}; answering again", command.drawdownId(), earlier.get().result());
            return publish(earlier.get());
        }
        assessments.lockHistoryOf(command.customerId());
        // Database timestamps hold microseconds: the history read back must match what was decided on.
        Instant requestedAt = (command.requestedAt() != null ? command.requestedAt() : clock.instant())
                .truncatedTo(ChronoUnit.MICROS);
        ApplicantDevice device = command.device();
        Optional<String> deviceIndex = device == null ? Optional.empty()
                : identifiers.indexOf(IdentifierKind.DEVICE, device.deviceId());
        RuleBook book = ruleBooks.current();
        DrawdownFacts facts = signals.gather(command, deviceIndex, requestedAt, book);
        Verdict verdict = RuleEngine.evaluate(facts, book);
        DrawdownAssessment assessment = new DrawdownAssessment(UUID.randomUUID(), command.drawdownId(),
                command.customerId(), command.cardId(), deviceIndex.orElse(null), amount, verdict.result(), verdict.score(),
                verdict.firedRules().stream().map(FiredRuleView::of).toList(), inputs(device, facts, book),
                book.versions(RuleCode.Stage.DRAWDOWN), requestedAt, clock.instant().truncatedTo(ChronoUnit.MICROS));
        assessments.add(assessment);
        if (assessment.result() == Result.PASS) {
            deviceIndex.ifPresent(index -> links.link(command.customerId(), IdentifierKind.DEVICE, index, requestedAt));
        }
        log.info("assessed drawdown {} of customer {}: {} with score {}, fired {}", assessment.drawdownId(),
                assessment.customerId(), assessment.result(), assessment.score(), verdict.firedCodes());
        return publish(assessment);
    }

    private DrawdownRiskAssessed publish(DrawdownAssessment assessment) {
        DrawdownRiskAssessed assessed = assessment.assessed();
        outbox.publish(Topics.ANTIFRAUD_ASSESSMENT, assessment.drawdownId().toString(), DrawdownRiskAssessed.TYPE, assessed);
        return assessed;
    }

    /** What the rules saw, for explaining the result later: signals and counts, never an identifier. */
    private static Map<String, Object> inputs(ApplicantDevice device, DrawdownFacts facts, RuleBook book) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("deviceReported", facts.deviceReported());
        if (device != null) {
            inputs.put("os", device.os());
            inputs.put("appVersion", device.appVersion());
            inputs.put("ip", IpAddresses.mask(device.ip()));
        }
        inputs.put("deviceSeenBefore", facts.deviceSeenBefore());
        inputs.put("deviceBlacklisted", facts.deviceBlacklisted());
        inputs.put("cardReported", facts.cardReported());
        inputs.put("lastDrawdownCardDiffers", facts.lastDrawdownCardDiffers());
        facts.cardFirstSeenAt().ifPresent(first -> inputs.put("cardFirstUsedAt", first.toString()));
        inputs.put("drawdownsInWindow", facts.drawdownsInWindow());
        inputs.put("drawdownRejectScore", book.thresholds().drawdownRejectScore());
        return inputs;
    }
}
