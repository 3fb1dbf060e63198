package dev.custograph.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at /graphiql, from the jar (built from web/graphiql into graphiql/, every script and stylesheet bundled),
 * when {@code custograph.graphiql.enabled} is true (the default; the prod profile turns it off). Spring for GraphQL's
 * own page is off: it loads GraphiQL from a CDN and stays on "Loading..." where the product runs without internet.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custograph.graphiql.enabled", havingValue = "true", matchIfMissing = true)
public class GraphiqlResources implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
        registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Bundles are named after their content hash: kept a year. The page itself keeps its name: not stored.
        registry.addResourceHandler("/graphiql/assets/**").addResourceLocations("classpath:/graphiql/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/graphiql/*").addResourceLocations("classpath:/graphiql/");
    }
}
