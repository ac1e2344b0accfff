package io.investcrm.web;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** {@code {i18n:t('key')}} and {@code {i18n:f('key', arg)}} in templates, in the page's locale. */
@TemplateExtension(namespace = "i18n")
public class I18nExtensions {

    static String t(String key, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.format(toLocale(locale), key);
    }

    static String f(String key, Object arg, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.format(toLocale(locale), key, arg);
    }

    static String f2(String key, Object arg1, Object arg2, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.format(toLocale(locale), key, arg1, arg2);
    }

    /** An enum or code shown to people: {@code {i18n:e('stage', p.stage)}} looks up {@code stage.LEAD}. */
    static String e(String prefix, Object value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return value == null ? "" : Messages.format(toLocale(locale), prefix + "." + value);
    }

    static boolean en(@TemplateExtension.TemplateAttribute("locale") Object locale) {
        return toLocale(locale) == Messages.EN;
    }

    static Locale toLocale(Object locale) {
        if (locale instanceof Locale l) {
            return Messages.normalize(l);
        }
        return locale == null ? Messages.ZH : Messages.normalize(Locale.forLanguageTag(locale.toString()));
    }
}
