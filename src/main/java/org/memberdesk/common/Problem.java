package org.memberdesk.common;

import java.util.List;

/**
 * Something wrong with one field of what a person typed or a file brought. The message is a
 * bundle key with arguments, so the same problem reads in Chinese on screen and in English in a
 * script's report.
 */
public record Problem(String field, String key, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }

    public String describe(Messages messages) {
        return messages.get(key, args.toArray());
    }
}
