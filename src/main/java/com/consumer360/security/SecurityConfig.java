package com.consumer360.security;

import com.consumer360.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Vaadin's security setup with our login view; views and services are denied unless annotated. */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AppUserDetailsService users) throws Exception {
        http.addFilterAfter(new SignedInUserRefresher(users), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/images/**", "/icons/**", "/styles/**").permitAll());
        // Vaadin denies every request that is not a known route or resource; a signed-in user's mistyped address
        // would then get the browser's bare 403. Unknown paths go to Vaadin's router instead (its "Page not found"
        // view in the app frame) for signed-in users only; anonymous requests still go to the sign-in page.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
