package com.lendflow.loanorder.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The SMS gateway (the partner simulator locally): one POST per message, bounded by the timeout.
 * Callers word the text and decide what a failure means; neither the mobile nor the text is logged here.
 */
@Component
public class SmsGateway {

    private final RestClient sms;

    SmsGateway(@Value("${lendflow.loan-order.sms.base-url:http://localhost:8099}") URI baseUrl,
               @Value("${lendflow.loan-order.sms.timeout:5s}") Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.sms = RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests).build();
    }

    /** @throws SmsNotSent if the gateway could not be reached or did not accept the message */
    public void send(String mobile, String text) {
        try {
            sms.post().uri("/sim/v1/sms").body(Map.of("mobile", mobile, "text", text)).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new SmsNotSent(e.getMessage());
        }
    }

    /** The gateway's refusal or the transport's failure; the message names neither mobile nor text. */
    public static class SmsNotSent extends RuntimeException {

        SmsNotSent(String reason) {
            super(reason, null, false, false);
        }
    }
}
