package com.lendflow.limit.creditline;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.limit.ConfirmLimit;
import com.lendflow.contracts.limit.ReleaseLimit;
import com.lendflow.contracts.limit.ReserveLimit;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The drawdown saga's commands to the line (reserve, confirm, release), through the inbox: each
 * change and its reply commit together with the message id. The commands share the topic with
 * GrantCreditLine, which this consumer skips (and its own consumer skips these).
 */
@Component
class DrawdownLimitOnCommand {

    static final String CONSUMER = "limit-service.drawdown-limit";

    private final Inbox inbox;
    private final ReserveLimitHandler reserve;
    private final ConfirmLimitHandler confirm;
    private final ReleaseLimitHandler release;

    DrawdownLimitOnCommand(Inbox inbox, ReserveLimitHandler reserve, ConfirmLimitHandler confirm,
                           ReleaseLimitHandler release) {
        this.inbox = inbox;
        this.reserve = reserve;
        this.confirm = confirm;
        this.release = release;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.LIMIT_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        // A duplicate also comes back false and is then skipped by the other types too.
        if (inbox.receive(record, CONSUMER, ReserveLimit.TYPE, (envelope, command) -> {
            requireDrawdown(envelope, command.drawdownId());
            reserve.handle(command);
        })) {
            return;
        }
        if (inbox.receive(record, CONSUMER, ConfirmLimit.TYPE, (envelope, command) -> {
            requireDrawdown(envelope, command.drawdownId());
            confirm.handle(command);
        })) {
            return;
        }
        inbox.receive(record, CONSUMER, ReleaseLimit.TYPE, (envelope, command) -> {
            requireDrawdown(envelope, command.drawdownId());
            release.handle(command);
        });
    }

    private static void requireDrawdown(Envelope envelope, UUID drawdownId) {
        if (drawdownId == null) {
            // No drawdown, nobody to answer: retrying cannot help, straight to the dead-letter topic.
            throw new MalformedMessageException(envelope.type() + " " + envelope.id() + " names no drawdown");
        }
    }
}
