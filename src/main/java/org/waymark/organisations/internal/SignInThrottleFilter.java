package org.waymark.organisations.internal;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.organisations.SignInLimit;

/**
 * Refuses a sign-in attempt, before the password is checked, from an address with too many recent
 * failures: 429 with Retry-After. The form gets the sign-in page with the refusal; HTTP Basic gets
 * problem+json. Not a bean, so it runs only inside the security chains that add it.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    enum Kind { FORM, HTTP_BASIC }

    private final SignInThrottle throttle;
    private final Kind kind;

    SignInThrottleFilter(SignInThrottle throttle, Kind kind) {
        this.throttle = throttle;
        this.kind = kind;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (kind == Kind.FORM) {
            return !"POST".equals(request.getMethod())
                    || !request.getRequestURI().substring(request.getContextPath().length()).equals("/sign-in");
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong refusal = throttle.refusal(request.getRemoteAddr(), kind.name());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = refusal.getAsLong();
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (kind == Kind.FORM) {
            // The rest of the chain sees a GET, so the password is never checked and the page is shown.
            request.setAttribute(SignInLimit.RETRY_AFTER_SECONDS, seconds);
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            }, response);
            return;
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Too many requests","status":429,\
                "detail":"Too many failed sign-ins from this address. Nothing was done; try again in %d seconds."}"""
                .formatted(seconds));
    }
}
