package dev.custograph.api;

import static org.assertj.core.api.Assertions.assertThat;


import dev.custograph.CustographApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** In the prod profile the API answers queries but neither describes itself nor serves GraphiQL. */
@SpringBootTest(classes = CustographApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class ProdProfileIT {

    @DynamicPropertySource
    static void embeddedOnFreePorts(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedApp.onFreePorts(registry, "prod-it", "prod-it-admin-key-0001");
    }

    @LocalServerPort
    int port;

    @Test
    void introspectionAndGraphiqlAreOffAndQueriesStillWork() {
        GraphQlHttp api = GraphQlHttp.withKey(port, "prod-it-admin-key-0001");
        JsonNode introspection = api.post("{ __schema { types { name } } }");
        assertThat(introspection.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(introspection.at("/data/__schema").isMissingNode() || introspection.at("/data/__schema").isNull())
                .isTrue();
        assertThat(api.get("/graphiql").statusCode()).isEqualTo(404);
        assertThat(api.get("/graphiql/index.html").statusCode()).isEqualTo(404);
        assertThat(api.get("/graphql/schema").statusCode()).isEqualTo(404);
        assertThat(api.post("{ products { totalCount } }").at("/data/products/totalCount").asInt()).isZero();
    }
}
