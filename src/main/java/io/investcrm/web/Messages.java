package io.investcrm.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The UI text of InvestCRM: {@code messages/<bundle>.properties} (zh-CN, the default) and {@code <bundle>_en.properties}.
 * Templates reach it through {@link I18nExtensions}; services and mappers through this bean.
 */
@ApplicationScoped
public class Messages {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final Set<Locale> SUPPORTED = Set.of(ZH, EN);

    /** One bundle per feature, so features add their text without touching each other's files. */
    public static final List<String> BUNDLES = List.of("msg", "plan", "company", "pipeline", "activity", "offer",
            "imports", "goals", "dashboard", "security", "picker");
    // never fall back to the JVM's default locale: the base file is zh-CN by decision of the office
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public String get(Locale locale, String key, Object... args) {
        return format(locale, key, args);
    }

    public boolean has(Locale locale, String key) {
        return lookup(locale, key) != null;
    }

    /** Static access for template extensions; unknown keys show as {@code ??key??} so a test can find them. */
    public static String format(Locale locale, String key, Object... args) {
        String pattern = lookup(locale, key);
        if (pattern == null) {
            return "??" + key + "??";
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, normalize(locale)).format(args);
    }

    public static Locale normalize(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
    }

    private static String lookup(Locale locale, String key) {
        Locale l = normalize(locale);
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle("messages." + name, l == ZH ? Locale.ROOT : l,
                        Messages.class.getClassLoader(), CONTROL);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException e) {
                // a feature without text yet
            }
        }
        return null;
    }
}
