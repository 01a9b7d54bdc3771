package com.lendflow.simulator.voice;

import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.privacy.Mask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A simulated voice provider placing robo-calls (语音外呼): it plays a script to a mobile and answers
 * with the call's outcome. It remembers the last thousand calls and misbehaves on request: refuse
 * every call, let every call ring out unanswered, or answer only after a delay.
 */
@RestController
@RequestMapping("/sim/v1/voice")
class VoiceGateway {

    private static final int KEPT = 1_000;

    private final ConcurrentLinkedDeque<PlacedCall> calls = new ConcurrentLinkedDeque<>();
    private volatile Fault fault = new Fault(Mode.NONE, Duration.ZERO);

    @PostMapping("/calls")
    ResponseEntity<CallPlaced> call(@Valid @RequestBody PlaceCall request) throws InterruptedException {
        Fault current = fault;
        String outcome = "ANSWERED";
        switch (current.mode()) {
            case REJECT -> throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "voice-provider-down",
                    "Voice provider unavailable", "the simulated voice provider is set to reject calls");
            case NO_ANSWER -> outcome = "NO_ANSWER";
            case DELAY -> Thread.sleep(current.delay().toMillis());
            case NONE -> { }
        }
        PlacedCall call = new PlacedCall(UUID.randomUUID(), request.mobile(), request.script(), outcome, Instant.now());
        calls.addFirst(call);
        while (calls.size() > KEPT) {
            calls.pollLast();
        }
        return ResponseEntity.accepted().body(new CallPlaced(call.id(), outcome));
    }

    /** Calls placed to one mobile, newest first; the number is masked in the answer. */
    @GetMapping("/calls")
    List<CallView> callsTo(@RequestParam @Pattern(regexp = "^1[3-9][0-9]{9}$") String mobile) {
        return calls.stream().filter(call -> call.mobile().equals(mobile))
                .map(call -> new CallView(call.id(), Mask.mobile(call.mobile()), call.script(), call.outcome(),
                        call.placedAt()))
                .toList();
    }

    @PutMapping("/fault")
    Fault setFault(@Valid @RequestBody Fault requested) {
        fault = requested;
        return requested;
    }

    @DeleteMapping("/fault")
    ResponseEntity<Void> clearFault() {
        fault = new Fault(Mode.NONE, Duration.ZERO);
        return ResponseEntity.noContent().build();
    }

    record PlaceCall(
            @NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be an 11-digit mainland mobile number") String mobile,
            @NotBlank @Size(max = 1000) String script) {
    }

    /** {@code outcome}: ANSWERED or NO_ANSWER. */
    record CallPlaced(UUID callId, String outcome) {
    }

    record CallView(UUID callId, String mobile, String script, String outcome, Instant placedAt) {
    }

    record PlacedCall(UUID id, String mobile, String script, String outcome, Instant placedAt) {
    }

    enum Mode { NONE, REJECT, NO_ANSWER, DELAY }

    record Fault(Mode mode, Duration delay) {
        Fault {
            if (mode == null) {
                mode = Mode.NONE;
            }
            if (delay == null || delay.isNegative()) {
                delay = Duration.ZERO;
            }
            if (delay.compareTo(Duration.ofMinutes(2)) > 0) {
                delay = Duration.ofMinutes(2);
            }
        }
    }
}
