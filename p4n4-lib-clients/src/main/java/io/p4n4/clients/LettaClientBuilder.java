package io.p4n4.clients;

import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.letta.HttpLettaClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link LettaClient}. Default base URL and server password from the project
 * ({@code http://localhost:8283}, {@code LETTA_SERVER_PASSWORD}); read timeout 300 s because an agent
 * step may run several model calls.
 */
public final class LettaClientBuilder extends ClientBuilder<LettaClientBuilder, LettaClient> {
    private @Nullable String password;

    LettaClientBuilder(ClientFactory owner) {
        super(owner, "letta", owner.endpoints().lettaUrl(), Duration.ofSeconds(300));
        this.password = owner.endpoints().lettaPassword().orElse(null);
    }

    /** Sets the server password ({@code null} or empty: none). Never logged or shown. */
    public LettaClientBuilder password(@Nullable String value) {
        this.password = value;
        return this;
    }

    @Override
    public LettaClient build() {
        HttpService.Builder b = http();
        if (password != null && !password.isEmpty()) {
            // Letta accepts the password as a bearer token, and its own UI sends X-BARE-PASSWORD
            b.credentialHeader("Authorization", "Bearer " + password, password);
            b.credentialHeader("X-BARE-PASSWORD", "password " + password, password);
        }
        return new HttpLettaClient(b.build());
    }

    @Override
    public String toString() {
        return "LettaClientBuilder[password=" + (password == null ? "none" : "***") + "]";
    }
}
