package io.investcrm.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The top level of the repository holds only what README's *Layout* section names: a stray file (a mistyped shell
 * redirect once committed one named {@code -Dquarkus.http.port=0}) fails the build instead of lingering.
 */
class TopLevelLayoutTest {

    private static final Pattern NAMED = Pattern.compile("`([^`/\\s]+)/?`");

    @Test
    void everyTrackedTopLevelEntryIsNamedInTheReadme() throws Exception {
        Set<String> named = namedInReadme(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertTrue(named.contains("src") && named.contains("pom.xml"), "README's Layout section names " + named);
        Set<String> tracked = trackedTopLevel();
        tracked.removeAll(named);
        assertEquals(Set.of(), tracked, "tracked at the top level but not named in README's Layout section");
    }

    /** The backticked names of README's "## Layout" section. */
    static Set<String> namedInReadme(String readme) {
        int start = readme.indexOf("\n## Layout");
        assertTrue(start >= 0, "README has no '## Layout' section");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher m = NAMED.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The first path segment of every file git tracks (the index, so a file staged by mistake counts too). */
    static Set<String> trackedTopLevel() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), "git ls-files failed: " + out);
        Set<String> top = new TreeSet<>();
        for (String path : out.split("\0")) {
            if (!path.isEmpty()) {
                int slash = path.indexOf('/');
                top.add(slash < 0 ? path : path.substring(0, slash));
            }
        }
        return top;
    }
}
