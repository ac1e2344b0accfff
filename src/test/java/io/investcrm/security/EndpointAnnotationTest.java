package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PATCH;

import org.junit.jupiter.api.Test;

import io.quarkus.security.Authenticated;

/** Every JAX-RS method states who may call it (deny-unannotated is the safety net, not the design). */
class EndpointAnnotationTest {

    @Test
    void everyEndpointDeclaresItsRoles() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Class<?>> resources = resourceClasses();
        assertFalse(resources.isEmpty(), "no resource classes found");
        for (Class<?> type : resources) {
            for (Method m : type.getDeclaredMethods()) {
                boolean endpoint = m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class)
                        || m.isAnnotationPresent(PATCH.class);
                if (endpoint && !declares(m) && !declares(type)) {
                    missing.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "endpoints without @RolesAllowed/@PermitAll/@Authenticated/@DenyAll");
    }

    private static boolean declares(java.lang.reflect.AnnotatedElement e) {
        return e.isAnnotationPresent(RolesAllowed.class) || e.isAnnotationPresent(PermitAll.class)
                || e.isAnnotationPresent(Authenticated.class) || e.isAnnotationPresent(DenyAll.class);
    }

    static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of("target/classes");
        List<Class<?>> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/investcrm"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, EndpointAnnotationTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    result.add(type);
                }
            }
        }
        return result;
    }
}
