package io.tenantconfig.server.tenant;

/** A checked {@code page}/{@code size} pair: page from 0, size 1 to {@value #MAX_SIZE}. */
record PageRequest(int page, int size) {

    static final int MAX_SIZE = 100;

    static final int DEFAULT_SIZE = 20;

    PageRequest {
        if (page < 0) {
            throw new InvalidTenantConfigException("page", "page must be 0 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidTenantConfigException("size", "size must be between 1 and " + MAX_SIZE + ".");
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidTenantConfigException("page", "page is too large.");
        }
    }

    int offset() {
        return page * size;
    }
}
