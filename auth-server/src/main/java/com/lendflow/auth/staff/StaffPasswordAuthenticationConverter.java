package com.lendflow.auth.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** Reads a staff sign-in from a token request; any other grant is left to the other converters. */
final class StaffPasswordAuthenticationConverter implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!StaffPasswordGrant.TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        String username = formParameter(request, StaffPasswordGrant.USERNAME);
        String password = formParameter(request, StaffPasswordGrant.PASSWORD);
        Set<String> scopes = new LinkedHashSet<>();
        String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
        if (StringUtils.hasText(scope)) {
            scopes.addAll(Arrays.asList(scope.trim().split("\\s+")));
        }
        // The client filter ran before us: this is the staff tool, authenticated or not.
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return new StaffPasswordAuthentication(client, username, password, scopes);
    }

    private static String formParameter(HttpServletRequest request, String name) {
        // A password in the URL would end up in access logs and proxies; only the form body will do.
        String query = request.getQueryString();
        if (query != null && UriComponentsBuilder.newInstance().query(query).build().getQueryParams().containsKey(name)) {
            throw invalidRequest(name + " belongs in the form body, not the URL");
        }
        String[] values = request.getParameterValues(name);
        if (values == null || values.length != 1 || !StringUtils.hasText(values[0])) {
            throw invalidRequest(name + " is required, once");
        }
        return values[0];
    }

    private static OAuth2AuthenticationException invalidRequest(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
    }
}
