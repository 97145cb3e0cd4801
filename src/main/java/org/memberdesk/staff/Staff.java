package org.memberdesk.staff;

import java.time.LocalDateTime;

/**
 * A person who works the computer; never deleted (the log names them), made inactive when they leave. {@code storeId}
 * is the store (门店) they work in: a cashier or manager signs in only at that store's computers, the owner anywhere.
 */
public record Staff(long id, String name, Role role, boolean active, LocalDateTime createdAt, long storeId) {
}
