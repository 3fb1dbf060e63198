package dev.custograph.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}: a known key makes the request its holder's, with the holder's
 * role; an unknown key is refused at once (401) rather than treated as anonymous, so a mistyped key says so.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            var holder = keys.find(header.substring(BEARER.length()).strip());
            if (holder.isEmpty()) {
                GraphQlErrorBody.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
                        "the API key is not one this server knows");
                return;
            }
            var authentication = new UsernamePasswordAuthenticationToken(holder.get(), null,
                    List.of(new SimpleGrantedAuthority(holder.get().role().authority())));
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
        chain.doFilter(request, response);
    }
}
