package vn.motcua.platform.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Management;

/**
 * Health and metrics are served on the management port only: the service's own port, the one the Internet reaches,
 * does not answer them; and the metrics name no Java exception class.
 */
@QuarkusTest
class ManagementPortTest {

    @Test
    void theServicesPortDoesNotServeMetricsOrHealth() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        // The API's description stays with the API.
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theManagementPortDoes() {
        // A failed request first, so that an exception tag would have something to name.
        given().get("/api/tenants/khong-co").then().statusCode(404);
        given().port(Management.port()).get("/q/health/ready").then().statusCode(200);
        // The Kubernetes probes of helm/motcua and k8s/ use these three (HelmChartTest checks the paths).
        given().port(Management.port()).get("/q/health/live").then().statusCode(200);
        given().port(Management.port()).get("/q/health/started").then().statusCode(200);
        given().port(Management.port()).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(not(containsString("exception=\"")));
    }
}
