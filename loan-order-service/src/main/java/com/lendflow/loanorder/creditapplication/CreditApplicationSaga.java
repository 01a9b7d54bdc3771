package com.lendflow.loanorder.creditapplication;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.loanorder.CreditApplicationConcluded;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.MessageContext;
import com.lendflow.platform.messaging.Outbox;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves applications through the saga: hands a reply or a timeout to the application, sends what
 * its reaction asks for through the outbox, and stores the application with its timeline, all in
 * the caller's transaction (the inbox's, the sweeper's or the submitting request's). A crash
 * anywhere loses nothing: either all of it committed, or none of it and the reply is redelivered.
 */
@Component
class CreditApplicationSaga {

    private static final Logger log = LoggerFactory.getLogger(CreditApplicationSaga.class);

    private final CreditApplications applications;
    private final Timelines timelines;
    private final StepCommands commands;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final CreditApplicationSettings settings;
    private final Clock clock;

    CreditApplicationSaga(CreditApplications applications, Timelines timelines, StepCommands commands, Outbox outbox,
                          EntityManager entityManager, CreditApplicationSettings settings, Clock clock) {
        this.applications = applications;
        this.timelines = timelines;
        this.commands = commands;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Hands a reply to the application it names, locked for the rest of the transaction. A reply
     * for an application this service does not know is logged and dropped: nothing could use it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onReply(Envelope envelope, UUID applicationId,
                        BiFunction<CreditApplication, Received, Reaction> reply) {
        UUID id = applicationId != null ? applicationId : parse(envelope.aggregateId());
        CreditApplication application = id == null ? null : applications.lockById(id).orElse(null);
        if (application == null) {
            log.warn("{} {} names credit application {}, which does not exist here; ignoring it", envelope.type(),
                    envelope.id(), envelope.aggregateId());
            return;
        }
        Instant now = clock.instant();
        follow(application, reply.apply(application, new Received(envelope.type(), envelope.id(), now)), now);
    }

    /** Does what {@code reaction} asks and stores the application with what its timeline recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void follow(CreditApplication application, Reaction reaction, Instant now) {
        String previousCorrelation = MDC.get(MessageContext.CORRELATION_ID);
        // Every message of one application carries its id as the correlation id, whoever caused it.
        MDC.put(MessageContext.CORRELATION_ID, application.id().toString());
        try {
            switch (reaction) {
                case SEND_COMMAND -> {
                    StepCommands.Sent sent = commands.send(application);
                    application.commandSent(sent.type(), sent.messageId(), now, settings);
                }
                case CONCLUDE -> application.concludedAs(outbox.publish(Topics.LOAN_ORDER_CREDIT_APPLICATION,
                        application.id().toString(), CreditApplicationConcluded.TYPE, application.concluded()));
                case WAIT, IGNORED -> {
                }
            }
        } finally {
            if (previousCorrelation == null) {
                MDC.remove(MessageContext.CORRELATION_ID);
            } else {
                MDC.put(MessageContext.CORRELATION_ID, previousCorrelation);
            }
        }
        applications.save(application);
        // The timeline rows reference the application's row: write it first.
        entityManager.flush();
        timelines.append(application.id(), application.drainTimeline());
    }

    private static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
