package org.waymark.risk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.waymark.risk.rules.RuleBook;

/**
 * The partnership profiles: the five shipped in {@code risk/profiles/} on the classpath, plus any
 * a partnership adds or replaces by dropping a YAML (or JSON) file into a directory given at start
 * up. A file in that directory with the same id as a shipped profile replaces it; profiles that
 * {@code extends} the replaced one inherit the replacement.
 *
 * <p>A profile file either lists all its rules, or extends another profile and says what differs:
 * <pre>
 * id: derby-derbyshire
 * name: Derby and Derbyshire
 * extends: national
 * remove-rules: [R4, C3]
 * add-rules: [R4d, R5, C3d, C6d]
 * </pre>
 * Settings left out are inherited from the extended profile, or take the SafeLives and WM-2.24
 * defaults in {@link PartnershipProfile}. Every file is checked on load; a bad one stops the load
 * with a {@link RiskConfigurationException} naming the file and field.
 */
public final class ProfileCatalogue {

    /** The profile used when a request names none (issue 3: national out of the box). */
    public static final String DEFAULT_PROFILE = "national";

    static final String SHIPPED_FOLDER = "risk/profiles";

    private final Map<String, PartnershipProfile> profiles;

    private ProfileCatalogue(Map<String, PartnershipProfile> profiles) {
        this.profiles = Collections.unmodifiableMap(new TreeMap<>(profiles));
    }

    /** The five shipped profiles. */
    public static ProfileCatalogue shipped() {
        return of(ConfigFiles.shipped(SHIPPED_FOLDER), List.of());
    }

    /**
     * The shipped profiles plus those in {@code directory}, which may add new profiles or replace
     * shipped ones by id.
     */
    public static ProfileCatalogue withDirectory(Path directory) {
        return of(ConfigFiles.shipped(SHIPPED_FOLDER), ConfigFiles.directory(directory));
    }

