package org.waymark.risk;

import java.util.List;

/**
 * The risk module's entry point for other modules: the procedures' decision rules under this
 * deployment's partnership profiles and instruments (shipped, plus any the partnership configures).
 */
public interface ProcedureRules {

    /** The profile used when a caller names none. */
    String defaultProfile();

    List<PartnershipProfile> profiles();

    /** @throws UnknownProfileException when no profile has this id */
    PartnershipProfile profile(String id);

    /**
     * Evaluates a case under the named profile (the default when {@code profileId} is null).
     *
     * @throws InvalidInputException naming every bad field
     */
    Evaluation evaluate(CaseFacts facts, String profileId);

    InstrumentCatalogue instruments();
}
