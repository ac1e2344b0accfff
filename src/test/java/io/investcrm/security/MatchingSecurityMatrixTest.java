package io.investcrm.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.investcrm.support.RoleMatrix;
import io.investcrm.support.RoleMatrix.Endpoint;
import io.quarkus.test.junit.QuarkusTest;

/** The matching endpoints added by issue 12 with real tokens: no token → 401, wrong role → 403, right role → 2xx. */
@QuarkusTest
class MatchingSecurityMatrixTest {

    @TestFactory
    Stream<DynamicTest> matchingStatus() {
        return RoleMatrix.tests(List.of(new Endpoint("GET", "/api/matching/status", u -> "/api/matching/status", null,
                Set.of(RoleMatrix.MANAGER, RoleMatrix.ADMIN))));
    }
}
