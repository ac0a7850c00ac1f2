package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.positionlab.service.Services;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a token, every request needs {@code Authorization: Bearer <token>}. */
class ApiAuthTest {

    private static final String TOKEN = "s3cret-token";

    private Database db;
    private ApiServer server;

    @BeforeEach
    void start() throws Exception {
        db = TestStores.memory();
        server = ApiServer.start(Services.over(db), ApiServer.Options.loopback(0, "t").withToken(TOKEN));
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void withoutATokenEveryRequestIsA401InJson() {
        ApiClient anonymous = new ApiClient(server);

        ApiClient.Answer health = anonymous.get(Endpoints.HEALTH);
        assertThat(health.status()).isEqualTo(401);
        assertThat(health.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(health.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.post(Endpoints.KELLY_CRITERION, SampleRequests.KELLY).status()).isEqualTo(401);
        assertThat(anonymous.get("/no/such/path").status()).as("no probing for paths").isEqualTo(401);
    }

    @Test
    void aWrongTokenIsA401() {
        assertThat(new ApiClient(server, "wrong").get(Endpoints.HEALTH).status()).isEqualTo(401);
        assertThat(new ApiClient(server, TOKEN + "x").get(Endpoints.HEALTH).status()).isEqualTo(401);
        assertThat(new ApiClient(server, TOKEN.substring(1)).get(Endpoints.HEALTH).status()).isEqualTo(401);
        ApiClient.Answer basic = new ApiClient(server).send(new ApiClient(server).request(Endpoints.HEALTH)
                .header("Authorization", "Basic " + TOKEN).GET());
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void theRightTokenIsServed() {
        ApiClient client = new ApiClient(server, TOKEN);

        assertThat(client.get(Endpoints.HEALTH).status()).isEqualTo(200);
        assertThat(client.post(Endpoints.KELLY_CRITERION, SampleRequests.KELLY).status()).isEqualTo(200);
        assertThat(client.get("/no/such/path").status()).isEqualTo(404);
    }

    @Test
    void refusedRequestsAreCountedAsClientErrors() {
        new ApiClient(server).get(Endpoints.HEALTH);

        var m = new ApiClient(server, TOKEN).get(Endpoints.METRICS).json();
        assertThat(m.get("endpoints").get(Endpoints.HEALTH).get("client_errors").asLong()).isEqualTo(1);
    }

    @Test
    void theTokenComparisonIgnoresTheSchemeCaseAndSurroundingSpace() {
        BearerToken token = new BearerToken(TOKEN);

        assertThat(token.accepts("Bearer " + TOKEN)).isTrue();
        assertThat(token.accepts("bearer  " + TOKEN + " ")).isTrue();
        assertThat(token.accepts(null)).isFalse();
        assertThat(token.accepts("")).isFalse();
        assertThat(token.accepts("Bearer ")).isFalse();
        assertThat(token.accepts(TOKEN)).isFalse();
    }
}
