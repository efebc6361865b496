package org.waymark.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NicknamesTest {

    private final Nicknames nicknames = Nicknames.defaults();

    @Test
    void shortFormsAndTheirFormalNameAreVariants() {
        assertThat(nicknames.areVariants("Katie", "Catherine")).isTrue();
        assertThat(nicknames.areVariants("Kate", "Kathryn")).isTrue();
        assertThat(nicknames.areVariants("Bill", "William")).isTrue();
        assertThat(nicknames.areVariants("Peggy", "Margaret")).isTrue();
        assertThat(nicknames.canonical("katie")).isEqualTo("catherine");
    }

    @Test
    void transliterationVariantsAreVariants() {
        assertThat(nicknames.areVariants("Mohammed", "Muhammad")).isTrue();
        assertThat(nicknames.areVariants("Mohamed", "Mohammad")).isTrue();
        assertThat(nicknames.areVariants("Aleksandr", "Alexander")).isTrue();
        assertThat(nicknames.areVariants("Yusuf", "Youssef")).isTrue();
        assertThat(nicknames.areVariants("Łukasz", "Lukas")).isTrue();
    }

    @Test
    void differentNamesAreNotVariants() {
        assertThat(nicknames.areVariants("Catherine", "Robert")).isFalse();
        assertThat(nicknames.areVariants("Emily", "Amelia")).isFalse();
        assertThat(nicknames.areVariants("Katie", "Katie")).isFalse();
    }

    @Test
    void aMistypedNameFindsTheGroupsOfTheNameItWasMeantToBe() {
        int[] emily = nicknames.groups("emily");
        assertThat(nicknames.typoGroups("emiyl")).containsAnyOf(emily);
        assertThat(nicknames.typoGroups("emily")).isEmpty();
    }

    @Test
    void aTableCanBeReadFromAnyStream() {
        Nicknames t = Nicknames.read(new ByteArrayInputStream(
                "# comment\nrobert,bob,rob\n\nwilliam,bill\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(t.groupCount()).isEqualTo(2);
        assertThat(t.areVariants("bob", "rob")).isTrue();
        assertThat(t.areVariants("bob", "bill")).isFalse();
        assertThat(t.members(1)).containsExactly("william", "bill");
    }

    @Test
    void theShippedTableHasAFewHundredGroups() {
        assertThat(nicknames.groupCount()).isBetween(300, 1000);
    }
}
