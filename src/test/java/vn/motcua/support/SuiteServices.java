package vn.motcua.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL and Keycloak for every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(value = EmbeddedServicesResource.class, restrictToAnnotatedClass = false)
public final class SuiteServices {

    private SuiteServices() {
    }
}
