package org.waymark.organisations.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 as problem+json, offering HTTP Basic (and bearer tokens when OIDC is configured). */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        // No Basic challenge to browsers: a browser prompt caches credentials that outlive sign-out
        // and the idle timeout, and that the browser would attach to forged requests.
        if (!isBrowser(request)) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Waymark\", charset=\"UTF-8\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Unauthorized","status":401,\
                "detail":"Sign in to use this service."}""");
    }

    private static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String path = request.getRequestURI();
        return accept != null && accept.contains("text/html") || path.contains("/swagger-ui") || path.contains("/v3/api-docs");
    }
}
