package com.lendflow.platform.security.access;

import com.lendflow.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.client.RestTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service checks the token again, whatever the gateway did: signature against the auth
 * server's keys, expiry, issuer and audience (spring.security.oauth2.resourceserver.jwt.*), then
 * scope per path here and role per endpoint with {@code @PreAuthorize}. Health, metrics and the
 * OpenAPI document stay open for the platform's own probes.
 *
 * <p>The auth server's signing keys are fetched on the first token a service checks. Spring's
 * default gives that fetch half a second, which a busy machine misses; here it gets
 * {@code lendflow.security.jwks.connect-timeout} and {@code read-timeout} (2 s and 5 s). A fetch that
 * still fails is the service's fault, not the caller's: it answers 503 with Retry-After, not 500.
 *
 * <p>A token that passed every check is remembered until it expires ({@link CheckedTokens}, at most
 * {@code lendflow.security.checked-tokens.maximum-size} of them, 10,000 by default; 0 checks every
 * token in full every time).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurityChain(HttpSecurity http, JsonMapper json,
            @Value("${lendflow.security.public-paths:}") String[] publicPaths,
            ObjectProvider<JwtDecoder> decoders,
            @Value("${lendflow.security.checked-tokens.maximum-size:10000}") long checkedTokens) throws Exception {
        http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    // Public by design, named in the service's yml (lendflow.security.public-paths), e.g. the loan calculator.
                    if (publicPaths.length > 0) {
                        requests.requestMatchers(publicPaths).permitAll();
                    }
                })
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/ops/v1/audit", "/ops/v1/audit/**").hasAnyRole(Roles.ADMIN, Roles.OPS_SUPERVISOR)
                        .requestMatchers("/ops/**").hasAuthority("SCOPE_" + Scopes.OPS)
                        .requestMatchers("/internal/**").hasAuthority("SCOPE_" + Scopes.INTERNAL)
                        .requestMatchers("/api/**").hasAnyAuthority("SCOPE_" + Scopes.CUSTOMER, "SCOPE_" + Scopes.OPS,
                                "SCOPE_" + Scopes.INTERNAL)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {
                            jwt.jwtAuthenticationConverter(tokenToAuthorities());
                            JwtDecoder decoder = decoders.getIfUnique();
                            if (decoder != null && checkedTokens > 0) {
                                // The system clock, as the token's own expiry check uses (not a test's clock).
                                jwt.decoder(new CheckedTokens(decoder, checkedTokens, Clock.systemUTC()));
                            }
                        })
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(keysUnavailableOr(unauthenticated(json), json));
                                return filter;
                            }
                        })
                        .authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(forbidden(json)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated(json))
                        .accessDeniedHandler(forbidden(json)))
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    /** The signing keys' fetch, with time enough for a busy machine. */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer signingKeysFetchedPatiently(
            @Value("${lendflow.security.jwks.connect-timeout:2s}") Duration connectTimeout,
            @Value("${lendflow.security.jwks.read-timeout:5s}") Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        RestTemplate keys = new RestTemplate(requests);
        return builder -> builder.restOperations(keys);
    }

    /**
     * A token that could not be checked because the auth server's keys could not be fetched is 503
     * with Retry-After; any other failure is the usual 401.
     */
    static AuthenticationFailureHandler keysUnavailableOr(AuthenticationEntryPoint unauthenticated, JsonMapper json) {
        return (request, response, failure) -> {
            if (failure instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", "1");
                write(response, json, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "token-check-unavailable",
                        "Token check unavailable", "the auth server's signing keys could not be fetched to check "
                                + "the bearer token; try again shortly"));
                return;
            }
            unauthenticated.commence(request, response, failure);
        };
    }

    /** Scopes become {@code SCOPE_x}; a staff token's {@code roles} claim becomes {@code ROLE_x}. */
    public static JwtAuthenticationConverter tokenToAuthorities() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        Converter<Jwt, Collection<GrantedAuthority>> authorities = jwt -> {
            List<GrantedAuthority> granted = new ArrayList<>(scopes.convert(jwt));
            List<String> roles = jwt.getClaimAsStringList("roles");
            if (roles != null) {
                roles.forEach(role -> granted.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            return granted;
        };
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static AuthenticationEntryPoint unauthenticated(JsonMapper json) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"lendflow\"");
            String detail = request.getHeader("Authorization") == null
                    ? "a bearer token from the Lendflow auth server is required"
                    : "the bearer token is not valid: it is malformed, expired, forged, or meant for another audience";
            write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail));
        };
    }

    private static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, denied) -> write(response, json, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "this token may not " + request.getMethod() + " " + request.getRequestURI()));
    }

    private static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
