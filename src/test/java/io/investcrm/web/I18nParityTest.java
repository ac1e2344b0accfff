package io.investcrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * zh-CN and en carry the same keys, no value is empty, and every key a template names exists
 * (so no page can show a raw key).
 */
class I18nParityTest {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Pattern TEMPLATE_KEY = Pattern.compile("i18n:(?:t|f|f2)\\('([^']+)'");
    static final Pattern LABEL_PARAM = Pattern.compile("(?:label|hint)='([a-z][\\w.-]+)'");

    @Test
    void bundlesDoNotRedefineEachOthersKeys() throws IOException {
        Set<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (String bundle : Messages.BUNDLES) {
            for (String key : load(bundle + ".properties").stringPropertyNames()) {
                if (!seen.add(key)) {
                    twice.add(bundle + ": " + key);
                }
            }
        }
        assertEquals(List.of(), twice);
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            sameKeys(load(bundle + ".properties"), load(bundle + "_en.properties"));
        }
    }

    private static void sameKeys(Properties zh, Properties en) {
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        assertEquals(Set.of(), onlyZh, "keys missing in msg_en.properties");
        assertEquals(Set.of(), onlyEn, "keys missing in msg.properties");
        for (String key : zh.stringPropertyNames()) {
            assertFalse(zh.getProperty(key).isBlank(), "empty zh value: " + key);
            assertFalse(en.getProperty(key).isBlank(), "empty en value: " + key);
        }
    }

    @Test
    void chineseFileIsReallyChinese() throws IOException {
        Properties zh = load("msg.properties");
        assertTrue(zh.getProperty("nav.companies").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Properties zh = all();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(f);
                for (Pattern pattern : List.of(TEMPLATE_KEY, LABEL_PARAM)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        if (!zh.containsKey(m.group(1))) {
                            missing.add(f.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    static Properties all() throws IOException {
        Properties p = new Properties();
        for (String bundle : Messages.BUNDLES) {
            p.putAll(load(bundle + ".properties"));
        }
        return p;
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        if (!Files.exists(MESSAGES.resolve(name))) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
