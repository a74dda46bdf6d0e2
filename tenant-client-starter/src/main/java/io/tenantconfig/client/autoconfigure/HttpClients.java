package io.tenantconfig.client.autoconfigure;

import java.net.http.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * RestClients with the configured connect and read timeouts, built from the app's RestClient.Builder when it
 * has one (so its observation and customizers apply). HTTP/1.1 because the JDK client's cleartext HTTP/2
 * upgrade stalls against some servers.
 */
final class HttpClients {

    private HttpClients() {
    }

    static RestClient.Builder builder(ObjectProvider<RestClient.Builder> builders, TenantConfigProperties properties) {
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.getReadTimeout());
        RestClient.Builder shared = builders.getIfAvailable();
        RestClient.Builder builder = shared == null ? RestClient.builder() : shared.clone();
        return builder.requestFactory(requestFactory);
    }

    static JsonMapper jsonMapper(ObjectProvider<JsonMapper> mappers) {
        return mappers.getIfAvailable(() -> JsonMapper.builder().build());
    }
}
