package org.waymark.risk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The risk instruments: those shipped in {@code risk/instruments/} on the classpath, plus any in a
 * directory a partnership gives at start up. A file there with the same id and version as a shipped
 * instrument replaces it; a new id or version is added alongside. Every file is checked on load.
 */
public final class InstrumentCatalogue {

    public static final String DASH_RIC = "dash-ric";
    public static final String S_DASH = "s-dash";
    public static final String DVRIM = "dvrim";

    static final String SHIPPED_FOLDER = "risk/instruments";

    /** Versions compare segment by segment, numerically where both segments are numbers ("1.10" > "1.9"). */
    static final Comparator<String> VERSION_ORDER = InstrumentCatalogue::compareVersions;

    private final Map<String, Instrument> byKey;

    private InstrumentCatalogue(Map<String, Instrument> byKey) {
        this.byKey = byKey;
    }

    public static InstrumentCatalogue shipped() {
        return of(ConfigFiles.shipped(SHIPPED_FOLDER), List.of());
    }

    public static InstrumentCatalogue withDirectory(Path directory) {
        return of(ConfigFiles.shipped(SHIPPED_FOLDER), ConfigFiles.directory(directory));
    }

    public Optional<Instrument> find(String id, String version) {
        return Optional.ofNullable(byKey.get(key(id, version)));
    }

    /** The highest version of an instrument. */
    public Optional<Instrument> latest(String id) {
        return byKey.values().stream()
                .filter(i -> i.id().equals(id))
                .max(Comparator.comparing(Instrument::version, VERSION_ORDER));
    }

    /** Every version of an instrument, oldest first. */
    public List<Instrument> versions(String id) {
        return byKey.values().stream()
                .filter(i -> i.id().equals(id))
                .sorted(Comparator.comparing(Instrument::version, VERSION_ORDER))
                .toList();
    }

