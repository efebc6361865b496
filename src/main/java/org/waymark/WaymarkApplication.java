package org.waymark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.waymark.audit.VerifyAuditCommand;
import org.waymark.people.GeneratePeopleCommand;
import org.waymark.people.LinkCommand;

/** Waymark: the multi-agency response to domestic violence and abuse, as one deployable. */
@SpringBootApplication
public class WaymarkApplication {

    public static void main(String[] args) {
        // The batch commands need neither the service nor a database.
        if (args.length > 0 && args[0].equals("link")) {
            System.exit(LinkCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.err));
        }
        if (args.length > 0 && args[0].equals("generate-people")) {
            System.exit(GeneratePeopleCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.err));
        }
        // Needs the database but not the web server.
        if (args.length > 0 && args[0].equals("verify-audit")) {
            System.exit(VerifyAuditCommand.run(WaymarkApplication.class,
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(WaymarkApplication.class, args);
    }
}
