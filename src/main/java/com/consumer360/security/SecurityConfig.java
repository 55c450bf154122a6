package com.consumer360.security;

import com.consumer360.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.switchuser.AuthenticationSwitchUserEvent;
import org.springframework.security.web.authentication.switchuser.SwitchUserFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Vaadin's security setup with our login view; views and services are denied unless annotated. On top (docs/security.md):
 * security headers on every response, CSRF on the sign-in form, sign-in throttling, "view as" for admins, actuator
 * endpoints other than health for admins only.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AppUserDetailsService users, SignInThrottle throttle,
                                            ApplicationEventPublisher events) throws Exception {
        http.addFilterBefore(new SecurityHeadersFilter(), HeaderWriterFilter.class);
        http.addFilterAfter(new SignedInUserRefresher(users), SecurityContextHolderFilter.class);
        http.addFilterBefore(new LoginCsrfFilter(), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(viewAs(users, events), AuthorizationFilter.class);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/images/**", "/icons/**", "/styles/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                .requestMatchers(ViewAs.EXIT).hasAuthority(SwitchUserFilter.ROLE_PREVIOUS_ADMINISTRATOR)
                .requestMatchers(ViewAs.START).hasRole(Roles.ADMIN));
        // Vaadin denies every request that is not a known route or resource; a signed-in user's mistyped address
        // would then get the browser's bare 403. Unknown paths go to Vaadin's router instead (its "Page not found"
        // view in the app frame) for signed-in users only; anonymous requests still go to the sign-in page.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    /** Switch-user as "view as": admins only (checked by the authorization rule above), never as another admin. */
    private static SwitchUserFilter viewAs(AppUserDetailsService users, ApplicationEventPublisher events) {
        SwitchUserFilter filter = new SwitchUserFilter();
        // Vaadin installs its own context holder strategy after this filter is built: always ask for the current one.
        filter.setSecurityContextHolderStrategy(new CurrentSecurityContextHolderStrategy());
        filter.setUserDetailsService(users);
        filter.setSwitchUserMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, ViewAs.START));
        filter.setExitUserMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, ViewAs.EXIT));
        filter.setUsernameParameter("username");
        filter.setTargetUrl("/");
        filter.setFailureHandler(new SimpleUrlAuthenticationFailureHandler("/admin/users?view-as-refused"));
        filter.setUserDetailsChecker(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled user");
            }
            if (user instanceof AppUser target && target.roles().contains(Roles.ADMIN)) {
                throw new DisabledException("admins cannot view as another admin");
            }
        });
        filter.setApplicationEventPublisher(event -> {
            if (event instanceof AuthenticationSwitchUserEvent switched) {
                ViewAs.admin(switched.getAuthentication()).ifPresentOrElse(
                        admin -> events.publishEvent(new ViewAsEvent(admin, switched.getAuthentication().getName(), false)),
                        () -> events.publishEvent(new ViewAsEvent(switched.getAuthentication().getName(),
                                switched.getTargetUser().getUsername(), true)));
            } else {
                events.publishEvent(event);
            }
        });
        filter.afterPropertiesSet(); // builds the success handler from the target URL (no bean, so not called for us)
        return filter;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
