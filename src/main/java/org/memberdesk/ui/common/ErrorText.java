package org.memberdesk.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.stream.Collectors;
import org.memberdesk.common.Explained;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;

/** Turns a failure into a sentence a shop owner can act on. The stack trace goes to the log only. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String describe(Throwable error, Messages messages) {
        Throwable cause = unwrap(error);
        if (cause instanceof ValidationException invalid) {
            return invalid.problems().stream().map(p -> p.describe(messages))
                    .collect(Collectors.joining("\n"));
        }
        if (cause instanceof org.memberdesk.staff.NotAllowedException refused) {
            // a role that may not, a wrong PIN, a lock-out: the sentence, never a stack trace
            return refused.describe(messages);
        }
        if (cause instanceof Explained explained) { // db's failures too: a damaged file, an import running …
            return explained.explain(messages);
        }
        if (cause instanceof org.memberdesk.tags.RuleException rule) {
            return rule.describe(messages);
        }
        if (cause instanceof NoSuchFileException missing) {
            return messages.get("error.fileMissing", missing.getFile());
        }
        if (cause instanceof IOException) {
            return messages.get("error.file", cause.getMessage());
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return messages.get("error.unexpected", detail);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof UncheckedIOException || current instanceof java.util.concurrent.ExecutionException
                || (current instanceof RuntimeException && current.getClass() == RuntimeException.class))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
