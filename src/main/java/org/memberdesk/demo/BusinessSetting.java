package org.memberdesk.demo;

import java.util.Optional;

/**
 * Where the shop's kind of business is kept (Settings → General's 业态): the shop profile. A demo records the
 * business it was made for through it; an interface here, so the demo needs nothing of the shop package (which
 * already names {@link Business}).
 */
public interface BusinessSetting {
    Optional<Business> business();

    void setBusiness(Business business);
}
