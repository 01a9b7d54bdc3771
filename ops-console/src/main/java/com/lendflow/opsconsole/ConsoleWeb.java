package com.lendflow.opsconsole;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The built app: {@code /console/} is its page, {@code /console/assets/**} the files Vite names by
 * content hash (cached for a year); the page itself is never cached, so a new build shows at once.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

    static final String BUILT_APP = "classpath:/ops-console-web/";

    /**
     * Only our own scripts run and the page talks only to its own origin (the gateway); it may not
     * be framed. Styles set through the DOM are allowed, as React sets them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/**")
                .addResourceLocations(BUILT_APP + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/console/**")
                .addResourceLocations(BUILT_APP)
                .setCacheControl(CacheControl.noCache());
    }

    @Bean
    OncePerRequestFilter consoleSecurityHeaders() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getRequestURI().startsWith("/console")) {
                    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    response.setHeader("X-Content-Type-Options", "nosniff");
                    response.setHeader("Referrer-Policy", "no-referrer");
                }
                chain.doFilter(request, response);
            }
        };
    }

    @RestController
    static class ConsolePage {

        private final Resource page = new ClassPathResource("ops-console-web/index.html");

        @GetMapping("/console")
        ResponseEntity<Void> withSlash() {
            return ResponseEntity.status(308).header("Location", "/console/").build();
        }

        @GetMapping("/console/")
        ResponseEntity<Resource> page() {
            if (!page.exists()) {
                throw new IllegalStateException("the console was built without its page: run the ops-console module's npm build");
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(page);
        }
    }
}
