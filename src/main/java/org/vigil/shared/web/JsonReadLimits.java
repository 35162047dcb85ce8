package org.vigil.shared.web;

import java.util.List;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's JSON mapper reads at most {@link #MAX_TOKENS} tokens of one document. A request
 * body is read whole into a tree before any handler sees it, and a 16 MiB body
 * ({@link RequestBodyLimit}) of tiny values ({@code [{},{},…]}) would otherwise become millions of
 * nodes, hundreds of megabytes for one request; the largest body Vigil takes, a batch of 5,000
 * readings, is about 150,000 tokens. Over the limit the answer is 400 ({@link ProblemHandler}).
 *
 * <p>Spring Boot 4.0 has no property for the parser's constraints, which belong to the mapper's
 * factory: this replaces its mapper builder with one on a constrained factory, customized by the
 * same customizers (the {@code spring.jackson.*} properties, problem details), as Boot's own is.
 */
@Configuration(proxyBeanMethods = false)
class JsonReadLimits {

    static final long MAX_TOKENS = 1_000_000;

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(MAX_TOKENS).build())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
