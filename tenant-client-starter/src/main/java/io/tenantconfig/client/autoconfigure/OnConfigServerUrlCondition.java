package io.tenantconfig.client.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code tenant.config.server-url} or {@code tenant.config.server-urls} is set.
 */
class OnConfigServerUrlCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        String single = binder.bind(TenantConfigProperties.PREFIX + ".server-url", String.class).orElse(null);
        List<String> several = binder.bind(TenantConfigProperties.PREFIX + ".server-urls",
                Bindable.listOf(String.class)).orElse(List.of());
        if (StringUtils.hasText(single) || several.stream().anyMatch(StringUtils::hasText)) {
            return ConditionOutcome.match("tenant.config.server-url(s) is set");
        }
        return ConditionOutcome.noMatch("tenant.config.server-url(s) is not set");
    }
}
