package io.tenantconfig.server.importer;

import java.util.List;

/** An import file that cannot be imported; the message names each bad entry and never holds a value. */
public class TenantImportException extends RuntimeException {

    public TenantImportException(String message) {
        super(message);
    }

    static TenantImportException of(String source, List<String> problems) {
        return new TenantImportException(source + ": " + problems.size() + " problem(s), nothing imported:\n  "
                + String.join("\n  ", problems));
    }
}
