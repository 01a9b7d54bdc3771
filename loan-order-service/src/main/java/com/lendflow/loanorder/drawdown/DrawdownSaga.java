package com.lendflow.loanorder.drawdown;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.loanorder.DrawdownConcluded;
import com.lendflow.loanorder.drawdown.DrawdownTimelineEntry.Kind;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.MessageContext;
import com.lendflow.platform.messaging.Outbox;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moves drawdowns through the saga: hands a reply or a timeout to the drawdown, sends what its
 * effects ask for through the outbox, and stores the drawdown with its timeline, all in the
 * caller's transaction. What must not run inside a transaction (preparing the contract, the SMS)
 * is handed on after the commit.
 */
@Component
class DrawdownSaga {

    private static final Logger log = LoggerFactory.getLogger(DrawdownSaga.class);

    private final Drawdowns drawdowns;
    private final DrawdownTimelines timelines;
    private final DrawdownCommands commands;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final DrawdownSettings settings;
    private final AfterCommit afterCommit;
    private final Clock clock;

    DrawdownSaga(Drawdowns drawdowns, DrawdownTimelines timelines, DrawdownCommands commands, Outbox outbox,
                 EntityManager entityManager, DrawdownSettings settings, AfterCommit afterCommit, Clock clock) {
        this.drawdowns = drawdowns;
        this.timelines = timelines;
        this.commands = commands;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.settings = settings;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /** Hands a reply to the drawdown it names, locked for the rest of the transaction; an unknown one is dropped. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onReply(Envelope envelope, UUID drawdownId, BiFunction<Drawdown, Received, List<Effect>> reply) {
        UUID id = drawdownId != null ? drawdownId : parse(envelope.aggregateId());
        Drawdown drawdown = id == null ? null : drawdowns.lockById(id).orElse(null);
        if (drawdown == null) {
            // SigningFailed is shared with the credit-line saga; its application ids are not drawdowns.
            log.debug("{} {} names drawdown {}, which does not exist here; ignoring it", envelope.type(), envelope.id(),
                    envelope.aggregateId());
            return;
        }
        Instant now = clock.instant();
        follow(drawdown, reply.apply(drawdown, new Received(envelope.type(), envelope.id(), now)), now);
    }

    /** Does what {@code effects} ask and stores the drawdown with what its timeline recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void follow(Drawdown drawdown, List<Effect> effects, Instant now) {
        String previousCorrelation = MDC.get(MessageContext.CORRELATION_ID);
        MDC.put(MessageContext.CORRELATION_ID, drawdown.id().toString());
        try {
            for (Effect effect : effects) {
                switch (effect) {
                    case SEND_COMMAND -> {
                        DrawdownCommands.Sent sent = commands.send(drawdown);
                        drawdown.commandSent(sent.type(), sent.messageId(), now, settings);
                    }
                    case PREPARE_CONTRACT -> afterCommit.prepare(drawdown.id());
                    case RELEASE_FUNDING, RELEASE_COUPON, RELEASE_LIMIT -> {
                        DrawdownCommands.Sent sent = commands.send(drawdown, effect);
                        drawdown.sideCommandSent(Kind.COMPENSATION_SENT, sent.type(), sent.messageId(), now);
                    }
                    case CONFIRM_LIMIT, REDEEM_COUPON, CONFIRM_FUNDING -> {
                        DrawdownCommands.Sent sent = commands.send(drawdown, effect);
                        drawdown.sideCommandSent(Kind.CONFIRMATION_SENT, sent.type(), sent.messageId(), now);
                    }
                    case CONCLUDE -> {
                        drawdown.concludedAs(outbox.publish(Topics.LOAN_ORDER_DRAWDOWN, drawdown.id().toString(),
                                DrawdownConcluded.TYPE, drawdown.concluded()));
                        afterCommit.notifyCustomer(drawdown.id());
                    }
                }
            }
        } finally {
            if (previousCorrelation == null) {
                MDC.remove(MessageContext.CORRELATION_ID);
            } else {
                MDC.put(MessageContext.CORRELATION_ID, previousCorrelation);
            }
        }
        drawdowns.save(drawdown);
        entityManager.flush();
        timelines.append(drawdown.id(), drawdown.drainTimeline());
    }

    private static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** Work that must wait for the commit and must not hold a transaction: run on its own threads. */
    interface AfterCommit {

        void prepare(UUID drawdownId);

        void notifyCustomer(UUID drawdownId);

        static void run(Runnable work) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        work.run();
                    }
                });
            } else {
                work.run();
            }
        }
    }
}
