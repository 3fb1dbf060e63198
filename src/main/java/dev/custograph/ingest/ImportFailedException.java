package dev.custograph.ingest;

import java.util.List;

/**
 * An import that was refused before anything was written. The message names the first problem and how many there
 * are; {@link #problems()} lists them all.
 */
public class ImportFailedException extends RuntimeException {

    private final List<RowProblem> problems;

    public ImportFailedException(List<RowProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public ImportFailedException(String message) {
        super(message);
        this.problems = List.of();
    }

    public List<RowProblem> problems() {
        return problems;
    }

    private static String summary(List<RowProblem> problems) {
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first + " (nothing was imported)"
                : first + " (and " + (problems.size() - 1) + " more problem" + (problems.size() == 2 ? "" : "s")
                + "; nothing was imported)";
    }
}
