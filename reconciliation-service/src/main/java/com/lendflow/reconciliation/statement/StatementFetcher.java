package com.lendflow.reconciliation.statement;

import com.lendflow.platform.security.access.InternalCalls;
import com.lendflow.reconciliation.ReconciliationSettings;
import java.io.EOFException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Downloads a file as a stream and hands it to {@link StatementReader} as it arrives: our exports with this
 * service's internal token, their statements from the partner's base URL. A 404 (not ready yet) or an
 * unreachable source is {@link StatementNotReady}; a file that breaks off mid-way is {@link BadStatement}.
 */
@Component
public class StatementFetcher {

    private final ReconciliationSettings settings;
    private final RestClient payment;
    private final RestClient ledger;
    private final RestClient loanOrder;
    private final RestClient partners;

    public StatementFetcher(ReconciliationSettings settings, InternalCalls internal) {
        this.settings = settings;
        this.payment = internal.to(settings.sources().payment().toString());
        this.ledger = internal.to(settings.sources().coreLedger().toString());
        this.loanOrder = internal.to(settings.sources().loanOrder().toString());
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.readTimeout());
        this.partners = RestClient.builder().requestFactory(factory).build();
    }

    public StatementReader.Totals fetch(Source source, String party, LocalDate date, StatementReader.RecordHandler handler) {
        String gzip = settings.gzip() ? "gzip=true" : "";
        String path;
        RestClient client;
        switch (source) {
            case PAYMENT -> {
                client = payment;
                path = "/internal/v1/reconciliation/transactions?date=" + date + (gzip.isEmpty() ? "" : "&" + gzip);
            }
            case LEDGER -> {
                client = ledger;
                path = "/internal/v1/reconciliation/movements?date=" + date + (gzip.isEmpty() ? "" : "&" + gzip);
            }
            case LOAN_ORDER -> {
                client = loanOrder;
                path = "/internal/v1/reconciliation/drawdowns?date=" + date + (gzip.isEmpty() ? "" : "&" + gzip);
            }
            case CHANNEL -> {
                client = partners;
                path = settings.partners().channelBaseUrl() + "/sim/v1/channel/statements/" + date
                        + (gzip.isEmpty() ? "" : "?" + gzip);
            }
            case FUNDING -> {
                client = partners;
                path = settings.partners().fundingBaseUrl() + "/sim/v1/funding/" + party + "/statements/" + date
                        + (gzip.isEmpty() ? "" : "?" + gzip);
            }
            default -> throw new IllegalStateException("unknown source " + source);
        }
        try {
            return client.get().uri(path)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 404) {
                            throw new StatementNotReady(source.description() + " for " + date + " is not ready (404)");
                        }
                        if (status < 200 || status > 299) {
                            throw new StatementNotReady(source.description() + " for " + date + " answered " + status);
                        }
                        MediaType type = response.getHeaders().getContentType();
                        try (InputStream body = type != null && type.isCompatibleWith(MediaType.parseMediaType("application/gzip"))
                                ? new GZIPInputStream(response.getBody(), 1 << 16) : response.getBody()) {
                            return StatementReader.read(body, source.layout(), handler);
                        } catch (EOFException | ZipException e) {
                            throw new BadStatement("truncated: the compressed file breaks off (" + e.getMessage() + ")");
                        }
                    });
        } catch (ResourceAccessException unreachable) {
            // Connection refused, reset or timed out: the source is not there now; the run waits and tries again.
            throw new StatementNotReady(source.description() + " for " + date + " could not be read: "
                    + unreachable.getMostSpecificCause().getMessage());
        }
    }
}
