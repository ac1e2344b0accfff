package io.investcrm.system;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The operations checks again, on the packaged jar. */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
