package org.waymark.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the module's data files: the ones shipped on the classpath (listed in an {@code index.txt}
 * next to them, so no classpath scanning is needed) and the ones a partnership puts in a directory.
 * Keys are kebab-case ({@code escalation-threshold}); unknown keys are errors, not silently ignored.
 */
final class ConfigFiles {

    /** A file's name (for messages) and its text. */
    record Source(String name, String text) {
        String extension() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        }

        /** File name without directory and extension: must match the id inside. */
        String baseName() {
            String n = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(java.io.File.separatorChar)) + 1);
            int dot = n.lastIndexOf('.');
            return dot < 0 ? n : n.substring(0, dot);
        }
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // A missing number or flag is 0 or false here; validation then names what is really required.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // A missing number or flag is 0 or false here; validation then names what is really required.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ConfigFiles() {
    }

    /** The shipped files of a classpath folder, in the order of its {@code index.txt}. */
    static List<Source> shipped(String folder) {
        String index = readResource(folder + "/index.txt");
        List<Source> sources = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                sources.add(new Source(folder + "/" + name, readResource(folder + "/" + name)));
            }
        }
        return sources;
    }

    /** The {@code .yml}, {@code .yaml} and {@code .json} files of a directory, sorted by name. */
    static List<Source> directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RiskConfigurationException(directory.toString(), List.of("is not a directory"));
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> paths = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).*\\.(ya?ml|json)"))
                    .sorted()
                    .toList();
            List<Source> sources = new ArrayList<>(paths.size());
            for (Path path : paths) {
                sources.add(new Source(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
    }

    /** Binds a file to a record; any parse or binding error names the file and the field. */
    static <T> T read(Source source, Class<T> type) {
        ObjectMapper mapper = source.extension().equals("json") ? JSON : YAML;
        try {
            T value = mapper.readValue(source.text(), type);
            if (value == null) {
                throw new RiskConfigurationException(source.name(), List.of("is empty"));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String where = parentPath(e);
            throw new RiskConfigurationException(source.name(), "field '" + where + e.getPropertyName()
                    + "' is not a known setting (known: " + e.getKnownPropertyIds() + ")", e);
        } catch (JacksonException e) {
            String path = e.getPathReference() == null || e.getPath().isEmpty() ? "" : "field '" + path(e) + "': ";
            throw new RiskConfigurationException(source.name(), path + e.getOriginalMessage(), e);
        }
    }

    private static String parentPath(JacksonException e) {
        List<JacksonException.Reference> refs = e.getPath();
        if (refs.size() <= 1) {
            return "";
        }
        return path(refs.subList(0, refs.size() - 1)) + ".";
    }

    private static String path(JacksonException e) {
        return path(e.getPath());
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : refs) {
            if (ref.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String readResource(String name) {
        try (InputStream in = ConfigFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new RiskConfigurationException(name, List.of("is missing from the classpath"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
