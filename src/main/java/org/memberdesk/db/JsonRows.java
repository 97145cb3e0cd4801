package org.memberdesk.db;

/**
 * Rows for one set-based statement, as a JSON array of arrays that SQLite unpacks with
 * {@code json_each(?)} and {@code value ->> n}: a batch of thousands of rows goes in with one
 * statement instead of one statement (and one round trip through the driver) per row.
 * Numbers stay integers and text stays text, so column affinities work as with bound parameters.
 */
public final class JsonRows {
    private final StringBuilder json = new StringBuilder(1 << 16).append('[');
    private int rows;
    private boolean firstValue;

    /** Starts a new row; values follow with {@link #add}. */
    public JsonRows row() {
        json.append(rows++ == 0 ? "[" : "],[");
        firstValue = true;
        return this;
    }

    public JsonRows add(long value) {
        separate();
        json.append(value);
        return this;
    }

    public JsonRows add(Long value) {
        return value == null ? addNull() : add(value.longValue());
    }

    public JsonRows add(String value) {
        if (value == null) {
            return addNull();
        }
        separate();
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
        return this;
    }

    public JsonRows addNull() {
        separate();
        json.append("null");
        return this;
    }

    private void separate() {
        if (!firstValue) {
            json.append(',');
        }
        firstValue = false;
    }

    public int size() {
        return rows;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /** The rows as one JSON text, to bind to {@code json_each(?)}. */
    @Override
    public String toString() {
        return rows == 0 ? "[]" : json + "]]";
    }
}
