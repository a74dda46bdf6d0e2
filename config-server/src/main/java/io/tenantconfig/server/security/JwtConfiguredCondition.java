package io.tenantconfig.server.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when one JWT key source is configured; without one, only HTTP Basic is accepted. */
class JwtConfiguredCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        JwtProperties properties = Binder.get(context.getEnvironment())
            .bind("tenant-config.security.jwt", JwtProperties.class)
            .orElseGet(JwtProperties::new);
        return JwtDecoders.isConfigured(properties);
    }
}
