package io.tenantconfig.server.security;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service password must stay as configured after logins: an upgrade to BCrypt would cost a BCrypt check on
 * every config request and cap the server at a handful of requests per second.
 */
@TenantConfigServerTest
class ServiceCredentialsTest {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService serviceUsers;

    @Test
    void basicLoginsDoNotReencodeTheServicePassword() {
        ServerClient client = new ServerClient(port);
        for (int i = 0; i < 2; i++) {
            assertThat(client.get("/application/default", ServerClient.basic()).statusCode()).isEqualTo(200);
        }

        assertThat(serviceUsers.loadUserByUsername("config").getPassword()).startsWith("{noop}");
    }
}
