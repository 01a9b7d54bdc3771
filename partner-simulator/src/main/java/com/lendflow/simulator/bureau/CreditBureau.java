package com.lendflow.simulator.bureau;

import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.privacy.Mask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A simulated credit bureau (征信中心): a lender posts the subject's identity with the reference of
 * the subject's signed authorisation and gets a credit report back. Without a profile set for an
 * ID number the report is a clean, deterministic record derived from the number, so the same
 * person always gets the same report; {@code PUT /sim/v1/bureau/profiles/{idNumber}} sets
 * another (serious delinquency, heavy debt, many inquiries) for tests and the journey test.
 *
 * <p>It misbehaves on request, through {@code PUT /sim/v1/bureau/fault} for the next N queries (or
 * until cleared), or for one query through the {@code X-Sim-Fault} header: TIMEOUT (answers too
 * late), FAIL (503), MALFORMED (200 with a truncated body) and REFUSE (403).
 */
@RestController
@RequestMapping("/sim/v1/bureau")
class CreditBureau {

    static final String FAULT_HEADER = "X-Sim-Fault";
    private static final int KEPT = 10_000;

    private final Map<String, BureauProfile> profiles = new HashMap<>();
    private final Map<String, AtomicInteger> queriesByIdNumber = new HashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private BureauFault fault = BureauFault.NONE;
    private int faultCallsLeft;

    @PostMapping("/reports")
    ResponseEntity<?> report(@Valid @RequestBody ReportRequest request,
                             @RequestHeader(name = FAULT_HEADER, required = false) BureauFault.Mode oneOff)
            throws InterruptedException {
        queries.incrementAndGet();
        String idNumber = request.idNumber().strip().toUpperCase();
        synchronized (this) {
            queriesByIdNumber.computeIfAbsent(idNumber, id -> new AtomicInteger()).incrementAndGet();
        }
        BureauFault current = oneOff == null ? nextFault() : new BureauFault(oneOff, null, 1);
        switch (current.mode()) {
            case FAIL -> throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "bureau-down",
                    "Credit bureau unavailable", "the simulated credit bureau is set to fail");
            case REFUSE -> throw new ApiProblem(HttpStatus.FORBIDDEN, "bureau-authorisation-refused",
                    "Authorisation refused", "the simulated credit bureau does not accept this authorisation");
            case MALFORMED -> {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body("{\"reportId\":\"" + UUID.randomUUID() + "\",\"worstDaysPastDue");
            }
            case TIMEOUT -> Thread.sleep(current.delay().toMillis());
            case NONE -> { }
        }
        BureauProfile profile = profileOf(idNumber);
        return ResponseEntity.ok(new Report(UUID.randomUUID(), Instant.now(), Mask.name(request.name()),
                Mask.idNumber(idNumber), request.authorisationReference(), profile.worstDaysPastDueLast24Months(),
                profile.overdueAccounts(), profile.totalOutstandingDebt(), profile.openAccounts(),
                profile.inquiriesLast3Months(), profile.inquiriesLast6Months()));
    }

    /** Sets what reports on this person say, until it is deleted or the simulator restarts. */
    @PutMapping("/profiles/{idNumber}")
    synchronized ProfileView setProfile(@PathVariable String idNumber, @Valid @RequestBody BureauProfile profile) {
        String id = idNumber.strip().toUpperCase();
        profiles.put(id, profile);
        while (profiles.size() > KEPT) {
            profiles.remove(profiles.keySet().iterator().next());
        }
        return view(id);
    }

    /** What reports on this person say, and how many queries about them arrived. */
    @GetMapping("/profiles/{idNumber}")
    synchronized ProfileView profile(@PathVariable String idNumber) {
        return view(idNumber.strip().toUpperCase());
    }

    @DeleteMapping("/profiles/{idNumber}")
    synchronized ResponseEntity<Void> forgetProfile(@PathVariable String idNumber) {
        profiles.remove(idNumber.strip().toUpperCase());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/stats")
    Stats stats() {
        return new Stats(queries.get());
    }

    @PutMapping("/fault")
    synchronized BureauFault setFault(@RequestBody BureauFault requested) {
        fault = requested;
        faultCallsLeft = requested.times();
        return requested;
    }

    @DeleteMapping("/fault")
    synchronized ResponseEntity<Void> clearFault() {
        fault = BureauFault.NONE;
        faultCallsLeft = 0;
        return ResponseEntity.noContent().build();
    }

    private synchronized BureauFault nextFault() {
        BureauFault current = fault;
        if (current.times() > 0 && --faultCallsLeft <= 0) {
            fault = BureauFault.NONE;
        }
        return current;
    }

    private synchronized BureauProfile profileOf(String idNumber) {
        BureauProfile set = profiles.get(idNumber);
        return set != null ? set : BureauProfile.cleanFor(idNumber);
    }

    private ProfileView view(String idNumber) {
        AtomicInteger received = queriesByIdNumber.get(idNumber);
        return new ProfileView(Mask.idNumber(idNumber), profiles.containsKey(idNumber), profileOf(idNumber),
                received == null ? 0 : received.get());
    }

    /**
     * A report query. {@code authorisationReference} names the subject's signed authorisation (the
     * lender's document id); the bureau answers nobody without one. Identity stays out of toString.
     */
    record ReportRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "^\\s*[0-9]{17}[0-9Xx]\\s*$", message = "must be an 18-character resident ID number")
            String idNumber,
            @Size(max = 20) String mobile,
            @NotBlank @Size(max = 200) String authorisationReference,
            @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be a lower-case hex SHA-256") String authorisationSha256,
            @NotBlank @Size(max = 40) String queryReason) {

        @Override
        public String toString() {
            return "ReportRequest[authorisationReference=" + authorisationReference + ", queryReason=" + queryReason + "]";
        }
    }

    /** The credit report; the subject appears only masked. */
    record Report(UUID reportId, Instant generatedAt, String subjectName, String subjectIdNumber,
                  String authorisationReference, int worstDaysPastDueLast24Months, int overdueAccounts,
                  BigDecimal totalOutstandingDebt, int openAccounts, int inquiriesLast3Months,
                  int inquiriesLast6Months) {
    }

    record ProfileView(String idNumber, boolean set, BureauProfile profile, int queriesReceived) {
    }

    record Stats(int queries) {
    }
}
