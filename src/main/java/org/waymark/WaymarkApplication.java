package org.waymark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.waymark.audit.VerifyAuditCommand;
import org.waymark.people.GeneratePeopleCommand;
import org.waymark.people.LinkCommand;
import org.waymark.platform.KeysetCommand;

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
        if (args.length > 0 && args[0].equals("keyset")) {
            System.exit(KeysetCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // These need the database but not the web server.
        if (args.length > 0 && args[0].equals("reseal")) {
            System.exit(reseal(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("verify-audit")) {
            System.exit(VerifyAuditCommand.run(WaymarkApplication.class,
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(WaymarkApplication.class, args);
    }

    /** After a key rotation: reseal every sealed value under the new primary key, then the old key can be retired. */
    static int reseal(String[] args) {
        // Port -1: the web configuration loads but listens nowhere.
        try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(WaymarkApplication.class)
                .properties("server.port=-1").run(args)) {
            int total = 0;
            for (var entry : context.getBeansOfType(org.waymark.platform.Resealable.class).entrySet()) {
                int resealed = entry.getValue().resealAll();
                System.err.println("reseal: " + entry.getKey() + ": " + resealed + " values resealed");
                total += resealed;
            }
            System.err.println("reseal: done, " + total + " values resealed under the current primary key");
            return 0;
        }
    }
}
