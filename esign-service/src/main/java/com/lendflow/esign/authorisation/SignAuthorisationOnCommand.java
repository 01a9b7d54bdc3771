package com.lendflow.esign.authorisation;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.esign.SignAuthorisation;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.messaging.Inbox;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code SignAuthorisation} commands from the credit-line saga. The inbox records the command
 * with the rendered document; the provider is called after that transaction commits. A command
 * the inbox has seen is redelivered only when the listener did not finish (a crash while the
 * provider was being asked), so a redelivery resumes a document left unsigned.
 */
@Component
class SignAuthorisationOnCommand {

    static final String CONSUMER = "esign-service.sign-authorisation";

    private final Inbox inbox;
    private final EnvelopeCodec codec;
    private final SignAuthorisationHandler handler;

    SignAuthorisationOnCommand(Inbox inbox, EnvelopeCodec codec, SignAuthorisationHandler handler) {
        this.inbox = inbox;
        this.codec = codec;
        this.handler = handler;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ESIGN_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        @SuppressWarnings("unchecked")
        Optional<SignAuthorisationHandler.Draft>[] draft = new Optional[] {Optional.empty()};
        SignAuthorisation[] command = new SignAuthorisation[1];
        boolean handled = inbox.receive(record, CONSUMER, SignAuthorisation.TYPE, (envelope, sign) -> {
            command[0] = sign;
            draft[0] = handler.prepare(sign);
        });
        if (!handled) {
            Envelope envelope = codec.decode(record.value());
            if (!SignAuthorisation.TYPE.name().equals(envelope.type())) {
                return;
            }
            command[0] = codec.payloadOf(envelope, SignAuthorisation.TYPE);
            draft[0] = handler.unfinished(command[0]);
        }
        draft[0].ifPresent(unsigned -> handler.sign(unsigned, command[0]));
    }
}
