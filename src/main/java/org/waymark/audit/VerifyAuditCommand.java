package org.waymark.audit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar waymark.jar verify-audit [--spring.datasource.url=... and other settings]}: seals
 * whatever is committed and unsealed, walks the whole chain and prints a summary. Exit code 0 when the
 * chain is intact, 2 when it is broken, 1 when the check could not run. Starts the application on the
 * database the same settings choose, with its web server off (port -1: the web configuration still loads).
 */
public final class VerifyAuditCommand {

    private VerifyAuditCommand() {
    }

    /** Starts {@code application} without listening on a port or sealing on a schedule, and runs the check. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=-1",
                "--waymark.demo-data.enabled=false",
                "--waymark.audit.sealer.enabled=false",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false",
                "--logging.level.root=warn",
                "--logging.level.org.waymark=warn"));
        // Later arguments win, so an operator may still override any of the above.
        arguments.addAll(List.of(args));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new))) {
            return run(context.getBean(AuditChain.class), out);
        } catch (RuntimeException e) {
            out.println("verify-audit failed: " + e.getMessage());
            return 1;
        }
    }

    /** Seals, verifies and prints; returns 0 intact, 2 broken. */
    public static int run(AuditChain chain, PrintStream out) {
        long sealed = chain.seal();
        AuditChainReport report = chain.verify();
        out.println("sealed now: " + sealed);
        out.print(report.summary());
        out.flush();
        return report.intact() ? 0 : 2;
    }
}
