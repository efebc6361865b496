package org.waymark.people.matching.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.waymark.people.matching.MatchModel;
import org.waymark.people.matching.MatchResult;
import org.waymark.people.matching.MatchScorer;
import org.waymark.people.matching.Nicknames;
import org.waymark.people.matching.PersonRecord;
import org.waymark.people.matching.PreparedRecord;
import org.waymark.people.matching.TermFrequencies;

/** Development aid: explains the comparison of pairs of records of a CSV file: {@code file id1 id2 [id1 id2...]}. */
public final class Explain {
    public static void main(String[] args) throws Exception {
        Map<String, PersonRecord> byId = new HashMap<>();
        List<PreparedRecord> all = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
            for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                PersonRecord p = PersonRecord.of(c.get("id"), c.get("given_name"), c.get("middle_names"),
                        c.get("surname"), c.get("other_names"), c.get("date_of_birth"), c.get("sex"), c.get("address"),
                        c.get("postcode"), c.get("phone"), c.get("nhs_number"), c.get("reference"));
                byId.put(p.id(), p);
                all.add(PreparedRecord.of(p));
            }
        }
        double d = args.length % 2 == 0 ? Double.parseDouble(args[args.length - 1]) : 1.0;
        MatchScorer scorer = new MatchScorer(MatchModel.defaults().withMatchesPerRecord(d), TermFrequencies.count(all),
                Nicknames.defaults());
        for (int i = 1; i + 1 < args.length; i += 2) {
            PersonRecord a = byId.get(args[i]);
            PersonRecord b = byId.get(args[i + 1]);
            MatchResult m = scorer.compare(a, b);
            System.out.printf("%s %s p=%.4f weight=%.1f%n  %s%n  %s%n", a.id(), b.id(), m.probability(), m.weight(),
                    a, b);
            m.reasons().forEach(x -> System.out.printf("    %-14s %-24s %6.1f  %s%n", x.field(), x.kind(), x.weight(),
                    x.text()));
        }
    }
}
