package org.memberdesk.common;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be stored as it is; nothing was changed. Carries every problem found, per field. */
public class ValidationException extends RuntimeException {
    private final List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.describe(Messages.english()))
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public ValidationException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
