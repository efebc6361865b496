package org.waymark.people;

import java.io.PrintStream;

import org.waymark.people.matching.synthetic.SyntheticPeople;

/**
 * {@code java -jar waymark.jar generate-people --records 1000000 --seed 1 --output people.csv --truth truth.csv}:
 * synthetic UK-style people (households, nicknames, married names, transliterations, typos, twins and
 * namesakes) in the link command's CSV format, for speed and scale runs. Never real people.
 */
public final class GeneratePeopleCommand {

    private GeneratePeopleCommand() {
    }

    public static int run(String[] args, PrintStream err) {
        try {
            SyntheticPeople.main(args);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\nusage: java -jar waymark.jar generate-people [--records N] [--seed S]"
                    + " [--error-scale X] [--repeat] [--output people.csv] [--truth truth.csv]");
            return 2;
        } catch (Exception e) {
            err.println("generate-people failed: " + e.getMessage());
            return 1;
        }
    }
}
