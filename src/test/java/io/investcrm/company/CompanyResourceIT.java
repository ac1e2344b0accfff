package io.investcrm.company;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The company API tests again, on the packaged jar (as it ships, launched with the test profile's services). */
@QuarkusIntegrationTest
class CompanyResourceIT extends CompanyResourceTest {
}
