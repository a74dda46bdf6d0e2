package io.tenantconfig.client.tenant;

import java.util.Optional;
import java.util.concurrent.Callable;

import io.tenantconfig.client.config.TenantIds;

/**
 * Names the current tenant for a block of code on this thread, with no web context needed (batch jobs,
 * listeners, schedulers): {@code TenantContext.runAs("acme", () -> ...)}. Blocks nest; the outer tenant is
 * restored afterwards.
 */
public final class TenantContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** Runs the block with the given tenant as the current one. */
    public static void runAs(String tenantId, Runnable block) {
        callAs(tenantId, () -> {
            block.run();
            return null;
        });
    }

    /** Runs the block with the given tenant as the current one and returns its result. */
    public static <T> T callAs(String tenantId, Callable<T> block) {
        String previous = CURRENT.get();
        CURRENT.set(TenantIds.requireValid(tenantId));
        try {
            return block.call();
        }
        catch (RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new IllegalStateException("Task for tenant '" + tenantId + "' failed", ex);
        }
        finally {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        }
    }

    /** The tenant set by an enclosing {@link #runAs} on this thread. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
