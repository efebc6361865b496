package org.waymark.people.matching.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.waymark.people.matching.BlockingKeys;
import org.waymark.people.matching.PersonRecord;
import org.waymark.people.matching.PreparedRecord;

/** Development aid: pairs per blocking-key type for a CSV file. */
public final class KeyStats {
    public static void main(String[] args) throws Exception {
        BlockingKeys bk = BlockingKeys.defaults();
        Map<String, Integer> blocks = new HashMap<>();
        long records = 0;
        try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
            for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                PersonRecord p = PersonRecord.of(c.get("id"), c.get("given_name"), c.get("middle_names"),
                        c.get("surname"), c.get("other_names"), c.get("date_of_birth"), c.get("sex"), c.get("address"),
                        c.get("postcode"), c.get("phone"), c.get("nhs_number"), c.get("reference"));
                for (String k : bk.keys(PreparedRecord.of(p))) {
                    blocks.merge(k, 1, Integer::sum);
                }
                records++;
            }
        }
        Map<String, long[]> byType = new TreeMap<>();
        blocks.forEach((k, v) -> {
            String type = k.substring(0, k.indexOf(':'));
            long[] s = byType.computeIfAbsent(type, t -> new long[4]);
            s[0]++;
            s[1] += v;
            s[2] += Math.min((long) v * (v - 1) / 2, v > 400 ? 20L * v : Long.MAX_VALUE);
            s[3] = Math.max(s[3], v);
        });
        System.out.println("records " + records);
        byType.forEach((t, s) -> System.out.printf("%-4s keys=%,d entries=%,d pairs=%,d maxBlock=%,d%n", t, s[0], s[1],
                s[2], s[3]));
    }
}
