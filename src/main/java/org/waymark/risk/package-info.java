/**
 * Risk identification and the procedures' decision rules (issue 3), as plain Java.
 *
 * <p>Public API: {@link org.waymark.risk.DecisionEngine} evaluates {@link org.waymark.risk.CaseFacts}
 * under a {@link org.waymark.risk.PartnershipProfile} and returns an {@link org.waymark.risk.Evaluation}.
 * Profiles come from {@link org.waymark.risk.ProfileCatalogue}; the DASH, stalking questions and
 * children's matrix are data read by {@link org.waymark.risk.InstrumentCatalogue} and scored by
 * {@link org.waymark.risk.InstrumentScoring}.
 *
 * <p>No framework code: only the two catalogues read files (with Jackson); the rules in
 * {@link org.waymark.risk.rules} depend on nothing but the JDK and this package.
 */
package org.waymark.risk;
