package org.waymark.risk;

import java.util.List;

/**
 * A profile or instrument file that cannot be used. The message names the file and each bad field,
 * so whoever edits the file can fix it without reading code.
 */
public class RiskConfigurationException extends RuntimeException {

    private final String file;
    private final transient List<String> problems;

    public RiskConfigurationException(String file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public RiskConfigurationException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problems = List.of(problem);
    }

    /** The file at fault: a classpath resource or a path in the partnership's directory. */
    public String file() {
        return file;
    }

    public List<String> problems() {
        return problems;
    }
}
