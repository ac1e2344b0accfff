package io.investcrm.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The schema rules Flyway migrations must keep (they run on MySQL 8 in production and MariaDB in tests). */
class MigrationConventionsTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** Java migrations (data rebuilt with the application's own rules) live in the package Flyway scans by default. */
    static final Path JAVA_MIGRATIONS = Path.of("src/main/java/db/migration");

    @Test
    void versionsAreUniqueAndWellNamed() throws IOException {
        Set<String> versions = new HashSet<>();
        for (Path f : migrations()) {
            Matcher m = Pattern.compile("V(\\d{3})__[a-z0-9]+(_[a-z0-9]+)*\\.sql").matcher(f.getFileName().toString());
            assertTrue(m.matches(), "badly named migration " + f.getFileName());
            assertTrue(versions.add(m.group(1)), "two migrations with version " + m.group(1));
        }
        try (Stream<Path> files = Files.list(JAVA_MIGRATIONS)) {
            for (Path f : files.toList()) {
                Matcher m = Pattern.compile("V(\\d{3}_\\d+)__[a-z0-9]+(_[a-z0-9]+)*\\.java").matcher(f.getFileName().toString());
                assertTrue(m.matches(), "badly named Java migration " + f.getFileName());
                assertTrue(versions.add(m.group(1)), "two migrations with version " + m.group(1));
            }
        }
    }

    @Test
    void everyTableIsInnoDbUtf8mb4() throws IOException {
        for (Path f : migrations()) {
            String sql = Files.readString(f).replaceAll("(?m)^\\s*--.*$", "");
            // one statement at a time: an ALTER after a CREATE TABLE (a foreign key to it) is not part of its definition
            for (String statement : sql.split(";")) {
                String[] parts = statement.split("(?i)CREATE TABLE", 2);
                if (parts.length < 2) {
                    continue;
                }
                String create = parts[1];
                String tail = create.substring(create.lastIndexOf(')'));
                assertTrue(tail.contains("ENGINE=InnoDB") && tail.contains("utf8mb4"), f.getFileName() + ": " + create.trim().split("\\s")[0]);
            }
        }
    }

    /**
     * MySQL Connector/J 9.6 decides from the SQL text whether a statement returns rows, and reads a column named
     * like {@code merged_into_id} as {@code SELECT … INTO}: the SELECT then fails. No identifier may contain it.
     */
    @Test
    void noIdentifierContainsTheWordInto() throws IOException {
        List<String> offenders = new ArrayList<>();
        Pattern word = Pattern.compile("(?i)\\b\\w*(_into|into_)\\w*\\b");
        for (Path f : migrations()) {
            Matcher m = word.matcher(Files.readString(f));
            while (m.find()) {
                offenders.add(f.getFileName() + ": " + m.group());
            }
        }
        assertEquals(List.of(), offenders);
    }
}
