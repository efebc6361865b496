package org.waymark.people.matching.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPeopleTest {

    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theSameSeedGivesTheSameFiles() throws IOException {
        new SyntheticPeople(SyntheticPeople.Config.of(42, 2000)).generate(dir.resolve("a.csv"),
                dir.resolve("a_truth.csv"), quiet);
        new SyntheticPeople(SyntheticPeople.Config.of(42, 2000)).generate(dir.resolve("b.csv"),
                dir.resolve("b_truth.csv"), quiet);
        new SyntheticPeople(SyntheticPeople.Config.of(43, 2000)).generate(dir.resolve("c.csv"),
                dir.resolve("c_truth.csv"), quiet);
        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
        assertThat(Files.readString(dir.resolve("a_truth.csv"))).isEqualTo(Files.readString(dir.resolve("b_truth.csv")));
        assertThat(Files.readString(dir.resolve("a.csv"))).isNotEqualTo(Files.readString(dir.resolve("c.csv")));
    }

    @Test
    void theRepeatPopulationHasMoreRecordsPerPersonAndSomeTownOnlyAddresses() throws IOException {
        SyntheticPeople.Result plain = new SyntheticPeople(SyntheticPeople.Config.of(5, 5000))
                .generate(dir.resolve("plain.csv"), dir.resolve("plain_t.csv"), quiet);
        SyntheticPeople.Result repeat = new SyntheticPeople(new SyntheticPeople.Config(5, 5000, 1.0, true))
                .generate(dir.resolve("repeat.csv"), dir.resolve("repeat_t.csv"), quiet);
        assertThat(repeat.records()).isEqualTo(5000);
        assertThat((double) repeat.records() / repeat.people())
                .isGreaterThan(1.3 * plain.records() / plain.people());
        assertThat(Files.readString(dir.resolve("repeat.csv"))).containsPattern(",(?i)london,[A-Za-z]");
    }

    @Test
    void writesTheRequestedNumberOfRecordsAndATruthOfKnownIds() throws IOException {
        SyntheticPeople.Result r = new SyntheticPeople(SyntheticPeople.Config.of(1, 5000))
                .generate(dir.resolve("p.csv"), dir.resolve("t.csv"), quiet);
        List<String> rows = Files.readAllLines(dir.resolve("p.csv"));
        assertThat(rows.get(0)).isEqualTo(
                "id,given_name,middle_names,surname,other_names,date_of_birth,sex,address,postcode,phone,nhs_number,"
                        + "reference");
        assertThat(r.records()).isEqualTo(5000);
        assertThat(r.people()).isBetween(1500, 4000);
        Set<String> ids = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            ids.add(row.substring(0, row.indexOf(',')));
        }
        assertThat(ids).hasSize(5000);
        List<String> truth = Files.readAllLines(dir.resolve("t.csv"));
        assertThat(truth.get(0)).isEqualTo("id_1,id_2");
        assertThat(truth).hasSize((int) r.truePairs() + 1);
        for (String t : truth.subList(1, truth.size())) {
            String[] p = t.split(",");
            assertThat(ids).contains(p[0], p[1]);
        }
    }

    @Test
    void theDataHasTheErrorsAndDiversityItPromises() throws IOException {
        new SyntheticPeople(SyntheticPeople.Config.of(3, 20000)).generate(dir.resolve("p.csv"), dir.resolve("t.csv"),
                quiet);
        String all = Files.readString(dir.resolve("p.csv")).toLowerCase();
        // heritage diversity
        assertThat(all).contains(",khan,", ",kowalsk", ",mohamed,", ",okafor,", ",wong,", ",murphy,", ",campbell,");
        // previous names, placeholder and malformed dates, international phone format, spaced NHS numbers
        assertThat(all).contains("1900-01-01").contains("+44 7").containsPattern(",\\d{3} \\d{3} \\d{4},");
        assertThat(all).containsPattern("\\d{2}/\\d{2}/\\d{4}");
    }
}
