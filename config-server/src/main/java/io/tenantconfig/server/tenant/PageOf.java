package io.tenantconfig.server.tenant;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of a list answer; {@code page} counts from 0. */
record PageOf<T>(
        @JsonProperty("content") List<T> content,
        @JsonProperty("page") int page,
        @JsonProperty("size") int size,
        @JsonProperty("total_elements") long totalElements,
        @JsonProperty("total_pages") int totalPages) {

    static <T> PageOf<T> of(List<T> content, PageRequest request, long totalElements) {
        int pages = (int) ((totalElements + request.size() - 1) / request.size());
        return new PageOf<>(List.copyOf(content), request.page(), request.size(), totalElements, pages);
    }
}
