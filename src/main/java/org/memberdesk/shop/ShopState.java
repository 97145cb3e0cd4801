package org.memberdesk.shop;

/**
 * What a database is, as the windows need to know when they open it: {@code setUp} once its kind of business
 * was chosen, {@code holdsData} when it holds anything a shop makes, {@code demo} when it was filled with demo
 * data by the windows (its title bar says so).
 */
public record ShopState(boolean setUp, boolean holdsData, boolean demo) {
    /**
     * Never set up and holding nothing: the only database the first-run questions are for. A file filled by
     * the command line, or set up before, is somebody's shop already.
     */
    public boolean isNew() {
        return !setUp && !holdsData;
    }
}
