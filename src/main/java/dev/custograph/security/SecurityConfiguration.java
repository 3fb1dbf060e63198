package dev.custograph.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may reach what over HTTP. Health is open to all (load balancers, probes); GraphQL needs an API key of any role,
 * and what each role may read is decided field by field (api.FieldAccess); the other actuator endpoints (metrics,
 * Prometheus, caches) need the admin role. The GraphiQL page itself is open, its queries are not. No sessions, no
 * cookies, so no CSRF to defend against.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    ApiKeys apiKeys(SecuritySettings settings) {
        ApiKeys keys = new ApiKeys();
        String admin = settings.adminKey();
        if ((admin == null || admin.isBlank()) && settings.adminKeyFile() != null) {
            admin = ApiKeys.readKeyFile(settings.adminKeyFile(), "custograph.security.admin-key-file");
        }
        if (admin == null || admin.isBlank()) {
            boolean configuredAdmin = settings.keys().stream().anyMatch(k -> Role.of(k.role()) == Role.ADMIN);
            if (!configuredAdmin) {
                admin = ApiKeys.generate();
                log.warn("No admin key is configured, so this run made one; use it as 'Authorization: Bearer {}'. "
                        + "Choose your own with `serve --admin-key-file FILE` or CUSTOGRAPH_SECURITY_ADMIN_KEY.", admin);
            }
        }
        if (admin != null && !admin.isBlank()) {
            keys.add(admin, "admin", Role.ADMIN);
        }
        for (SecuritySettings.Key key : settings.keys()) {
            keys.add(key.key(), key.name() == null ? key.role() : key.name(), Role.of(key.role()), key.signingSecret(),
                    key.signatureExpiryRequired());
        }
        return keys;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, SecuritySettings settings) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(graphqlFromOtherOrigins(settings.allowedOrigins())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Spring's error page, which a refused request (a malformed body) is forwarded to.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/graphiql", "/graphiql/**").permitAll()
                        // The dashboard and the widget are static files; what they show comes from /graphql, with
                        // the key the user or the host page gives.
                        .requestMatchers("/", "/index.html", "/widget-demo.html", "/widget.js", "/assets/**",
                                "/favicon.svg").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/graphql", "/graphql/**", "/widget/recommendations").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> GraphQlErrorBody.write(response, 401,
                                "UNAUTHORIZED", "send an API key as 'Authorization: Bearer <key>'"))
                        .accessDeniedHandler((request, response, e) -> GraphQlErrorBody.write(response, 403,
                                "FORBIDDEN", "this API key's role may not use " + request.getRequestURI())));
        return http.build();
    }

    /**
     * Cross-origin calls to /graphql and the widget's endpoint (the widget on a shop's page), with the headers the API
     * reads and sends.
     */
    private static CorsConfigurationSource graphqlFromOtherOrigins(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(origins);
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Customer-Id", "X-Customer-Signature",
                "Custograph-Bookmark", "If-None-Match"));
        cors.setExposedHeaders(List.of("Custograph-Bookmark", "ETag"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/graphql", cors);
        source.registerCorsConfiguration("/widget/recommendations", cors);
        return source;
    }

    /**
     * No observation (timer and span) around each of the security filters of each request: with a dozen filters
     * it cost more than the widget's whole answer (profiled with JFR under wrk); requests are still timed as a whole
     * (http.server.requests) and refusals still logged.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityFilterObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** There are no users and passwords, only API keys; this stops Spring Boot from making a default user. */
    @Bean
    UserDetailsService noUsers() {
        return username -> {
            throw new UsernameNotFoundException("Custograph has API keys, not users");
        };
    }
}
