package org.waymark.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {

    private final BlockingKeys keys = BlockingKeys.defaults();

    private static PersonRecord.Builder full(String id) {
        return PersonRecord.builder(id).givenName("Catherine").middleNames("Anne").surname("Jones")
                .otherNames("Smith;Davies").dateOfBirth("1985-03-07").sex("F").address("12 High Street, Leeds")
                .postcode("LS6 2AB").phone("07700 900123").nhsNumber("943 476 5919").reference("POL-12345");
    }

    private static boolean share(List<String> a, List<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    @Test
    void aFullRecordHasFewerThanFifteenKeys() {
        List<String> k = keys.keys(full("a").build());
        assertThat(k).hasSizeLessThanOrEqualTo(BlockingKeys.MAX_KEYS).hasSizeLessThan(15).doesNotHaveDuplicates();
        assertThat(k).contains("n:9434765919", "t:07700900123", "p:LS62AB", "d:19850307");
    }

    @Test
    void swappedDayAndMonthKeepTheDateKey() {
        assertThat(keys.keys(full("a").build())).contains("d:19850307");
        assertThat(keys.keys(full("b").dateOfBirth("1985-07-03").build())).contains("d:19850307");
    }

    @Test
    void swappedNamesAndNicknamesKeepTheNameKey() {
        List<String> a = keys.keys(PersonRecord.builder("a").givenName("Catherine").surname("Jones").build());
        List<String> swapped = keys.keys(PersonRecord.builder("b").givenName("Jones").surname("Catherine").build());
        List<String> nickname = keys.keys(PersonRecord.builder("c").givenName("Katie").surname("Jones").build());
        assertThat(a).hasSize(1);
        assertThat(swapped).isEqualTo(a);
        assertThat(nickname).isEqualTo(a);
    }

    @Test
    void aPreviousSurnameFindsTheRecordsUnderThatName() {
        List<String> married = keys.keys(PersonRecord.builder("a").givenName("Catherine").surname("Smith")
                .otherNames("Jones").build());
        List<String> maiden = keys.keys(PersonRecord.builder("b").givenName("Catherine").surname("Jones").build());
        assertThat(share(married, maiden)).isTrue();
    }

    @Test
    void aRecordWithErrorsEverywhereButTheAddressIsStillFound() {
        List<String> a = keys.keys(full("a").build());
        List<String> b = keys.keys(PersonRecord.builder("b").givenName("Kathy").surname("Jonse")
                .dateOfBirth("1958-03-07").address("12 High St").postcode("LS6 2AP").build());
        assertThat(share(a, b)).isTrue();
    }

    @Test
    void hashesCarryTheKeyType() {
        long[] h = keys.hashes(PreparedRecord.of(full("a").build()));
        assertThat(h).hasSize(keys.keys(full("a").build()).size());
        assertThat(BlockingKeys.typeOf(h[0])).isEqualTo(BlockingKeys.TYPES.indexOf("n"));
    }
}
