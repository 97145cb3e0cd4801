package org.memberdesk.support;

/** The app's version, from the jar's manifest (the pom's version); "dev" when run from classes. */
public final class AppVersion {
    private AppVersion() {
    }

    public static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
