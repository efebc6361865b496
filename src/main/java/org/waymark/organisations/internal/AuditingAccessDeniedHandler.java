package org.waymark.organisations.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;

/** Every refused request is audited, then answered 403 (problem+json for the API, a page for people). */
@Component
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditTrail audit;

    AuditingAccessDeniedHandler(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        audit.recordIndependently(AuditEntry.refused("ACCESS", "ENDPOINT", request.getMethod() + " " + path,
                "forbidden"));
        if (isApi(path)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("""
                    {"type":"about:blank","title":"Forbidden","status":403,\
                    "detail":"Your role does not allow this."}""");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")
                || path.startsWith("/swagger-ui");
    }
}
