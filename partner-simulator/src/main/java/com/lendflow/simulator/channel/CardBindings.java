package com.lendflow.simulator.channel;

import com.lendflow.platform.web.ApiProblem;
import com.lendflow.platform.web.privacy.Mask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Card binding at the simulated payment channel: the channel texts a six-digit code to the mobile
 * the card's bank has on file (through the SMS gateway, where tests read it), and the right code
 * signs the withholding agreement (代扣协议). Idempotent on the payer's {@code requestNo}: asking
 * again for the same binding sends no second code.
 */
@RestController
@RequestMapping("/sim/v1/channel/bindings")
class CardBindings {

    private static final Logger log = LoggerFactory.getLogger(CardBindings.class);
    private static final int KEPT = 10_000;

    private final Map<String, Binding> byRequestNo = new LinkedHashMap<>();
    private final Map<String, Binding> byId = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ChannelSettings settings;
    private final Environment environment;

    CardBindings(ChannelSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @PostMapping
    BindingView start(@Valid @RequestBody StartBinding request) {
        Binding binding;
        boolean fresh;
        synchronized (this) {
            binding = byRequestNo.get(request.requestNo());
            fresh = binding == null;
            if (fresh) {
                String code = "%06d".formatted(random.nextInt(1_000_000));
                binding = new Binding("BND" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                        request.requestNo(), request.cardNumber().substring(request.cardNumber().length() - 4),
                        request.mobile(), code, Instant.now());
                byRequestNo.put(binding.requestNo, binding);
                byId.put(binding.id, binding);
                while (byId.size() > KEPT) {
                    Binding oldest = byId.values().iterator().next();
                    byId.remove(oldest.id);
                    byRequestNo.remove(oldest.requestNo);
                }
            }
        }
        if (fresh) {
            text(binding);
        }
        return binding.view();
    }

    @PostMapping("/{bindingId}/confirm")
    BindingView confirm(@PathVariable String bindingId, @Valid @RequestBody ConfirmBinding request) {
        synchronized (this) {
            Binding binding = byId.get(bindingId);
            if (binding == null) {
                throw ApiProblem.notFound("Binding", bindingId);
            }
            if (binding.agreementNo != null) {
                return binding.view();
            }
            if (Instant.now().isAfter(binding.codeSentAt.plus(settings.codeValidity()))) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "channel-code-expired", "Code expired",
                        "the binding code has expired; start the binding again");
            }
            if (!binding.code.equals(request.code())) {
                binding.wrongCodes++;
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "channel-wrong-code", "Wrong code",
                        "the code does not match the one sent to the card's reserved mobile");
            }
            binding.agreementNo = "AGR" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            binding.signedAt = Instant.now();
            log.info("binding {} signed withholding agreement {} for card ending {}", binding.id, binding.agreementNo,
                    binding.last4);
            return binding.view();
        }
    }

    @GetMapping("/{bindingId}")
    synchronized BindingView binding(@PathVariable String bindingId) {
        Binding binding = byId.get(bindingId);
        if (binding == null) {
            throw ApiProblem.notFound("Binding", bindingId);
        }
        return binding.view();
    }

    private void text(Binding binding) {
        URI sms = settings.smsUrl() != null ? settings.smsUrl()
                : URI.create("http://localhost:" + environment.getProperty("local.server.port", "8099") + "/sim/v1/sms");
        String text = "【模拟支付】您正在绑定尾号" + binding.last4 + "的银行卡，验证码 " + binding.code + "，"
                + settings.codeValidity().toMinutes() + "分钟内有效。";
        try {
            HttpResponse<String> sent = client.send(HttpRequest.newBuilder(sms).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("mobile", binding.mobile,
                            "text", text)))).build(), HttpResponse.BodyHandlers.ofString());
            if (sent.statusCode() / 100 != 2) {
                forget(binding);
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "channel-sms-failed", "Code not sent",
                        "the SMS gateway refused the binding code: " + sent.statusCode());
            }
            log.info("binding {}: code sent to {}", binding.id, Mask.mobile(binding.mobile));
        } catch (java.io.IOException e) {
            forget(binding);
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "channel-sms-failed", "Code not sent",
                    "the SMS gateway could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(binding);
            throw new IllegalStateException(e);
        }
    }

    private synchronized void forget(Binding binding) {
        byId.remove(binding.id);
        byRequestNo.remove(binding.requestNo);
    }

    /** Card data stays out of toString, so a logged request shows none of it. */
    record StartBinding(
            @NotBlank @Size(max = 64) String requestNo,
            @NotBlank @Pattern(regexp = "^[0-9]{12,19}$", message = "must be 12 to 19 digits") String cardNumber,
            @NotBlank @Size(max = 50) String holderName,
            @NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be an 11-digit mainland mobile number") String mobile) {

        @Override
        public String toString() {
            return "StartBinding[requestNo=" + requestNo + "]";
        }
    }

    record ConfirmBinding(@NotBlank @Pattern(regexp = "^[0-9]{6}$", message = "must be 6 digits") String code) {

        @Override
        public String toString() {
            return "ConfirmBinding[code=******]";
        }
    }

    record BindingView(String bindingId, String requestNo, String status, String mobile, String agreementNo,
                       Instant signedAt, int wrongCodes) {
    }

    private static final class Binding {
        final String id;
        final String requestNo;
        final String last4;
        final String mobile;
        final String code;
        final Instant codeSentAt;
        String agreementNo;
        Instant signedAt;
        int wrongCodes;

        Binding(String id, String requestNo, String last4, String mobile, String code, Instant codeSentAt) {
            this.id = id;
            this.requestNo = requestNo;
            this.last4 = last4;
            this.mobile = mobile;
            this.code = code;
            this.codeSentAt = codeSentAt;
        }

        BindingView view() {
            return new BindingView(id, requestNo, agreementNo == null ? "CODE_SENT" : "SIGNED", Mask.mobile(mobile),
                    agreementNo, signedAt, wrongCodes);
        }
    }
}
