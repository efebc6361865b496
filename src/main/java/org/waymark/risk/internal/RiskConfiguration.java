package org.waymark.risk.internal;

import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.risk.CaseFacts;
import org.waymark.risk.DecisionEngine;
import org.waymark.risk.Evaluation;
import org.waymark.risk.InstrumentCatalogue;
import org.waymark.risk.PartnershipProfile;
import org.waymark.risk.ProcedureRules;
import org.waymark.risk.ProfileCatalogue;

/**
 * Loads the partnership profiles and instruments: those shipped with Waymark, plus any YAML files a
 * partnership puts in the configured directories (a new profile, or a replacement by id).
 */
@Configuration(proxyBeanMethods = false)
class RiskConfiguration {

    @Bean
    ProfileCatalogue profileCatalogue(@Value("${waymark.risk.profiles-directory:}") String directory) {
        return directory.isBlank() ? ProfileCatalogue.shipped() : ProfileCatalogue.withDirectory(Path.of(directory));
    }

    @Bean
    InstrumentCatalogue instrumentCatalogue(@Value("${waymark.risk.instruments-directory:}") String directory) {
        return directory.isBlank() ? InstrumentCatalogue.shipped()
                : InstrumentCatalogue.withDirectory(Path.of(directory));
    }

    @Bean
    ProcedureRules procedureRules(ProfileCatalogue profiles, InstrumentCatalogue instruments,
                                  @Value("${waymark.risk.default-profile:national}") String defaultProfile) {
        profiles.require(defaultProfile);
        DecisionEngine engine = new DecisionEngine(instruments.latest(InstrumentCatalogue.DASH_RIC)
                .orElseThrow(() -> new IllegalStateException("No DASH instrument (dash-ric) is loaded")));
        return new ProcedureRules() {
            @Override
            public String defaultProfile() {
                return defaultProfile;
            }

            @Override
            public List<PartnershipProfile> profiles() {
                return profiles.all();
            }

            @Override
            public PartnershipProfile profile(String id) {
                return profiles.require(id);
            }

            @Override
            public Evaluation evaluate(CaseFacts facts, String profileId) {
                return engine.evaluate(facts, profiles.require(profileId == null ? defaultProfile : profileId));
            }

            @Override
            public InstrumentCatalogue instruments() {
                return instruments;
            }
        };
    }
}
