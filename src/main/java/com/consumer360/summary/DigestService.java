package com.consumer360.summary;

import com.consumer360.security.Roles;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's own digests and digest settings. Another user's digest does not exist for them: the database
 * returns only rows of the user bound to the connection, whatever id is asked for.
 */
@Service
@PreAuthorize(Roles.ANY_PORTAL_ROLE)
public class DigestService {

    private final DigestQueries queries;
    private final ObjectProvider<JavaMailSender> mail;

    DigestService(DigestQueries queries, ObjectProvider<JavaMailSender> mail) {
        this.queries = queries;
        this.mail = mail;
    }

    /** The user's digests, newest first. */
    @Transactional(readOnly = true)
    public List<Digest> myDigests() {
        return queries.mine(52);
    }

    /** One of the user's digests; empty for an id that is not theirs, exactly as for one that does not exist. */
    @Transactional(readOnly = true)
    public Optional<Digest> myDigest(long id) {
        return queries.mine(id);
    }

    /** Whether the user receives the digest and where. */
    @Transactional(readOnly = true)
    public DigestSettings mySettings() {
        String me = me();
        Optional<Boolean> choice = queries.choice(me);
        return new DigestSettings(choice.orElseGet(DigestService::defaultForRole), choice.isPresent(), queries.email(me),
                mail.getIfAvailable() != null);
    }

    /** Subscribes or unsubscribes the signed-in user (only their own setting: the database checks it). */
    @Transactional
    public void subscribe(boolean subscribed) {
        queries.choose(me(), subscribed);
    }

    /** Sets the signed-in user's e-mail address (empty: none); a malformed address is refused with a message. */
    @Transactional
    public void setEmail(String email) {
        try {
            queries.setMyEmail(email == null ? null : email.strip());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "22023".equals(sql.getSQLState())) {
                    throw new IllegalArgumentException("not an e-mail address");
                }
            }
            throw e;
        }
    }

    /** Executives get the digest unless they say otherwise; everyone else when they ask for it. */
    static boolean defaultForRole() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.EXECUTIVE));
    }

    private static String me() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
