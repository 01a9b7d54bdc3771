package com.lendflow.esign;

import com.lendflow.contracts.Topics;
import com.lendflow.contracts.esign.SignLoanContract;
import com.lendflow.platform.messaging.Envelope;
import com.lendflow.platform.messaging.EnvelopeCodec;
import com.lendflow.testsupport.KafkaProbe;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Plays loan-order-service's side of the drawdown's contract step: sends commands, reads replies. */
public record DrawdownSaga(EnvelopeCodec codec) {

    public Envelope command(SignLoanContract sign) {
        return codec.wrap(SignLoanContract.TYPE, sign.drawdownId().toString(), sign, UUID.randomUUID(),
                sign.drawdownId(), null, Instant.now());
    }

    public Envelope send(SignLoanContract sign) {
        return send(command(sign));
    }

    public Envelope send(Envelope command) {
        KafkaProbe.send(Topics.ESIGN_COMMANDS, command.aggregateId(), codec.encode(command));
        return command;
    }

    /** The next reply for the drawdown that is not one of {@code seen}. */
    public Envelope reply(UUID drawdownId, Set<UUID> seen) {
        return new CreditLineSaga(codec).reply(drawdownId, seen);
    }

    public Envelope reply(UUID drawdownId) {
        return reply(drawdownId, Set.of());
    }
}
