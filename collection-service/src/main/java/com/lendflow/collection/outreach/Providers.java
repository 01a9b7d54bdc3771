package com.lendflow.collection.outreach;

import com.lendflow.collection.CollectionSettings;
import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The SMS and voice providers (the partner simulator locally): {@code POST /sim/v1/sms} {mobile, text}
 * → 202 {messageId, status}; {@code POST /sim/v1/voice/calls} {mobile, script} → 202 {callId, outcome}.
 * Neither call is retried: a message whose answer was lost may have been delivered, and a second
 * one would be a second contact.
 */
@Component
class Providers {

    private final RestClient sms;
    private final RestClient voice;

    Providers(CollectionSettings settings) {
        CollectionSettings.Partners partners = settings.partners();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(partners.connectTimeout()).build());
        requests.setReadTimeout(partners.readTimeout());
        this.sms = RestClient.builder().baseUrl(partners.smsBaseUrl().toString()).requestFactory(requests).build();
        this.voice = RestClient.builder().baseUrl(partners.voiceBaseUrl().toString()).requestFactory(requests).build();
    }

    /** What the provider said: its id for the message or call, and delivery status or call outcome. */
    record Sent(String reference, String outcome) {
    }

    record SmsAccepted(String messageId, String status) {
    }

    record CallPlaced(String callId, String outcome) {
    }

    Sent sms(String mobile, String text) {
        SmsAccepted accepted = sms.post().uri("/sim/v1/sms").body(Map.of("mobile", mobile, "text", text))
                .retrieve().body(SmsAccepted.class);
        return new Sent(accepted.messageId(), accepted.status());
    }

    Sent call(String mobile, String script) {
        CallPlaced placed = voice.post().uri("/sim/v1/voice/calls").body(Map.of("mobile", mobile, "script", script))
                .retrieve().body(CallPlaced.class);
        return new Sent(placed.callId(), placed.outcome());
    }
}
