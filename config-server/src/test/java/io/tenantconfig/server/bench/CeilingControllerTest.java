package io.tenantconfig.server.bench;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark ceiling exists only when switched on, and then answers the same precomputed body every time. */
class CeilingControllerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(CeilingController.class);

    @Test
    void absentByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CeilingController.class));
    }

    @Test
    void absentWhenSwitchedOff() {
        runner.withPropertyValues("tenant-config.bench.ceiling-endpoint=false")
            .run(context -> assertThat(context).doesNotHaveBean(CeilingController.class));
    }

    @Test
    void presentWhenSwitchedOnAndAnswersOneFixedJsonBodyOfAboutTwoKilobytes() {
        runner.withPropertyValues("tenant-config.bench.ceiling-endpoint=true").run(context -> {
            assertThat(context).hasSingleBean(CeilingController.class);
            CeilingController controller = context.getBean(CeilingController.class);

            ResponseEntity<byte[]> first = controller.ceiling();
            ResponseEntity<byte[]> second = controller.ceiling();

            assertThat(first.getStatusCode().value()).isEqualTo(200);
            assertThat(first.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
            assertThat(second.getBody()).as("built once, not per request").isSameAs(first.getBody());
            assertThat(first.getBody().length).isBetween(1500, 2500);
            JsonNode body = JsonMapper.builder().build().readTree(first.getBody());
            assertThat(body.get("propertySources").get(0).get("source").size()).isEqualTo(40);
        });
    }
}
