package dev.custograph.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How browsers may keep the dashboard's files (built from web/ into static/). Vite names each bundle after its content
 * hash, so /assets/ may be kept for a year and never revalidated. index.html, widget.js and the demo page keep their
 * names across versions, so they keep Spring Security's default (not stored): they are small (1-4 kB).
 */
@Configuration(proxyBeanMethods = false)
public class DashboardResources implements WebMvcConfigurer {

    /** Tomcat's own refusals (headers too large, ...) as GraphQL-shaped JSON, not an HTML page. */
    @org.springframework.context.annotation.Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
            org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> jsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
