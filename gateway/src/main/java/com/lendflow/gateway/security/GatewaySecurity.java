package com.lendflow.gateway.security;

import com.lendflow.gateway.GatewayProblems;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;


/**
 * The gateway checks every token before routing: signature (against the auth server's keys),
 * expiry, issuer and audience, then the coarse scope of the path. Each service checks the token
 * again and decides roles per endpoint. A token that passed is remembered until it expires
 * ({@link CheckedTokens}, at most {@code lendflow.gateway.checked-tokens.maximum-size}, 10,000 by
 * default; 0 checks every token in full every time).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> decoders,
            @Value("${lendflow.gateway.checked-tokens.maximum-size:10000}") long checkedTokens) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // Public by design: anyone may check our arithmetic.
                        .pathMatchers(HttpMethod.POST, "/api/v1/loan-calculator").permitAll()
                        // The ops console's page and sign-in: signing in is how staff get a token.
                        .pathMatchers("/console", "/console/**").permitAll()
                        .pathMatchers("/ops/**").hasAuthority("SCOPE_ops")
                        .pathMatchers("/api/**").hasAnyAuthority("SCOPE_customer", "SCOPE_ops")
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {
                            ReactiveJwtDecoder decoder = decoders.getIfUnique();
                            if (decoder != null && checkedTokens > 0) {
                                // The system clock, as the token's own expiry check uses.
                                jwt.jwtDecoder(new CheckedTokens(decoder, checkedTokens, Clock.systemUTC()));
                            }
                        })
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    private static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer realm=\"lendflow\"");
            String detail = exchange.getRequest().getHeaders().getFirst("Authorization") == null
                    ? "a bearer token from the Lendflow auth server is required"
                    : "the bearer token is not valid: it is malformed, expired, forged, or meant for another audience";
            return GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail);
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> GatewayProblems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "this token's scope does not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value());
    }

}
