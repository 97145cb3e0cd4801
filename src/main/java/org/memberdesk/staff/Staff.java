package org.memberdesk.staff;

import java.time.LocalDateTime;

/** A person who works the computer; never deleted (the log names them), made inactive when they leave. */
public record Staff(long id, String name, Role role, boolean active, LocalDateTime createdAt) {
}