    public Optional<PartnershipProfile> find(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    /** @throws UnknownProfileException when no profile has this id */
    public PartnershipProfile require(String id) {
        PartnershipProfile profile = profiles.get(id);
        if (profile == null) {
            throw new UnknownProfileException(id, profiles.keySet());
        }
        return profile;
    }

    /** All profiles, sorted by id. */
    public List<PartnershipProfile> all() {
        return List.copyOf(profiles.values());
    }

    public Set<String> ids() {
        return profiles.keySet();
    }

    /** A profile file as written: every setting optional, so that it can be inherited. */
    record ProfileFile(
            String id,
            String name,
            @JsonProperty("extends") String extendsProfile,
            List<String> rules,
            List<String> addRules,
            List<String> removeRules,
            Integer escalationThreshold,
            Integer dashMediumFrom,
            Integer repeatWindowMonths,
            Integer childAndFamilyAssessmentIncidents,
            Integer schoolAgeFrom,
            Integer schoolAgeTo) {
    }

    private record Loaded(ConfigFiles.Source source, ProfileFile file) {
    }

    private static ProfileCatalogue of(List<ConfigFiles.Source> shipped, List<ConfigFiles.Source> external) {
        Map<String, Loaded> files = new LinkedHashMap<>();
        readAll(shipped, files);
        Map<String, Loaded> replacements = new LinkedHashMap<>();
        readAll(external, replacements);
        files.putAll(replacements);

        Map<String, PartnershipProfile> resolved = new LinkedHashMap<>();
        for (String id : files.keySet()) {
            resolve(id, files, resolved, new LinkedHashSet<>());
        }
        return new ProfileCatalogue(resolved);
    }

    private static void readAll(List<ConfigFiles.Source> sources, Map<String, Loaded> into) {
        for (ConfigFiles.Source source : sources) {
            ProfileFile file = ConfigFiles.read(source, ProfileFile.class);
            if (file.id() == null) {
                throw new RiskConfigurationException(source.name(), List.of("field 'id' is required"));
            }
            if (!file.id().equals(source.baseName())) {
                throw new RiskConfigurationException(source.name(), List.of("field 'id' is '" + file.id()
                        + "' but the file is named '" + source.baseName() + "': name the file after the id"));
            }
            Loaded previous = into.put(file.id(), new Loaded(source, file));
            if (previous != null) {
                throw new RiskConfigurationException(source.name(), List.of("profile '" + file.id()
                        + "' is also defined in " + previous.source().name()));
            }
        }
    }

    private static PartnershipProfile resolve(String id, Map<String, Loaded> files,
                                              Map<String, PartnershipProfile> resolved, Set<String> visiting) {
        PartnershipProfile done = resolved.get(id);
        if (done != null) {
            return done;
        }
        Loaded loaded = files.get(id);
        String fileName = loaded.source().name();
        ProfileFile file = loaded.file();
        if (!visiting.add(id)) {
            throw new RiskConfigurationException(fileName, List.of("field 'extends' makes a loop: "
                    + String.join(" -> ", visiting) + " -> " + id));
        }

        List<String> problems = new ArrayList<>();
        PartnershipProfile parent = null;
        if (file.extendsProfile() != null) {
            if (!files.containsKey(file.extendsProfile())) {
                throw new RiskConfigurationException(fileName, List.of("field 'extends' names unknown profile '"
                        + file.extendsProfile() + "' (known: " + new TreeMap<>(files).keySet() + ")"));
            }
            parent = resolve(file.extendsProfile(), files, resolved, visiting);
        }

        Set<String> rules = rules(file, parent, problems);
        PartnershipProfile profile = null;
        if (problems.isEmpty()) {
            try {
                profile = new PartnershipProfile(
                        file.id(),
                        file.name(),
                        rules,
                        pick(file.escalationThreshold(), parent == null ? null : parent.escalationThreshold(),
                                PartnershipProfile.DEFAULT_ESCALATION_THRESHOLD),
                        file.dashMediumFrom() != null ? file.dashMediumFrom()
                                : parent == null ? null : parent.dashMediumFrom(),
                        pick(file.repeatWindowMonths(), parent == null ? null : parent.repeatWindowMonths(),
                                PartnershipProfile.DEFAULT_REPEAT_WINDOW_MONTHS),
                        pick(file.childAndFamilyAssessmentIncidents(),
                                parent == null ? null : parent.childAndFamilyAssessmentIncidents(),
                                PartnershipProfile.DEFAULT_CHILD_AND_FAMILY_ASSESSMENT_INCIDENTS),
                        pick(file.schoolAgeFrom(), parent == null ? null : parent.schoolAgeFrom(),
                                PartnershipProfile.DEFAULT_SCHOOL_AGE_FROM),
                        pick(file.schoolAgeTo(), parent == null ? null : parent.schoolAgeTo(),
                                PartnershipProfile.DEFAULT_SCHOOL_AGE_TO));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new RiskConfigurationException(fileName, problems);
        }
        visiting.remove(id);
        resolved.put(id, profile);
        return profile;
    }

    private static Set<String> rules(ProfileFile file, PartnershipProfile parent, List<String> problems) {
        boolean listsChanges = file.addRules() != null || file.removeRules() != null;
        if (parent == null) {
            if (listsChanges) {
                problems.add("fields 'add-rules' and 'remove-rules' need 'extends'; without it, list every rule in 'rules'");
            }
            if (file.rules() == null) {
                problems.add("field 'rules' is required when the profile does not extend another");
                return Set.of();
            }
            return noDuplicates(file.rules(), "rules", problems);
        }
        if (file.rules() != null) {
            problems.add("field 'rules' cannot be used with 'extends'; use 'add-rules' and 'remove-rules'");
            return Set.of();
        }
        Set<String> rules = new LinkedHashSet<>(parent.rules());
        // Removing a rule the parent does not run is a no-op, so a partnership may slim down 'national'
        // without breaking the profiles that extend it; a misspelt id is still an error.
        if (file.removeRules() != null) {
            rules.removeAll(knownRules(file.removeRules(), "remove-rules", problems));
        }
        if (file.addRules() != null) {
            rules.addAll(knownRules(file.addRules(), "add-rules", problems));
        }
        return rules;
    }

    private static Set<String> knownRules(List<String> list, String field, List<String> problems) {
        Set<String> rules = noDuplicates(list, field, problems);
        for (String rule : rules) {
            if (!RuleBook.isKnown(rule)) {
                problems.add("field '" + field + "' names unknown rule '" + rule + "' (known: " + RuleBook.ids() + ")");
            }
        }
        return rules;
    }

    private static Set<String> noDuplicates(List<String> list, String field, List<String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> reported = new HashSet<>();
        for (String rule : list) {
            if (rule == null) {
                problems.add("field '" + field + "' has an empty entry");
            } else if (!seen.add(rule) && reported.add(rule)) {
                problems.add("field '" + field + "' lists " + rule + " twice");
            }
        }
        return seen;
    }

    private static int pick(Integer own, Integer inherited, int fallback) {
        return own != null ? own : inherited != null ? inherited : fallback;
    }
}
