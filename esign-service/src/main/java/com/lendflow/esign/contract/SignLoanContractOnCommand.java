package com.lendflow.esign.contract;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.esign.SignLoanContract;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.platform.messaging.Inbox;
import com.lendflow.platform.messaging.MalformedMessageException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code SignLoanContract} commands from the drawdown saga. They share the topic with
 * SignAuthorisation: this consumer skips those (and the authorisation's consumer skips these).
 * The inbox records the command with the rendered contract; the provider is called after that
 * transaction commits, and a redelivery (the listener did not finish) resumes a contract left unsigned.
 */
@Component
class SignLoanContractOnCommand {

    static final String CONSUMER = "esign-service.sign-loan-contract";

    private final Inbox inbox;
    private final EnvelopeCodec codec;
    private final SignLoanContractHandler handler;

    SignLoanContractOnCommand(Inbox inbox, EnvelopeCodec codec, SignLoanContractHandler handler) {
        this.inbox = inbox;
        this.codec = codec;
        this.handler = handler;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ESIGN_COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        @SuppressWarnings("unchecked")
        Optional<SignLoanContractHandler.Draft>[] draft = new Optional[] {Optional.empty()};
        SignLoanContract[] command = new SignLoanContract[1];
        boolean handled = inbox.receive(record, CONSUMER, SignLoanContract.TYPE, (envelope, sign) -> {
            if (sign.drawdownId() == null) {
                // No drawdown, nobody to answer: retrying cannot help, straight to the dead-letter topic.
                throw new MalformedMessageException("SignLoanContract " + envelope.id() + " names no drawdown");
            }
            command[0] = sign;
            draft[0] = handler.prepare(sign);
        });
        if (!handled) {
            Envelope envelope = codec.decode(record.value());
            if (!SignLoanContract.TYPE.name().equals(envelope.type())) {
                return;
            }
            command[0] = codec.payloadOf(envelope, SignLoanContract.TYPE);
            if (command[0].drawdownId() == null) {
                return;
            }
            draft[0] = handler.unfinished(command[0]);
        }
        draft[0].ifPresent(unsigned -> handler.sign(unsigned, command[0]));
    }
}