    /** All instruments, by id then version. */
    public List<Instrument> all() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(Instrument::id).thenComparing(Instrument::version, VERSION_ORDER))
                .toList();
    }

    private static InstrumentCatalogue of(List<ConfigFiles.Source> shipped, List<ConfigFiles.Source> external) {
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        instruments.putAll(readAll(shipped));
        instruments.putAll(readAll(external));
        return new InstrumentCatalogue(Map.copyOf(instruments));
    }

    private static Map<String, Instrument> readAll(List<ConfigFiles.Source> sources) {
        Map<String, Instrument> read = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (ConfigFiles.Source source : sources) {
            Instrument instrument = ConfigFiles.read(source, Instrument.class);
            List<String> problems = problems(instrument);
            if (!problems.isEmpty()) {
                throw new RiskConfigurationException(source.name(), problems);
            }
            String key = key(instrument.id(), instrument.version());
            if (read.put(key, instrument) != null) {
                throw new RiskConfigurationException(source.name(), List.of("instrument " + instrument.id() + " version "
                        + instrument.version() + " is also defined in " + fileOf.get(key)));
            }
            fileOf.put(key, source.name());
        }
        return read;
    }

    /** Everything wrong with an instrument definition, each naming its field. */
    static List<String> problems(Instrument instrument) {
        List<String> problems = new ArrayList<>();
        if (instrument.id() == null || !instrument.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add("field 'id' must be lower-case words joined by hyphens, was " + instrument.id());
        }
        if (instrument.version() == null || instrument.version().isBlank()) {
            problems.add("field 'version' is required");
        }
        if (instrument.title() == null || instrument.title().isBlank()) {
            problems.add("field 'title' is required");
        }
        if (instrument.kind() == null) {
            problems.add("field 'kind' is required: checklist or scale");
            return problems;
        }
        Set<String> sectionIds = new HashSet<>();
        for (int i = 0; i < instrument.sections().size(); i++) {
            Instrument.Section section = instrument.sections().get(i);
            if (section.id() == null || !sectionIds.add(section.id())) {
                problems.add("field 'sections[" + i + "].id' is missing or repeated");
            }
        }
        if (instrument.kind() == Instrument.Kind.CHECKLIST) {
            checklistProblems(instrument, sectionIds, problems);
        } else {
            scaleProblems(instrument, problems);
        }
        return problems;
    }

    private static void checklistProblems(Instrument instrument, Set<String> sectionIds, List<String> problems) {
        if (instrument.questions().isEmpty()) {
            problems.add("field 'questions' must list at least one question for a checklist");
        }
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < instrument.questions().size(); i++) {
            Instrument.Question question = instrument.questions().get(i);
            String at = "questions[" + i + "]";
            if (question.number() < 1 || !numbers.add(question.number())) {
                problems.add("field '" + at + ".number' must be a positive number not used before, was " + question.number());
            }
            if (question.label() == null || question.label().isBlank()) {
                problems.add("field '" + at + ".label' is required");
            }
            if (question.section() != null && !sectionIds.contains(question.section())) {
                problems.add("field '" + at + ".section' names unknown section '" + question.section() + "'");
            }
            if (question.triggersSupplement() != null && !question.triggersSupplement().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add("field '" + at + ".triggers-supplement' must be an instrument id, was '"
                        + question.triggersSupplement() + "'");
            }
        }
        Set<String> thresholdIds = new HashSet<>();
        for (int i = 0; i < instrument.thresholds().size(); i++) {
            Instrument.Threshold threshold = instrument.thresholds().get(i);
            String at = "thresholds[" + i + "]";
            if (threshold.id() == null || !thresholdIds.add(threshold.id())) {
                problems.add("field '" + at + ".id' is missing or repeated");
            }
            if (threshold.atLeast() < 1 || threshold.atLeast() > instrument.questions().size()) {
                problems.add("field '" + at + ".at-least' must be 1 to " + instrument.questions().size()
                        + " (the number of questions), was " + threshold.atLeast());
            }
        }
        if (!instrument.scaleLevels().isEmpty() || instrument.uplift() != null || !instrument.indicators().isEmpty()) {
            problems.add("fields 'scale-levels', 'uplift' and 'indicators' belong to scale instruments only");
        }
    }

    private static void scaleProblems(Instrument instrument, List<String> problems) {
        if (instrument.scaleLevels().isEmpty()) {
            problems.add("field 'scale-levels' must list at least one level for a scale");
        }
        Set<Integer> levels = new HashSet<>();
        for (int i = 0; i < instrument.scaleLevels().size(); i++) {
            Instrument.ScaleLevel level = instrument.scaleLevels().get(i);
            if (!levels.add(level.level())) {
                problems.add("field 'scale-levels[" + i + "].level' repeats level " + level.level());
            }
            if (level.name() == null || level.name().isBlank()) {
                problems.add("field 'scale-levels[" + i + "].name' is required");
            }
        }
        Instrument.Uplift uplift = instrument.uplift();
        if (uplift != null) {
            uplift.raisesTo().forEach((from, to) -> {
                if (!levels.contains(from) || !levels.contains(to) || to < from) {
                    problems.add("field 'uplift.raises-to' maps " + from + " to " + to
                            + ": both must be levels of the scale and an uplift never lowers the level");
                }
            });
            if (uplift.underAgeYears() != null && uplift.underAgeYears() < 1) {
                problems.add("field 'uplift.under-age-years' must be at least 1, was " + uplift.underAgeYears());
            }
        }
        for (int i = 0; i < instrument.indicators().size(); i++) {
            Instrument.Indicator indicator = instrument.indicators().get(i);
            if (indicator.heading() == null || indicator.heading().isBlank()) {
                problems.add("field 'indicators[" + i + "].heading' is required");
            }
            for (Integer level : indicator.descriptions().keySet()) {
                if (!levels.contains(level)) {
                    problems.add("field 'indicators[" + i + "].descriptions' names level " + level + ", not on the scale");
                }
            }
        }
        if (!instrument.questions().isEmpty() || !instrument.thresholds().isEmpty()) {
            problems.add("fields 'questions' and 'thresholds' belong to checklists only");
        }
    }

    private static String key(String id, String version) {
        return id + "@" + version;
    }

    private static int compareVersions(String a, String b) {
        String[] as = a.split("[.\\-]");
        String[] bs = b.split("[.\\-]");
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int c;
            if (as[i].matches("\\d+") && bs[i].matches("\\d+")) {
                c = Long.compare(Long.parseLong(as[i]), Long.parseLong(bs[i]));
            } else {
                c = as[i].compareTo(bs[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(as.length, bs.length);
    }
}
