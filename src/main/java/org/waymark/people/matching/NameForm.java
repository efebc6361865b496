package org.waymark.people.matching;

/**
 * A name prepared for comparison: normalised, without spaces, its Double Metaphone codes and its
 * nickname groups. Immutable; built by {@link PreparedRecord}.
 */
public final class NameForm {
    final String norm;
    final String compact;
    final String first;
    final String dm1;
    final String dm2;
    final int[] groups;
    /** groups of table names one typing error away (only for names not in the table). */
    final int[] typoGroups;

    NameForm(String norm, String compact, String first, String dm1, String dm2, int[] groups, int[] typoGroups) {
        this.typoGroups = typoGroups;
        this.norm = norm;
        this.compact = compact;
        this.first = first;
        this.dm1 = dm1;
        this.dm2 = dm2;
        this.groups = groups;
    }

    public String normalised() {
        return norm;
    }

    public String phoneticCode() {
        return dm1;
    }

    @Override
    public String toString() {
        return norm;
    }
}
