package org.vigil.shared.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The paging parameters every list endpoint takes: {@code page} (from 0) and {@code size} (1 to
 * {@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}). A size over the maximum is refused with 400
 * naming {@code size}, never silently capped.
 */
public record PageQuery(@Min(value = 0, message = "must be 0 or more") @Max(value = 100_000, message = "must be at most 100000") Integer page,
        @Min(value = 1, message = "must be at least 1") @Max(value = PageQuery.MAX_SIZE, message = "must be at most " + PageQuery.MAX_SIZE) Integer size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 25;

    public int pageOrDefault() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }

    public Pageable pageable(Sort sort) {
        return PageRequest.of(pageOrDefault(), sizeOrDefault(), sort);
    }
}
