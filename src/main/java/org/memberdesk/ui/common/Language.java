package org.memberdesk.ui.common;

import java.util.Locale;
import org.memberdesk.common.Messages;

/** The languages the app speaks. Chinese is the default wherever the operating system speaks Chinese. */
public enum Language {
    CHINESE(Locale.SIMPLIFIED_CHINESE, "中文"),
    ENGLISH(Locale.ENGLISH, "English");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, so anyone can find theirs in the list. */
    public String nativeName() {
        return nativeName;
    }

    public Messages messages() {
        return new Messages(locale);
    }

    public static Language of(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    public static Language fromOs() {
        return of(Locale.getDefault());
    }

    /** {@code zh}, {@code zh_CN}, {@code zh-CN}, {@code 中文}, {@code en}, {@code english}… */
    public static Language parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (value.startsWith("zh") || value.equals("中文") || value.equals("chinese")) {
            return CHINESE;
        }
        if (value.startsWith("en")) {
            return ENGLISH;
        }
        throw new IllegalArgumentException("--lang must be zh or en, not '" + text + "'");
    }

    @Override
    public String toString() {
        return nativeName;
    }
}
