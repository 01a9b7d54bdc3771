package com.lendflow.invariants;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The payment channel's own record of payouts, as the partner simulator keeps it: every transfer it still
 * remembers (it keeps the newest 10,000, in memory), read in one call. What it has forgotten (older than
 * the oldest it remembers, or from before a restart) cannot be judged against it: {@link #horizon()}.
 */
final class Channel {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One payout at the channel. {@code status} PROCESSING, SUCCESS or FAILED. */
    record Payout(String requestNo, String reference, BigDecimal amount, String status, Instant acceptedAt) {
    }

    private final Map<String, List<Payout>> byReference;
    private final int transfers;
    private final Instant horizon;

    private Channel(Map<String, List<Payout>> byReference, int transfers, Instant horizon) {
        this.byReference = byReference;
        this.transfers = transfers;
        this.horizon = horizon;
    }

    static Channel read(URI simulator) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(simulator.resolve("/sim/v1/channel/transfers"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the channel's transfer list answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return of(Json.parse(response.body()));
    }

    @SuppressWarnings("unchecked")
    static Channel of(Object json) {
        List<Object> all = (List<Object>) json;
        Map<String, List<Payout>> byReference = new HashMap<>();
        Instant horizon = Instant.MAX;
        for (Object element : all) {
            Map<String, Object> transfer = (Map<String, Object>) element;
            Instant accepted = Instant.parse((String) transfer.get("acceptedAt"));
            if (accepted.isBefore(horizon)) {
                horizon = accepted;
            }
            Object reference = transfer.get("reference");
            if (!"PAYOUT".equals(transfer.get("direction")) || reference == null) {
                continue;
            }
            Payout payout = new Payout((String) transfer.get("requestNo"), (String) reference,
                    new BigDecimal((String) transfer.get("amount")), (String) transfer.get("status"), accepted);
            byReference.computeIfAbsent(payout.reference(), r -> new ArrayList<>()).add(payout);
        }
        return new Channel(byReference, all.size(), horizon);
    }

    List<Payout> payoutsFor(String reference) {
        return byReference.getOrDefault(reference, List.of());
    }

    Map<String, List<Payout>> payouts() {
        return byReference;
    }

    int transfers() {
        return transfers;
    }

    /** The oldest transfer the channel remembers; {@link Instant#MAX} when it remembers none. */
    Instant horizon() {
        return horizon;
    }
}
