package com.lendflow.simulator.sms;

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
 * A simulated SMS provider. It accepts messages, remembers the last thousand, and misbehaves on
 * request: refuse every message, or answer only after a delay longer than any sane timeout.
 */
@RestController
@RequestMapping("/sim/v1/sms")
class SmsGateway {

    private static final int KEPT = 1_000;

    private final ConcurrentLinkedDeque<SentSms> sent = new ConcurrentLinkedDeque<>();
    private volatile Fault fault = new Fault(Mode.NONE, Duration.ZERO);

    @PostMapping
    ResponseEntity<SmsAccepted> send(@Valid @RequestBody SendSms request) throws InterruptedException {
        Fault current = fault;
        switch (current.mode()) {
            case REJECT -> throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "sms-provider-down",
                    "SMS provider unavailable", "the simulated SMS provider is set to reject messages");
            case DELAY -> Thread.sleep(current.delay().toMillis());
            case NONE -> { }
        }
        SentSms sms = new SentSms(UUID.randomUUID(), request.mobile(), request.text(), Instant.now());
        sent.addFirst(sms);
        while (sent.size() > KEPT) {
            sent.pollLast();
        }
        return ResponseEntity.accepted().body(new SmsAccepted(sms.id(), "DELIVERED"));
    }

    /** Messages sent to one mobile, newest first; the number is masked in the answer. */
    @GetMapping
    List<SmsView> sentTo(@RequestParam @Pattern(regexp = "^1[3-9][0-9]{9}$") String mobile) {
        return sent.stream().filter(sms -> sms.mobile().equals(mobile))
                .map(sms -> new SmsView(sms.id(), Mask.mobile(sms.mobile()), sms.text(), sms.sentAt()))
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

    record SendSms(
            @NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be an 11-digit mainland mobile number") String mobile,
            @NotBlank @Size(max = 500) String text) {
    }

    record SmsAccepted(UUID messageId, String status) {
    }

    record SmsView(UUID messageId, String mobile, String text, Instant sentAt) {
    }

    record SentSms(UUID id, String mobile, String text, Instant sentAt) {
    }

    enum Mode { NONE, REJECT, DELAY }

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
