package com.lendflow.simulator.esign;

import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.privacy.Mask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
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
 * A simulated e-signature provider doing silent signing (静默签署): it takes a PDF, appends a
 * signature block and answers with the signed PDF. It is idempotent on the caller's
 * {@code requestId}, as the real providers are: the same request id always gets the same
 * signature, so a caller that retries after a timeout never has a document signed twice.
 *
 * <p>It misbehaves on request, through {@code PUT /sim/v1/esign/fault} for the next N calls (or
 * until cleared), or for one call through the {@code X-Sim-Fault} header: TIMEOUT (signs, then
 * answers too late: an unknown outcome), FAIL (503, not signed) and REJECT (422, not signed).
 */
@RestController
@RequestMapping("/sim/v1/esign")
class ESignatureProvider {

    static final String FAULT_HEADER = "X-Sim-Fault";
    private static final int KEPT = 1_000;

    private final Map<String, Signature> signatures = new LinkedHashMap<>();
    private final AtomicInteger signingCalls = new AtomicInteger();
    private SignatureFault fault = SignatureFault.NONE;
    private int faultCallsLeft;

    @PostMapping("/signatures")
    ResponseEntity<SignatureView> sign(@Valid @RequestBody SignRequest request,
                                       @RequestHeader(name = FAULT_HEADER, required = false) SignatureFault.Mode oneOff)
            throws InterruptedException {
        signingCalls.incrementAndGet();
        SignatureFault current = oneOff == null ? nextFault() : new SignatureFault(oneOff, null, 1);
        switch (current.mode()) {
            case FAIL -> throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "esign-provider-down",
                    "E-signature provider unavailable", "the simulated e-signature provider is set to fail");
            case REJECT -> throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "esign-signer-refused",
                    "Signing refused", "the simulated e-signature provider refuses to sign for this signer");
            case TIMEOUT, NONE -> { }
        }
        byte[] document = decode(request.documentBase64());
        if (!sha256(document).equals(request.documentSha256())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "esign-digest-mismatch", "Digest mismatch",
                    "documentSha256 is not the SHA-256 of the document sent");
        }
        Signature signature = signOnce(request, document);
        if (current.mode() == SignatureFault.Mode.TIMEOUT) {
            // Signed already; the caller gives up waiting and must find out by asking.
            Thread.sleep(current.delay().toMillis());
        }
        return ResponseEntity.ok(signature.view());
    }

    /** The outcome of an earlier signing request; 404 if the provider never signed it. */
    @GetMapping("/signatures/{requestId}")
    SignatureView outcome(@PathVariable String requestId) {
        Signature signature;
        synchronized (this) {
            signature = signatures.get(requestId);
        }
        if (signature == null) {
            throw ApiProblem.notFound("Signature", requestId);
        }
        return signature.view();
    }

    /** How many signing calls arrived and how many documents were signed, for tests and curious people. */
    @GetMapping("/stats")
    synchronized Stats stats() {
        return new Stats(signingCalls.get(), signatures.size());
    }

    @PutMapping("/fault")
    synchronized SignatureFault setFault(@RequestBody SignatureFault requested) {
        fault = requested;
        faultCallsLeft = requested.times();
        return requested;
    }

    @DeleteMapping("/fault")
    synchronized ResponseEntity<Void> clearFault() {
        fault = SignatureFault.NONE;
        faultCallsLeft = 0;
        return ResponseEntity.noContent().build();
    }

    private synchronized SignatureFault nextFault() {
        SignatureFault current = fault;
        if (current.times() > 0 && --faultCallsLeft <= 0) {
            fault = SignatureFault.NONE;
        }
        return current;
    }

    private synchronized Signature signOnce(SignRequest request, byte[] document) {
        Signature existing = signatures.get(request.requestId());
        if (existing != null) {
            if (!existing.documentSha256().equals(request.documentSha256())) {
                throw ApiProblem.conflict("esign-request-reused",
                        "request id " + request.requestId() + " was already used to sign another document");
            }
            existing.requests().incrementAndGet();
            return existing;
        }
        UUID signatureId = UUID.randomUUID();
        Instant signedAt = Instant.now();
        String block = "\n%% Lendflow simulated e-signature\n%LFSIG signatureId=" + signatureId
                + " requestId=" + request.requestId() + " signer=" + Mask.name(request.signerName())
                + " signerId=" + Mask.idNumber(request.signerIdNumber()) + " signedAt=" + signedAt
                + " documentSha256=" + request.documentSha256() + "\n%%EOF\n";
        byte[] signed = concat(document, block.getBytes(StandardCharsets.UTF_8));
        Signature signature = new Signature(request.requestId(), signatureId, request.documentSha256(), signed,
                sha256(signed), signedAt, new AtomicInteger(1));
        signatures.put(request.requestId(), signature);
        while (signatures.size() > KEPT) {
            signatures.remove(signatures.keySet().iterator().next());
        }
        return signature;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "esign-bad-document", "Bad document",
                    "documentBase64 is not valid base64");
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A silent-signing request; signer data is printed into the signature block only masked. */
    record SignRequest(
            @NotBlank @Size(max = 64) String requestId,
            @NotBlank @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be a lower-case hex SHA-256") String documentSha256,
            @NotBlank String documentBase64,
            @NotBlank @Size(max = 100) String signerName,
            @NotBlank @Size(max = 32) String signerIdNumber) {

        @Override
        public String toString() {
            return "SignRequest[requestId=" + requestId + ", documentSha256=" + documentSha256 + "]";
        }
    }

    record SignatureView(String requestId, UUID signatureId, String signedDocumentBase64, String signedDocumentSha256,
                         Instant signedAt, int requestsReceived) {
    }

    record Stats(int signingCalls, int signatures) {
    }

    private record Signature(String requestId, UUID signatureId, String documentSha256, byte[] signedDocument,
                             String signedDocumentSha256, Instant signedAt, AtomicInteger requests) {

        SignatureView view() {
            return new SignatureView(requestId, signatureId, Base64.getEncoder().encodeToString(signedDocument),
                    signedDocumentSha256, signedAt, requests.get());
        }
    }
}
